/**
 * Code bench (`npm run bench:code`): held-out lines of code (bench/codeLines.ts) written by held-out
 * hands and read the two ways Inkwell reads:
 * - pad: written as pen strokes with the held-out Hershey fonts and the held-out style groups' families
 *   traced to centre lines (training/tracedFonts.ts) on the pad's ruled line (the guide the pad passes:
 *   baseline and x-height as written), read by Recognizer.recognizeStrokes (the pad's path);
 * - image: rendered with the held-out families (clean and camera-like), read by Recognizer.recognizeText
 *   (the importer's and `inkwell recognize --mode text`'s path);
 * each without and with the document's identifiers as the decoder's lexicon. Prints CER (whitespace
 * collapsed), lines read exactly and examples per group, then the mean and the worst group. Figures only.
 *
 * Options: --lines N (lines per group, default all 48), --seed S, --model DIR, --show,
 * --training-families (the same lines written by the *training* families instead, eight to a group: for
 * choosing a reader's rule without looking at the held-out hands).
 */
import { loadClassifier, loadNgram } from '../node/modelFiles';
import { initNodeBackend } from '../node/nodeBackend';
import { BlankImageError } from '../core/preprocess';
import { Recognizer, RecognizeOptions } from '../core/recognizer';
import { FONT_FAMILIES, HELDOUT_GROUPS, HERSHEY_FONTS, STYLE_GROUPS, StyleGroup, trainingFamilies } from '../training/fonts';
import { groupLabel, isUnseen } from '../training/groupFigures';
import { HersheyFont, loadHersheyFont } from '../training/hershey';
import { traceFamily } from '../training/tracedFonts';
import { CODE_LINES, documentIdentifiers } from './codeLines';
import { editDistance } from './padLines';
import { writeCodeLines } from './codeWriting';
import { Look, renderText } from './textImages';

interface Args {
  lines: number;
  seed: number;
  model?: string;
  show: boolean;
  trainingFamilies: boolean;
  /** Only the pad's strokes or only the images (each half of the bench alone, for quicker experiments). */
  only?: 'pad' | 'images';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { lines: CODE_LINES.length, seed: 20261202, show: false, trainingFamilies: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lines') args.lines = Math.max(1, Math.min(CODE_LINES.length, Number(argv[++i]) || CODE_LINES.length));
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--model') args.model = argv[++i];
    else if (a === '--show') args.show = true;
    else if (a === '--training-families') args.trainingFamilies = true;
    else if (a === '--only' && (argv[i + 1] === 'pad' || argv[i + 1] === 'images')) args.only = argv[++i] as 'pad' | 'images';
    else throw new Error(`Unknown option ${a}. Options: --lines N --seed S --model DIR --show --training-families --only pad|images`);
  }
  return args;
}

/** One reading per line: what was written and what was read, with and without the lexicon. */
interface Reading {
  readonly truth: string;
  readonly plain: string;
  readonly withLexicon: string;
}

interface GroupFigures {
  readonly name: string;
  readonly cer: number;
  readonly cerLexicon: number;
  readonly exact: number;
  readonly exactLexicon: number;
  readonly lines: number;
  readonly examples: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function figures(name: string, readings: readonly Reading[]): GroupFigures {
  let chars = 0, errors = 0, errorsLex = 0, exact = 0, exactLex = 0;
  const examples: string[] = [];
  for (const r of readings) {
    const truth = collapse(r.truth), plain = collapse(r.plain), lex = collapse(r.withLexicon);
    chars += truth.length;
    errors += editDistance(plain, truth);
    errorsLex += editDistance(lex, truth);
    if (plain === truth) exact++;
    if (lex === truth) exactLex++;
    if (lex !== truth && examples.length < 3) examples.push(`'${truth}' -> '${lex}'`);
  }
  const n = Math.max(1, readings.length);
  return { name, cer: errors / Math.max(1, chars), cerLexicon: errorsLex / Math.max(1, chars), exact: exact / n, exactLexicon: exactLex / n, lines: readings.length, examples };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function printRow(f: GroupFigures): void {
  console.log(
    `  ${groupLabel(f.name).padEnd(22)} CER ${pct(f.cer).padStart(6)} → with lexicon ${pct(f.cerLexicon).padStart(6)}   lines exact ${pct(f.exact).padStart(6)} → ${pct(f.exactLexicon).padStart(6)} of ${f.lines}` +
      (f.examples.length ? `   e.g. ${f.examples.join(', ')}` : ''),
  );
}

/** Mean and worst over every group printed, then over the style groups no shipped model was trained on. */
function printSummary(all: readonly GroupFigures[]): void {
  const subsets: [string, readonly GroupFigures[]][] = [['all groups', all], ['unseen groups', all.filter((f) => isUnseen(f.name))]];
  for (const [name, rows] of subsets) {
    if (rows.length === 0) continue;
    const mean = (k: 'cer' | 'cerLexicon' | 'exact' | 'exactLexicon') => rows.reduce((s, f) => s + f[k], 0) / rows.length;
    const worst = rows.reduce((w, f) => (f.cerLexicon > w.cerLexicon ? f : w), rows[0]);
    console.log(`  ${`mean, ${name}`.padEnd(22)} CER ${pct(mean('cer')).padStart(6)} → with lexicon ${pct(mean('cerLexicon')).padStart(6)}   lines exact ${pct(mean('exact')).padStart(6)} → ${pct(mean('exactLexicon')).padStart(6)}`);
    console.log(`  worst of ${name} (with lexicon): ${worst.name}, CER ${pct(worst.cer)} → ${pct(worst.cerLexicon)}`);
  }
}

function padGroup(recognizer: Recognizer, name: string, fonts: readonly HersheyFont[], lines: readonly string[], traced: boolean, args: Args, lexicon: readonly string[]): GroupFigures {
  const readings = writeCodeLines(fonts, lines, traced, args.seed).map((w) => {
    const read = (extra: RecognizeOptions) => recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth, charset: 'code', guide: w.guide, ...extra }).text;
    const r = { truth: w.line, plain: read({}), withLexicon: read({ lexicon }) };
    if (args.show) console.log(`    [${w.font.id}] '${r.truth}' -> '${r.plain}' / '${r.withLexicon}'`);
    return r;
  });
  return figures(name, readings);
}

