/**
 * Pad-path accuracy: words drawn as pen strokes from Hershey stroke fonts go through exactly what
 * the pad runs (core/strokes grouping, rendering and line frames, then the Recognizer with the
 * n-gram), and the text is compared with what was written. Prints figures; asserts nothing.
 *
 *   npm run bench:pad-accuracy -- [--split heldout|train] [--lines N] [--model DIR] [--tune-lm] [--show]
 *
 * Each line: three words from a fixed vocabulary of words, identifiers and numbers, with seeded
 * variation in size, slant, baseline, letter and word spacing, pen width and pointer noise.
 * Held-out Hershey fonts (training/fonts.ts) are never trained on. Then each held-out style group's
 * families, traced into pen strokes (training/tracedFonts.ts), are written the same way with more
 * slant and touching letters; the mean and the worst group are printed over all groups and over the
 * groups no shipped model was trained on.
 *
 * --show: also print each line read wrong, with its characters' three best candidates.
 * --tune-lm: instead, the training families traced the same way (300 lines, seed 777) read with each
 * language-model weight for pen strokes (core/recognizer.ts STROKES_LM_WEIGHT was chosen so); the
 * held-out families and seed are not used.
 */
import type { Classifier } from '../core/recognizer';
import type { NgramModel } from '../core/decode';
import { Recognizer, STROKES_LM_WEIGHT } from '../core/recognizer';
import { readLines, RANGES, row, SetFigures, TRACED_RANGES } from './padLines';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier, loadNgram } from '../node/modelFiles';
import { familiesInGroup, FONT_FAMILIES, HERSHEY_FONTS, STYLE_GROUPS, trainingFamilies, type Split } from '../training/fonts';
import { traceFamily } from '../training/tracedFonts';
import { groupLabel, summarise, unseenOnly } from '../training/groupFigures';
import { loadHersheyFont } from '../training/hershey';

interface Args {
  split: Split;
  lines: number;
  model: string;
  tuneLm: boolean;
  show: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { split: 'heldout', lines: 60, model: DEFAULT_MODEL_DIR, tuneLm: false, show: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') args.split = argv[++i] as Split;
    else if (argv[i] === '--lines') args.lines = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--model') args.model = argv[++i];
    else if (argv[i] === '--tune-lm') args.tuneLm = true;
    else if (argv[i] === '--show') args.show = true;
    else throw new Error(`Unknown argument '${argv[i]}'. Usage: padAccuracy [--split heldout|train] [--lines N] [--model DIR] [--tune-lm] [--show]`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const backend = await initNodeBackend();
  const { classifier } = loadClassifier(args.model);
  const ngram = loadNgram();
  if (args.tuneLm) return tuneLm(classifier, ngram);
  const recognizer = new Recognizer(classifier, { ngram });
  const fonts = HERSHEY_FONTS.filter((f) => f.split === args.split).map((f) => f.id);
  console.log(`Pad-path accuracy on ${args.split} Hershey fonts (${fonts.join(', ')}), ${args.lines} three-word lines per font; model ${args.model}, n-gram ${ngram ? 'on' : 'off'}, backend ${backend}`);
  for (const fontId of fonts) console.log(row(fontId, readLines(recognizer, [loadHersheyFont(fontId)], args.lines, RANGES, 20261126, args.show), args.lines));
  if (args.split !== 'heldout') return;

  console.log(`\nHeld-out style groups written as pen strokes (glyph centre lines traced; slant up to 25 degrees, letters may touch), ${args.lines} lines per group:`);
  const all: (SetFigures & { group: string })[] = [];
  for (const group of STYLE_GROUPS) {
    const traced = familiesInGroup(group).map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!));
    const f = readLines(recognizer, traced, args.lines, TRACED_RANGES, 20261126, args.show);
    all.push({ ...f, group });
    console.log(row(groupLabel(group), f, args.lines));
  }
  printSummary('all groups', all);
  printSummary('unseen groups', unseenOnly(all));
}

/** Mean and worst group of each figure ('(seen)' groups flatter the shipped model: training/fonts.ts). */
function printSummary(name: string, rows: readonly (SetFigures & { group: string })[]): void {
  const of = (k: 'cer' | 'cerIgnoringCase' | 'words' | 'grouping', higherIsWorse: boolean) =>
    summarise(rows.map((f) => ({ group: f.group, value: f[k] })), higherIsWorse);
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const [cer, icase, words, count] = [of('cer', true), of('cerIgnoringCase', true), of('words', false), of('grouping', false)];
  console.log(`  ${name}, mean: CER ${pct(cer.mean)}  ignoring case ${pct(icase.mean)}  words ${pct(words.mean)}  character count right ${pct(count.mean)}`);
  console.log(`  ${name}, worst: CER ${pct(cer.worst.value)} ${cer.worst.group}, ignoring case ${pct(icase.worst.value)} ${icase.worst.group}, words ${pct(words.worst.value)} ${words.worst.group}, character count right ${pct(count.worst.value)} ${count.worst.group}`);
}

/** Pen-stroke reading on the traced training families with each language-model weight (see the module comment). */
function tuneLm(classifier: Classifier, ngram: NgramModel | undefined): void {
  const traced = trainingFamilies().map((f) => traceFamily(f));
  console.log(`LM weight for pen strokes, on ${traced.length} traced training families, 300 lines, seed 777 (default ${STROKES_LM_WEIGHT}):`);
  for (const strokesLmWeight of [0.25, 0.35, 0.5, 0.7]) {
    const f = readLines(new Recognizer(classifier, { ngram, strokesLmWeight }), traced, 300, TRACED_RANGES, 777);
    console.log(row(`weight ${strokesLmWeight}`, f, 300));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
