/**
 * Builds the character n-gram that decoding uses: models/ngram/char-ngram.json + CARD.md.
 *
 *   npx tsx training/buildNgram.ts [--order 4] [--max-bytes 290000]
 *
 * Text the project can ship and name: TypeScript declaration files and JavaScript sources of its
 * own npm dependencies (node_modules, pinned by package-lock.json) and Debian's wamerican word
 * list. Deterministic: files are read in sorted order and the word list is shuffled with a fixed
 * seed, so the same installed packages give the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildNgramModel, countNgrams, DEFAULT_VOCAB } from '../core/decode/ngramBuild';
import { NgramModel } from '../core/decode/ngram';
import { isBenchWord, readWordList, WORDS_FILE } from './wordSplit';
import { mulberry32 } from './prng';

const ROOT = process.cwd();
const OUT_DIR = path.join(ROOT, 'models', 'ngram');
const SEED = 20261126;

interface Source {
  readonly name: string;
  readonly dir: string;
  readonly include: (file: string) => boolean;
}

const SOURCES: Source[] = [
  { name: '@types/vscode', dir: 'node_modules/@types/vscode', include: (f) => f.endsWith('.d.ts') },
  { name: '@types/node', dir: 'node_modules/@types/node', include: (f) => f.endsWith('.d.ts') },
  {
    name: 'typescript/lib (lib.*.d.ts without the DOM/worker libs)',
    dir: 'node_modules/typescript/lib',
    include: (f) => /^lib\..*\.d\.ts$/.test(path.basename(f)) && !/^lib\.(dom|webworker)/.test(path.basename(f)),
  },
  { name: '@tensorflow/tfjs-core (dist .d.ts)', dir: 'node_modules/@tensorflow/tfjs-core/dist', include: (f) => f.endsWith('.d.ts') && !f.endsWith('_test.d.ts') },
  {
    name: '@tensorflow/tfjs-core (dist/ops .js sources)',
    dir: 'node_modules/@tensorflow/tfjs-core/dist/ops',
    include: (f) => f.endsWith('.js') && !f.endsWith('_test.js') && !f.includes('.min.'),
  },
  // Binary-format parsers: the corpus's hex constants (0xFF, 0x89) and numeric code.
  { name: 'jpeg-js (lib .js)', dir: 'node_modules/jpeg-js/lib', include: (f) => f.endsWith('.js') },
  { name: 'omggif (.js)', dir: 'node_modules/omggif', include: (f) => f.endsWith('omggif.js') },
  { name: 'pngjs (lib .js)', dir: 'node_modules/pngjs/lib', include: (f) => f.endsWith('.js') },
];

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${name} needs a number.`);
  return v;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** License banners repeat in every file; they would teach the LM one paragraph by heart. */