function imageGroup(recognizer: Recognizer, name: string, families: readonly string[], lines: readonly string[], args: Args, lexicon: readonly string[]): GroupFigures {
  const readings: Reading[] = [];
  lines.forEach((line, i) => {
    const family = FONT_FAMILIES.find((f) => f.id === families[i % families.length])!;
    const look: Look = i % 2 === 0 ? 'clean' : 'camera';
    const image = renderText(line, family, { look, seed: args.seed + i });
    const read = (extra: RecognizeOptions) => {
      try {
        return recognizer.recognizeText(image, { charset: 'code', ...extra }).text;
      } catch (e) {
        if (e instanceof BlankImageError) return '';
        throw e;
      }
    };
    const r = { truth: line, plain: read({}), withLexicon: read({ lexicon }) };
    if (args.show) console.log(`    [${family.id} ${look}] '${r.truth}' -> '${r.plain}' / '${r.withLexicon}'`);
    readings.push(r);
  });
  return figures(name, readings);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const backend = await initNodeBackend();
  const { classifier, modelJsonPath } = loadClassifier(args.model);
  const ngram = loadNgram();
  const recognizer = new Recognizer(classifier, { ngram });
  const lines = CODE_LINES.slice(0, args.lines);
  const lexicon = documentIdentifiers();
  console.log(`Code bench: ${lines.length} held-out code lines per group; model ${modelJsonPath} (${classifier.labels.length} classes), n-gram ${ngram ? 'on' : 'off'}, backend ${backend}, seed ${args.seed}`);
  console.log(`Lexicon: the document's ${lexicon.length} identifiers.`);
  if (!classifier.labels.includes(';')) console.log('NOTE: this model has no symbol classes; symbols cannot be read.');

  if (args.trainingFamilies) return benchTrainingFamilies(recognizer, lines, args, lexicon);
  if (args.only !== 'images') benchPad(recognizer, lines, args, lexicon);
  if (args.only !== 'pad') benchImages(recognizer, lines, args, lexicon);
}

/** The held-out hands' pen strokes: the held-out Hershey fonts and each style group's traced families. */
function benchPad(recognizer: Recognizer, lines: readonly string[], args: Args, lexicon: readonly string[]): void {
  console.log('\nPad (pen strokes through Recognizer.recognizeStrokes):');
  const pad: GroupFigures[] = [];
  const hershey = HERSHEY_FONTS.filter((h) => h.split === 'heldout').map((h) => loadHersheyFont(h.id));
  pad.push(padGroup(recognizer, 'hershey held-out', hershey, lines, false, args, lexicon));
  printRow(pad[pad.length - 1]);
  for (const group of STYLE_GROUPS) {
    const fonts = HELDOUT_GROUPS[group as StyleGroup].map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!));
    pad.push(padGroup(recognizer, group, fonts, lines, true, args, lexicon));
    printRow(pad[pad.length - 1]);
  }
  printSummary(pad);
}

/** The style groups' families rendered as images of lines. */
function benchImages(recognizer: Recognizer, lines: readonly string[], args: Args, lexicon: readonly string[]): void {
  console.log('\nImages (rendered lines, clean and camera-like, through Recognizer.recognizeText):');
  const images: GroupFigures[] = [];
  for (const group of STYLE_GROUPS) {
    images.push(imageGroup(recognizer, group, HELDOUT_GROUPS[group as StyleGroup], lines, args, lexicon));
    printRow(images[images.length - 1]);
  }
  printSummary(images);
}

/** The same lines written by the training families (hands), eight to a group, on the pad and as images. */
function benchTrainingFamilies(recognizer: Recognizer, lines: readonly string[], args: Args, lexicon: readonly string[]): void {
  const hands = trainingFamilies().filter((f) => f.kind === 'hand').map((f) => f.id);
  const groups = Array.from({ length: Math.ceil(hands.length / 8) }, (_, k) => ({ name: `training ${k + 1}`, families: hands.slice(8 * k, 8 * k + 8) }));
  if (args.only !== 'images') {
    console.log('\nPad, training families (pen strokes through Recognizer.recognizeStrokes):');
    const pad = groups.map((g) => padGroup(recognizer, g.name, g.families.map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!)), lines, true, args, lexicon));
    pad.forEach(printRow);
    printSummary(pad);
  }
  if (args.only !== 'pad') {
    console.log('\nImages, training families (rendered lines, clean and camera-like, through Recognizer.recognizeText):');
    const images = groups.map((g) => imageGroup(recognizer, g.name, g.families, lines, args, lexicon));
    images.forEach(printRow);
    printSummary(images);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
