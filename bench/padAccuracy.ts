/**
 * Pad-path accuracy: words drawn as pen strokes from Hershey stroke fonts go through exactly what
 * the pad runs (core/strokes grouping, rendering and line frames, then the Recognizer with the
 * n-gram), and the text is compared with what was written. Prints figures; asserts nothing.
 *
 *   npm run bench:pad-accuracy -- [--split heldout|train] [--lines N] [--model DIR]
 *
 * Each line: three words from a fixed vocabulary of words, identifiers and numbers, with seeded
 * variation in size, slant, baseline, letter and word spacing, pen width and pointer noise.
 * Held-out Hershey fonts (training/fonts.ts) are never trained on.
 */
import { performance } from 'node:perf_hooks';
import { strokesToCharacters } from '../core/strokes';
import { Recognizer } from '../core/recognizer';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier, loadNgram } from '../node/modelFiles';
import { HERSHEY_FONTS, type Split } from '../training/fonts';
import { loadHersheyFont } from '../training/hershey';
import { LineRanges, writeHersheyLine } from '../training/hersheyLines';
import { lcg } from '../training/prng';

const VOCAB = (
  'the quick brown fox jumps over lazy dog hello world value index count total print return const let ' +
  'Map String Number Error Promise JSON HTTP URL idx2 getValue x1 0x1F camelCase 2026 42 ' +
  'width height size push pop new for while if else true false null'
).split(' ');

interface Args {
  split: Split;
  lines: number;
  model: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { split: 'heldout', lines: 60, model: DEFAULT_MODEL_DIR };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') args.split = argv[++i] as Split;
    else if (argv[i] === '--lines') args.lines = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--model') args.model = argv[++i];
    else throw new Error(`Unknown argument '${argv[i]}'. Usage: padAccuracy [--split heldout|train] [--lines N] [--model DIR]`);
  }
  return args;
}

/** Levenshtein distance, for the character error rate. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** How the bench writes: a little tidier than the grouping tests' ranges, as a person writing to be read. */
const RANGES: LineRanges = {
  xHeight: [16, 40],
  slant: [-0.05, 0.25],
  inkWidth: [2.5, 5],
  wordGap: [0.9, 1.6],
  letterGap: [0.1, 0.45],
  charScale: [0.92, 1.08],
  baselineShift: [-0.06, 0.06],
  baselineY: 120,
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const backend = await initNodeBackend();
  const { classifier } = loadClassifier(args.model);
  const ngram = loadNgram();
  const recognizer = new Recognizer(classifier, { ngram });
  const fonts = HERSHEY_FONTS.filter((f) => f.split === args.split).map((f) => f.id);
  console.log(`Pad-path accuracy on ${args.split} Hershey fonts (${fonts.join(', ')}), ${args.lines} three-word lines per font; model ${args.model}, n-gram ${ngram ? 'on' : 'off'}, backend ${backend}`);
  for (const fontId of fonts) {
    const rnd = lcg(20261126);
    const font = loadHersheyFont(fontId);
    let chars = 0, errors = 0, wordsRight = 0, words = 0, grouped = 0, ms = 0;
    const examples: string[] = [];
    for (let i = 0; i < args.lines; i++) {
      const w = writeHersheyLine(font, VOCAB, RANGES, rnd);
      const t0 = performance.now();
      const r = strokesToCharacters(w.strokes, { inkWidth: w.inkWidth });
      const read = recognizer.recognizeSequence(r.characters, { spaceBefore: r.spaceBefore, lineBreakBefore: r.lineBreakBefore });
      ms += performance.now() - t0;
      if (r.characters.length === w.text.replace(/ /g, '').length) grouped++;
      chars += w.text.length;
      errors += editDistance(read.text, w.text);
      const want = w.text.split(' '), got = read.text.split(' ');
      words += want.length;
      want.forEach((word, k) => (wordsRight += got[k] === word ? 1 : 0));
      if (read.text !== w.text && examples.length < 4) examples.push(`'${w.text}' -> '${read.text}'`);
    }
    console.log(
      `  ${fontId.padEnd(8)} CER ${((100 * errors) / chars).toFixed(1)}%  words ${((100 * wordsRight) / words).toFixed(1)}%  ` +
        `character count right ${grouped}/${args.lines}  ${(ms / args.lines).toFixed(1)} ms/line   e.g. ${examples.join(', ')}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
