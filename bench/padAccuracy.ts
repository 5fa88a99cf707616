/**
 * Pad-path accuracy: words drawn as pen strokes from Hershey stroke fonts go through exactly what
 * the pad runs (core/strokes grouping, rendering and line frames, then the Recognizer with the
 * n-gram), and the text is compared with what was written. Prints figures; asserts nothing.
 *
 *   npm run bench:pad-accuracy -- [--split heldout|train] [--lines N] [--model DIR]
 *
 * Each line: three words from a fixed vocabulary of words, identifiers and numbers, with seeded
 * variation in size, slant, baseline, letter and word spacing, pen width and pointer noise.
 * Held-out Hershey fonts (training/fonts.ts) are never trained on. Then each held-out style group's
 * families, traced into pen strokes (training/tracedFonts.ts), are written the same way with more
 * slant and touching letters; the mean and the worst group are printed.
 */
import { performance } from 'node:perf_hooks';
import { Recognizer } from '../core/recognizer';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier, loadNgram } from '../node/modelFiles';
import { familiesInGroup, FONT_FAMILIES, HERSHEY_FONTS, STYLE_GROUPS, type Split } from '../training/fonts';
import { traceFamily } from '../training/tracedFonts';
import { HersheyFont, loadHersheyFont } from '../training/hershey';
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

/** Writing with traced held-out families: slant up to ~25 degrees and letters that may touch. */
const TRACED_RANGES: LineRanges = { ...RANGES, slant: [-0.05, 0.47], letterGap: [0, 0.4] };

interface SetFigures {
  cer: number;
  cerIgnoringCase: number;
  words: number;
  grouping: number;
  msPerLine: number;
  examples: string[];
}

/** Writes `lines` lines (round-robin over `fonts`) and reads each through the pad path. */
function readLines(recognizer: Recognizer, fonts: readonly HersheyFont[], lines: number, ranges: LineRanges, seed: number): SetFigures {
  const rnd = lcg(seed);
  let chars = 0, errors = 0, caseless = 0, wordsRight = 0, words = 0, grouped = 0, ms = 0;
  const examples: string[] = [];
  for (let i = 0; i < lines; i++) {
    const w = writeHersheyLine(fonts[i % fonts.length], VOCAB, ranges, rnd);
    const t0 = performance.now();
    const read = recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth });
    ms += performance.now() - t0;
    if (read.grouped.characters.length === w.text.replace(/ /g, '').length) grouped++;
    chars += w.text.length;
    errors += editDistance(read.text, w.text);
    caseless += editDistance(read.text.toLowerCase(), w.text.toLowerCase());
    const want = w.text.split(' '), got = read.text.split(' ');
    words += want.length;
    want.forEach((word, k) => (wordsRight += got[k] === word ? 1 : 0));
    if (read.text !== w.text && examples.length < 3) examples.push(`'${w.text}' -> '${read.text}'`);
  }
  return { cer: errors / chars, cerIgnoringCase: caseless / chars, words: wordsRight / words, grouping: grouped / lines, msPerLine: ms / lines, examples };
}

function row(name: string, f: SetFigures, lines: number): string {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  return `  ${name.padEnd(16)} CER ${pct(f.cer).padStart(6)}  ignoring case ${pct(f.cerIgnoringCase).padStart(6)}  words ${pct(f.words).padStart(6)}  ` +
    `character count right ${pct(f.grouping).padStart(6)} of ${lines}  ${f.msPerLine.toFixed(1)} ms/line   e.g. ${f.examples.join(', ')}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const backend = await initNodeBackend();
  const { classifier } = loadClassifier(args.model);
  const ngram = loadNgram();
  const recognizer = new Recognizer(classifier, { ngram });
  const fonts = HERSHEY_FONTS.filter((f) => f.split === args.split).map((f) => f.id);
  console.log(`Pad-path accuracy on ${args.split} Hershey fonts (${fonts.join(', ')}), ${args.lines} three-word lines per font; model ${args.model}, n-gram ${ngram ? 'on' : 'off'}, backend ${backend}`);
  for (const fontId of fonts) console.log(row(fontId, readLines(recognizer, [loadHersheyFont(fontId)], args.lines, RANGES, 20261126), args.lines));
  if (args.split !== 'heldout') return;

  console.log(`\nHeld-out style groups written as pen strokes (glyph centre lines traced; slant up to 25 degrees, letters may touch), ${args.lines} lines per group:`);
  const all: SetFigures[] = [];
  for (const group of STYLE_GROUPS) {
    const traced = familiesInGroup(group).map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!));
    const f = readLines(recognizer, traced, args.lines, TRACED_RANGES, 20261126);
    all.push(f);
    console.log(row(group, f, args.lines));
  }
  const mean = (k: 'cer' | 'cerIgnoringCase' | 'words' | 'grouping') => all.reduce((a, f) => a + f[k], 0) / all.length;
  const worst = (k: 'cer' | 'cerIgnoringCase' | 'words' | 'grouping', higherIsWorse: boolean) => {
    const v = all.map((f) => f[k]);
    const i = v.indexOf(higherIsWorse ? Math.max(...v) : Math.min(...v));
    return `${(100 * v[i]).toFixed(1)}% ${STYLE_GROUPS[i]}`;
  };
  console.log(`  ${'mean'.padEnd(16)} CER ${(100 * mean('cer')).toFixed(1)}%  ignoring case ${(100 * mean('cerIgnoringCase')).toFixed(1)}%  words ${(100 * mean('words')).toFixed(1)}%  character count right ${(100 * mean('grouping')).toFixed(1)}%`);
  console.log(`  worst group: CER ${worst('cer', true)}, ignoring case ${worst('cerIgnoringCase', true)}, words ${worst('words', false)}, character count right ${worst('grouping', false)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