function stripLicense(text: string): string {
  return text.replace(/\/\*\*?[^]*?@license[^]*?\*\//g, ' ').replace(/\/\/# sourceMappingURL=.*$/gm, ' ');
}


function main(): void {
  const order = argValue('--order', 4);
  const maxBytes = argValue('--max-bytes', 290_000);
  const texts: string[] = [];
  const sourceStats: { name: string; files: number; bytes: number }[] = [];
  for (const s of SOURCES) {
    const files = listFiles(path.join(ROOT, s.dir)).filter(s.include);
    let bytes = 0;
    for (const f of files) {
      const t = stripLicense(fs.readFileSync(f, 'utf8'));
      bytes += t.length;
      texts.push(t);
    }
    sourceStats.push({ name: s.name, files: files.length, bytes });
  }
  // Words once each, without possessives, in a seeded order (alphabetical order would leak prefixes);
  // one in ten is kept out for bench/context.ts.
  const words = readWordList().filter((w) => !isBenchWord(w));
  const rand = mulberry32(SEED);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  texts.push(...words);
  sourceStats.push({ name: `wamerican (${WORDS_FILE}), words without apostrophes, minus the 1 in 10 held out for bench/context.ts`, files: 1, bytes: words.join(' ').length });

  const t0 = Date.now();
  const counts = countNgrams(texts, order, DEFAULT_VOCAB);
  console.log(`counted ${counts.counts.size} n-gram types in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Smallest count threshold whose file fits the size budget.
  let chosen: { json: string; minCount: number } | null = null;
  // Longer n-grams need more evidence: the threshold halves per order below the top one, which
  // keeps short contexts like "0x" whole (measured: lower cross-entropy than one flat threshold).
  for (const t of [2, 4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256]) {
    const minCount = Array.from({ length: order + 1 }, (_, n) => (n <= 2 ? 2 : Math.max(2, Math.round(t / 2 ** (order - n)))));
    const model = buildNgramModel(counts, {
      minCount,
      training: {
        sources: sourceStats,
        order,
        smoothing: 'Witten-Bell interpolation, count-pruned, ARPA back-off weights, quantized ln p (step 0.125 nats)',
        minCount: minCount.slice(2),
        seed: SEED,
        command: 'npx tsx training/buildNgram.ts',
      },
    });
    const json = JSON.stringify(model);
    console.log(`min count ${t}: ${Object.keys(model.contexts).length} contexts, ${json.length} bytes`);
    if (json.length <= maxBytes) {
      chosen = { json, minCount: t };
      break;
    }
  }
  if (!chosen) throw new Error('No threshold fits the size budget.');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'char-ngram.json'), chosen.json + '\n');
  const model = NgramModel.fromJson(JSON.parse(chosen.json));
  const probe = (s: string) => (-model.lnProbOfText(' ', s) / Math.LN2 / s.length).toFixed(2);
  console.log(`bits/char: "function " ${probe('function ')}, "idx2 " ${probe('idx2 ')}, "0x1F " ${probe('0x1F ')}, "the " ${probe('the ')}`);
  fs.writeFileSync(path.join(OUT_DIR, 'CARD.md'), card(order, chosen.minCount, chosen.json.length, sourceStats, Object.keys(JSON.parse(chosen.json).contexts).length));
  console.log(`wrote models/ngram/char-ngram.json (${chosen.json.length} bytes) and CARD.md`);
}

function card(order: number, minCount: number, bytes: number, sources: { name: string; files: number; bytes: number }[], contexts: number): string {
  return `# Character n-gram for decoding (models/ngram/char-ngram.json)

Used by core/decode (beam search) to settle look-alike characters (1/l/I, 0/o/O, 5/S) from
their neighbours and the text before the cursor. Not a dictionary: it scores characters, never words.

- Order: ${order} (contexts of up to ${order - 1} characters); vocabulary: printable ASCII (95 characters),
  whitespace runs read as one space.
- Smoothing: Witten-Bell interpolation on the full counts, then n-grams seen fewer times than
  the threshold are pruned (threshold ${minCount} for ${order}-grams, halved per shorter order, at least 2), with ARPA back-off weights recomputed so each
  context still sums to 1; ln p and back-off weights are quantized to 0.125 nats (one character each).
- Size: ${bytes} bytes, ${contexts} contexts.
- Rebuild: \`npx tsx training/buildNgram.ts\` (deterministic: sorted file order, word list shuffled with a fixed seed).

## Sources (all shipped with the project's own dependencies or Debian's wamerican package)
| source | files | characters |
| --- | ---: | ---: |
${sources.map((s) => `| ${s.name} | ${s.files} | ${s.bytes} |`).join('\n')}

License banners (\`@license\` comments) and source-map lines are stripped before counting.
One word in ten of the word list (training/wordSplit.ts) is left out so that \`npm run bench:context\`
reads words the n-gram never saw; its identifiers come from JavaScript this file never reads.

## How decoding uses it
core/decode/beam.ts scores each word as classifier ln p + lmWeight x ln p_LM (renormalised over
the allowed labels, mixed with a uniform floor so an unseen identifier costs a bounded amount);
weights tuned with \`npm run bench:context -- --tune\` on held-out tuning families, reported with
\`npm run bench:context\` on the other held-out families.
`;
}

main();
