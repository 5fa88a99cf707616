/**
 * Text from an image of handwriting: the pipeline that ties the segment modules together.
 * See index.ts for the contract.
 */
import { IMAGE_BUDGET } from '../imageFormat';
import { Box, GreyImage, downscaleToFit, resizeArea, unionBounds } from '../image';
import type { Candidate } from '../model';
import { LineFrame, geometryOf } from '../preprocess';
import { DecodeContext } from '../decode/context';
import { ReferenceTops, charGeometry } from '../decode/caseGeometry';
import { lineReferences } from '../decode/beam';
import { breaksOf, evenlySpacedNumbers, isOperatorChar, lonelyOperatorSpaces, operatorSpaces, readsAsDigit, unwrittenSpaces } from '../decode/spacing';
import { isLetterOrDigit } from '../labels';
import { argmax, largestIndices, maxOf, median, productOfExperts } from '../stats';
import { binarize } from './binarize';
import { joinBrokenStrokes, looksBroken, sized } from './brokenStrokes';
import { CharGroup, LineMetrics, MARK_HEIGHT, groupCharacters, lineMetrics } from './chars';
import { Component, Components, boxHeight, boxWidth, connectedComponents } from './components';
import { CharCrop, CropSource, Seams, cropCharacter, ownLabelTest } from './crops';
import { estimateSkew, looksQuarterTurned } from './deskew';
import { ExtenderInk, extenderInk, uprightEvidence } from './extenders';
import { findLines } from './lines';
import { chooseMerges, isMerged, mergeRuns, PIECED_CLASSES, readsOneShape, shapeProbability, SURE_PIECED } from './fragments';
import { Cutting, PIECE_COST, Piece, RING_CLASSES, StemDot, cuttingAlternatives, cutCandidates, piecesOf, seamCuts } from './split';
import { Affine, IDENTITY, compose, mapBox, rotateGrey, rotateHalf, rotateQuarter, scaleAffine, shearGrey } from './transform';
import { estimateInkSlant } from './slant';
import { isMarkerLine, strokeWidth, thinnedCrop } from './thickStrokes';
import { wordBreaks } from './words';

/** Classifier callback: class probabilities (in `labels` order) for each crop. */
export type ScoreCrops = (crops: readonly CharCrop[]) => Float32Array[];

export interface DecodeWordOptions {
  /** Text read so far on the page (the words before this one). */
  readonly context?: string;
  /**
   * Per character: where its ink sits on the line, in x-heights above the baseline
   * (core/preprocess geometryOf()[1], [2]; core/decode CharGeometry); null when the line's
   * x-height is unknown.
   */
  readonly geometry?: readonly ({ top: number; bottom: number } | null)[];
  /** Only the text and its score are needed (confidence may be NaN): one of several readings being weighed. */
  readonly scoreOnly?: boolean;
  /** The x-height and cap height of the word's line (core/decode lineReferences), for a word that shows none of its own. */
  readonly lineReferences?: ReferenceTops;
}
/** Word decoder (core/decode's decodeWord fits): probabilities per character to text. */
export type DecodeWord = (
  charProbs: Float32Array[],
  labels: readonly string[],
  options: DecodeWordOptions,
) => DecodedText;

/** A decoded word; `score` is the decoder's total log score, comparable between readings of the same ink. */
export interface DecodedText {
  readonly text: string;
  readonly confidence: number;
  readonly score?: number;
}

export interface ReadTextOptions {
  readonly decodeWord?: DecodeWord;
  /** Alternatives kept per character (default 5). */
  readonly topK?: number;
  /** Text before the image (e.g. the editor line before the cursor), passed to decodeWord. */
  readonly context?: string;
  /** Pixel budget of the working image (default WORKING_MAX_PIXELS). */
  readonly maxWorkingPixels?: number;
  /**
   * Cut touching characters where the classifier reads the pieces better (default true);
   * false keeps every connected character candidate whole (faster; for well-spaced writing).
   */
  readonly splitTouching?: boolean;
  /** Crops as the bare binary mask or with grey anti-aliased edges (default 'soft'). */
  readonly crops?: 'binary' | 'soft';
}

export interface TextChar {
  /** Ink box in the ORIGINAL image's pixel coordinates. */
  readonly box: Box;
  /** Best classes first. */
  readonly candidates: Candidate[];
  /** What the classifier read: the crop with its line frame (a correction teaches the writer's profile with it). */
  readonly crop: CharCrop;
}
export interface TextWord {
  readonly box: Box;
  readonly text: string;
  readonly confidence: number;
  readonly chars: TextChar[];
}
export interface TextLine {
  readonly box: Box;
  readonly text: string;
  readonly words: TextWord[];
}
export interface TextResult {
  /** Lines joined by '\n', words by ' '. */
  readonly text: string;
  /** Geometric mean of the characters' best probabilities (0 when nothing was read). */
  readonly confidence: number;
  readonly lines: TextLine[];
  /** Quarter turn applied to read the page (clockwise degrees). */
  readonly orientation: 0 | 90 | 180 | 270;
  /** Skew corrected, in degrees (positive: lines fell to the right). */
  readonly skewDegrees: number;
  /** Size the image was analysed at (bounded by maxWorkingPixels). */
  readonly workingSize: { width: number; height: number };
  /** Why nothing (or not everything) was read, for the user; absent when all went well. */
  readonly message?: string;
}

/** Working images are at most this many pixels (the one image budget's): bounds memory and time on huge photos. */
export const WORKING_MAX_PIXELS = IMAGE_BUDGET.workingPixels;
/** Characters smaller than this (body height, px) are enlarged before reading. */
const MIN_BODY_PX = 14;
/**
 * A whole character candidate this sure of its class (and not too wide) is not cut. Chosen on images of
 * *training* families (textSamples of every third hand-drawn one, three folds, seed 4242): 0.995, 0.99,
 * 0.98, 0.97, 0.95, 0.9 summed to CER 4.84, 4.67, 4.56, 4.51, 4.47, 4.42% over the folds: a sure m cut
 * in two read "rn" ("rnonday", "itern"). It was 0.995 so that tt joined at its bar, read as a sure H,
 * still reached the word decoder in pieces ("bottle", not "boHle").
 */
const SURE_WHOLE = 0.9;
/**
 * A group's whole read less surely than UNSURE_BESIDE_SURE_PIECES is not offered to the decoder when one of
 * its cuttings reads every piece at SURE_PIECES or more. Not tuned: bench:code's images two lines better
 * (edu-qld-beginner's `b[j]`, just-another-hand's `a->next`), its training families and bench:text the same.
 * A piece's sureness is of its shape, either case (unkempt's `[x` read `k` at 0.30 beside x 0.69 / X 0.27).
 */
const SURE_PIECES = 0.95;
const UNSURE_BESIDE_SURE_PIECES = 0.3;
/**
 * A whole read less surely than this may be touching letters however narrow (split.ts cutCandidates).
 * Was 0.7: a t and the ( after it read K at 0.74 (`lisKrange(10))`, `emiKhck'`). Held out (`npx tsx
 * bench/code.ts`, images): 404 -> 397 character errors without the lexicon, 354 -> 346 with it; the
 * training families' lines and `npx tsx bench/text.ts --only inkwell` read as before.
 */
const UNSURE_WHOLE = 0.8;
/**
 * A ring (0 o O D) stands on the baseline; ink reaching this far below it (in x-heights) and this far
 * above it is a pair of brackets that touch, read whole as a ring: gochi-hand's `[]` as a box read D
 * (`= 0;`), `main()` read `mainQ` and `main0`. A 0 written low in its line (`1 0`, its top under the
 * x-height's reach) stays whole. npx tsx bench/code.ts --only images: three lines read right, none
 * worse (held out and training families).
 */
const BRACKET_DESCENT = 0.25;
const BRACKET_RISE = 1.2;

/** Whether a group reaches below the baseline and above the x-height as a bracket does. */
function spansLikeBrackets(box: Box, m: LineMetrics, body: number): boolean {
  return box.bottom > m.baseline + BRACKET_DESCENT * body && box.top < m.baseline - BRACKET_RISE * body;
}

/** A group at least this share of its line's tallest is as tall as a bracket (split.ts cutCandidates' `narrow` 'tall'). */
const TALL_GROUP = 0.9;
/** Largest i dot, in body heights (either side): a dot in a group of touching letters marks an i or j among them. */
const DOT_SIZE = 0.45;
/** Marks whose dot stands in the middle of the body, and how surely a piece must read as one to stand for it. */
const DOTTED_MARKS = ';:';
const SURE_DOTTED_MARK = 0.8;
/** A dot in the body ends at least this share of it above the baseline (lower, it is a full stop). */
const MID_DOT_CLEARANCE = 0.25;
/** How far into the body (its share) a dot may reach: some hands set the dot at the x-height. */
const DOT_DROP = 0.3;
/** A dot whose stem (the ink within this share of the body beside it) reaches as far below the baseline is a j's. */
const DESCENDING_STEM = 0.3;
/**
 * Cut lines (split.ts seamCuts) are followed on pages whose strokes are at least this wide (px): a fine
 * pen's stroke is crossed as cheaply as gone around, and there they wandered (bench:text's thin pen
 * group 4.2 -> 5.5% CER with them everywhere, unchanged from 3 px; 4 px lost the gains elsewhere).
 */
const SEAM_MIN_STROKE_PX = 3;
/**
 * Sauvola k of the faint ink kept where it touches ink, on pages whose strokes came apart (binarize.ts
 * weakK). bench:text's worn pen 44.1% -> 39.3% CER (38.6% at 0.05). On every page, not only broken ones,
 * it joined a camera's noise to the letters (camera pages 2.4% -> 7.0%).
 */
const FAINT_K = 0.1;
/**
 * Most readings of one word decoded when its groups can be cut in several ways (each group offers
 * up to five: split.ts cuttingAlternatives); beyond it, one group is varied at a time.
 */
const MAX_WORD_READINGS = 36;
/** More ink than this is noise or a solid fill, not handwriting on paper. */
const MAX_INK_FRACTION = 0.35;

export function readText(image: GreyImage, score: ScoreCrops, labels: readonly string[], options: ReadTextOptions = {}): TextResult {
  if (!image || !(image.width > 0) || !(image.height > 0) || image.data.length < image.width * image.height) {
    throw new RangeError(`Image has no pixels (${image?.width}x${image?.height}).`);
  }
  const budget = options.maxWorkingPixels ?? WORKING_MAX_PIXELS;
  let working = downscaleToFit(image, budget);
  if (working.width * working.height > budget) {
    // A sliver (e.g. 1 x 16M) cannot shrink in its short side: squeeze the long side instead.
    working = working.width < working.height
      ? resizeArea(working, working.width, Math.max(1, Math.floor(budget / working.width)))
      : resizeArea(working, Math.max(1, Math.floor(budget / working.height)), working.height);
  }
  let toOriginal: Affine = { a: image.width / working.width, b: 0, c: 0, d: 0, e: image.height / working.height, f: 0 };
  const ctx: Ctx = { original: image, score, labels, options, ink: 'as-is' };

  let page = analyse(working, 'as-is');
  if (page.kind === 'empty') return emptyResult(working, page.message);
  // Tiny writing: enlarge so strokes survive binarisation and crops have detail.
  if (page.body < MIN_BODY_PX && working.width * working.height < budget) {
    const f = Math.min(MIN_BODY_PX / Math.max(1, page.body), Math.sqrt(budget / (working.width * working.height)), 4);
    if (f > 1.2) {
      const w = Math.round(working.width * f), h = Math.round(working.height * f);
      toOriginal = compose(toOriginal, scaleAffine(working.width / w));
      working = resizeArea(working, w, h);
      page = analyse(working, 'as-is');
      if (page.kind === 'empty') return emptyResult(working, page.message);
    }
  }
  if (page.broken) {
    // A pen too fine or too faint for the binarisation: its strokes came apart into specks, each of
    // which would read as a character (mostly punctuation). Decided once for the page, on the page as
    // given: first its faint stretches are kept where they touch ink; where that leaves specks, the
    // ink is grown instead.
    const faint = analyse(working, 'faint');
    if (faint.kind === 'ok' && !faint.broken) return readOriented({ ...ctx, ink: 'faint' }, working, toOriginal, faint);
    const joined = analyse(working, 'joined');
    if (joined.kind === 'ok') return readOriented({ ...ctx, ink: 'joined' }, working, toOriginal, joined);
  }
  return readOriented(ctx, working, toOriginal, page);
}

/** Read a page whose quarter turn, upright or upside down, is still to be found. */
function readOriented(ctx: Ctx, working: GreyImage, toOriginal: Affine, page: Analysis & { kind: 'ok' }): TextResult {
  if (looksQuarterTurned(page.components.list.filter((c) => page.kind === 'ok' && page.keep[c.id]))) {
    // Which quarter is only clear from what reads better.
    const tries = ([1, 3] as const).map((turns) => {
      const turned = rotateQuarter(working, turns);
      return readUpright(ctx, turned.image, compose(toOriginal, turned.toSource), turns === 1 ? 90 : 270).result;
    });
    return tries[0].confidence >= tries[1].confidence ? tries[0] : tries[1];
  }
  const { result: upright, extenders } = readUpright(ctx, working, toOriginal, 0, page);
  // A page upside down has the layout of an upright one; which reading is surer and where the ink
  // reaches beyond the lines' x-height bands tell them apart. An unsure page is read both ways unless
  // its ink plainly stands upright (the second reading is most of a page's time); the turned reading
  // wins when it is clearly the surer one.
  const inkEvidence = uprightEvidence(extenders());
  if (upright.confidence >= SURE_UPRIGHT || upright.text.replace(/\s/g, '').length < MIN_CHARS_TO_TURN || inkEvidence >= INK_SAYS_UPRIGHT) return upright;
  const half = rotateHalf(working);
  const turned = readUpright(ctx, half.image, compose(toOriginal, half.toSource), 180).result;
  // Only ink that says "turned" lowers the bar: upright-looking ink also comes from upside-down lines
  // the line finder merged, while upright writing that reaches below more than above is rare.
  const turnedInk = Math.min(0, Math.max(-MAX_INK_EVIDENCE, inkEvidence));
  const margin = Math.log(UPSIDE_DOWN_MARGIN) + INK_WEIGHT * turnedInk;
  return Math.log(Math.max(1e-9, turned.confidence)) - Math.log(Math.max(1e-9, upright.confidence)) > margin ? turned : upright;
}

/**
 * A reading of fewer characters than this is not tried upside down: one or two glyphs say too little
 * (a writer's own k, read unsurely upright, read surer turned as "T]"; a 6 turned is a 9).
 */
const MIN_CHARS_TO_TURN = 3;
/** A reading this sure (geometric mean of its characters' probabilities) is not tried upside down. */
const SURE_UPRIGHT = 0.8;
/** How much surer the upside-down reading must be to win when the ink says nothing. */
const UPSIDE_DOWN_MARGIN = 1.2;
/** How much the ink's evidence (log of ink above / below the bands) lowers that margin (in log confidence). */
const INK_WEIGHT = 0.1;
/**
 * Ink evidence (log of ink above / below the x-height bands) from which a page is not tried upside
 * down: e^0.5 = 1.6 times more ink above than below. Of bench:text's images read both ways at 1, the
 * upside-down ones measured -3.3 to +0.26 and the upright ones -0.2 to +0.9; at 0.5 a fifth of all its
 * images skip the second reading (58 -> 37 read twice) and every reading stays the same.
 */
const INK_SAYS_UPRIGHT = 0.5;
/** The ink's evidence is capped: the turned reading must still be the surer one. */
const MAX_INK_EVIDENCE = 1.5;

interface Ctx {
  readonly original: GreyImage;
  readonly score: ScoreCrops;
  readonly labels: readonly string[];
  readonly options: ReadTextOptions;
  /** How the page's ink is found (a page whose strokes came apart is binarised again, or its ink grown). */
  readonly ink: PageInk;
}

/**
 * 'as-is': the binarisation's ink. 'faint': with its faint stretches kept where they touch ink
 * (binarize.ts weakK). 'joined': grown until strokes that came apart into specks join again
 * (brokenStrokes.ts).
 */
type PageInk = 'as-is' | 'faint' | 'joined';

type Analysis =
  | { kind: 'empty'; message: string }
  | { kind: 'ok'; components: Components; keep: Uint8Array; body: number; paper: number; lightOnDark: boolean; broken: boolean };

/** Binarise and find the components worth reading; `body` is the typical stroke-blob height. */
function analyse(image: GreyImage, ink: PageInk): Analysis {
  const bin = binarize(image, ink === 'faint' ? { weakK: FAINT_K } : {});
  if (bin.inkFraction > MAX_INK_FRACTION) {
    return { kind: 'empty', message: 'No handwriting found: the image is mostly ink (noise or a solid fill), not writing on paper.' };
  }
  const asIs = connectedComponents(bin.ink, bin.width, bin.height);
  const broken = looksBroken(sized(asIs));
  // A pen too fine for the binarisation: strokes that came apart are joined again (brokenStrokes.ts).
  const components = broken && ink === 'joined' ? joinBrokenStrokes(bin.ink, bin.width, bin.height, asIs) : asIs;
  const counted = sized(components);
  if (counted.length === 0) return { kind: 'empty', message: 'No handwriting found: the image is blank or has too little contrast.' };
  // Area-weighted median height: strokes outweigh specks of noise.
  const byHeight = [...counted].sort((a, b) => boxHeight(a.box) - boxHeight(b.box));
  const totalArea = counted.reduce((s, c) => s + c.area, 0);
  let acc = 0, typical = 1;
  for (const c of byHeight) {
    acc += c.area;
    if (acc * 2 >= totalArea) {
      typical = boxHeight(c.box);
      break;
    }
  }
  // Two pixels can be ink: the dot of an i written with a fine pen.
  const minArea = Math.max(2, 0.004 * typical * typical);
  const imageArea = image.width * image.height;
  const keep = new Uint8Array(components.list.length + 1);
  let kept = 0;
  for (const c of components.list) {
    const w = c.box.right - c.box.left, h = c.box.bottom - c.box.top;
    // Frames, shadows and page edges: blobs spanning most of the image.
    const huge = w * h > 0.5 * imageArea && (w > 0.8 * image.width || h > 0.8 * image.height);
    if (c.area >= minArea && !huge) {
      keep[c.id] = 1;
      kept++;
    }
  }
  if (kept === 0) return { kind: 'empty', message: 'No handwriting found: only specks of noise.' };
  const keptList = components.list.filter((c) => keep[c.id]);
  if (keptList.length > 20 && median(keptList.map((c) => c.area)) < 6) {
    return { kind: 'empty', message: 'No handwriting found: the image looks like noise.' };
  }
  const body = median(keptList.filter((c) => boxHeight(c.box) >= 0.5 * typical).map((c) => boxHeight(c.box))) || typical;
  const lightOnDark = bin.polarity === 'light-on-dark';
  return { kind: 'ok', components, keep, body, paper: paperLevel(image, lightOnDark), lightOnDark, broken };
}

function paperLevel(image: GreyImage, dark: boolean): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i += 7) hist[image.data[i]]++;
  let best = 0;
  for (let v = 0; v < 256; v++) if (hist[v] > hist[best]) best = v;
  return dark ? Math.min(best, 60) : Math.max(best, 0);
}

function emptyResult(working: GreyImage, message: string): TextResult {
  return { text: '', confidence: 0, lines: [], orientation: 0, skewDegrees: 0, workingSize: { width: working.width, height: working.height }, message };
}

/** Deskew, stand italic writing upright, then read lines, words and characters of an upright page. */
function readUpright(
  ctx: Ctx,
  image: GreyImage,
  toOriginal: Affine,
  orientation: 0 | 90 | 180 | 270,
  analysed?: Analysis,
): { result: TextResult; extenders: () => ExtenderInk } {
  let page = analysed ?? analyse(image, ctx.ink);
  if (page.kind === 'empty') return { result: { ...emptyResult(image, page.message), orientation }, extenders: () => ({ above: 0, below: 0 }) };
  let working = image;
  let mask = keptMask(page);
  let skew = estimateSkew(mask, working.width, working.height);
  if (Math.abs(skew) >= (0.3 * Math.PI) / 180) {
    const rotated = rotateGrey(working, skew, page.paper);
    const again = analyse(rotated.image, ctx.ink);
    if (again.kind === 'ok') {
      working = rotated.image;
      toOriginal = compose(toOriginal, rotated.toSource);
      page = again;
      mask = keptMask(page);
    } else skew = 0;
  } else skew = 0;
  // Italic writing is read stood upright: leaning letters overlap their neighbours' boxes and gaps.
  const slant = estimateInkSlant(working.data, mask, working.width, working.height);
  if (slant !== 0) {
    const sheared = shearGrey(working, slant);
    const again = analyse(sheared.image, ctx.ink);
    if (again.kind === 'ok') {
      working = sheared.image;
      toOriginal = compose(toOriginal, sheared.toSource);
      page = again;
    }
  }
  const { components, keep } = page;
  const soft = (ctx.options.crops ?? 'soft') === 'soft';
  const grey = !soft ? undefined : page.lightOnDark ? working.data.map((v) => 255 - v) : working.data;
  const src = { labels: components.labels, width: working.width, height: working.height, grey };
  const kept = components.list.filter((c) => keep[c.id]);
  const lineGroups = findLines(kept, components.labels, working.width, working.height, keep);
  // Measured only when asked for: the upside-down decision needs it of the upright reading alone.
  const extenders = () => extenderInk(lineGroups.map((l) => l.components), components.labels, working.width);
  // A model with symbol classes reads the small marks a letters-only model must drop (. , : ; - ').
  const keepMarks = ctx.labels.includes('.');
  const lines: { groups: CharGroup[]; metrics: LineMetrics }[] = lineGroups.map((l) => {
    const groups = groupCharacters(l.components, { keepMarks });
    return { groups, metrics: lineMetrics(groups, (g) => columnTops(src.labels, src.width, g)) };
  });
  resolveXHeights(lines);

  // A marker's lines are also read a pixel thinner (thickStrokes.ts); not a broken page's, whose ink was grown.
  const stroke = ctx.ink === 'joined' ? 0 : strokeWidth((i) => keep[components.labels[i]] === 1, working.width, working.height);
  const markerLine = lines.map(({ metrics }) => stroke > 0 && isMarkerLine(stroke, bodyOf(metrics)));
  const crops: CharCrop[] = [];
  const probs: Float32Array[] = [];
  /** Per crop: whether it is also read thinned. */
  const alsoThinned: boolean[] = [];
  const pieceIndex = new Map<string, { index: number; inkBox: Box }>();
  const keyOf = (g: CharGroup, p: Piece) => `${g.ids.join(',')}:${p.x0}:${p.x1}`;
  const wholeOf = (g: CharGroup): Piece => ({ x0: g.box.left, x1: g.box.right });
  const addCrop = (group: CharGroup, frame: LineFrame | undefined, line: number, p: Piece, seams?: Seams) => {
    if (pieceIndex.has(keyOf(group, p))) return;
    const cropped = cropCharacter(src, group.ids, group.box, frame, p.x0, p.x1, seams);
    if (!cropped) return;
    pieceIndex.set(keyOf(group, p), { index: crops.length, inkBox: cropped.inkBox });
    crops.push(cropped.crop);
    alsoThinned.push(markerLine[line]);
  };
  // The crops not yet scored, scored (a marker's also thinned, the two readings combined).
  const scoreNew = (): void => {
    const from = probs.length;
    if (crops.length === from) return;
    const batch = crops.slice(from);
    const scored = ctx.score(batch);
    if (scored.length !== batch.length) throw new Error(`Classifier returned ${scored.length} results for ${batch.length} crops.`);
    const thin = batch.flatMap((_, i) => (alsoThinned[from + i] ? [i] : []));
    if (thin.length > 0) {
      const thinned = ctx.score(thin.map((i) => thinnedCrop(batch[i])));
      if (thinned.length !== thin.length) throw new Error(`Classifier returned ${thinned.length} results for ${thin.length} crops.`);
      thin.forEach((i, k) => (scored[i] = productOfExperts([scored[i], thinned[k]])));
    }
    probs.push(...scored);
  };
  const frameOf = (m: LineMetrics) => (m.xHeight > 0 ? { baseline: m.baseline, xHeight: m.xHeight } : undefined);
  // A line that shows no x-height (capitals, digits, or letters all of one height: patrick-hand's
  // "name_2") gives its letters no frame, their case would be guessed; its marks and flat strokes get
  // one at the guessed body, as where _ - . sit against the baseline tells them apart ("name-2" before).
  const wholeFrameOf = (g: CharGroup, m: LineMetrics) =>
    frameOf(m) ?? (g.mark || boxHeight(g.box) < MARK_HEIGHT * bodyOf(m) ? { baseline: m.baseline, xHeight: bodyOf(m) } : undefined);

  // Pieces of a character that came apart (a worn pen) are offered merged, and merged where the whole
  // reads much better (fragments.ts; the word decoder may still read them apart): scored in a first
  // batch with every candidate whole.
  const runs = lines.map(({ groups, metrics }) => mergeRuns(groups, bodyOf(metrics), wideFrom(metrics)));
  lines.forEach(({ groups, metrics }, li) => {
    for (const g of [...groups, ...runs[li].map((r) => r.group)]) addCrop(g, wholeFrameOf(g, metrics), li, wholeOf(g));
  });
  scoreNew();
  const wholeHit = (g: CharGroup) => pieceIndex.get(keyOf(g, wholeOf(g)));
  lines.forEach((line, li) => {
    const wholeScore = (g: CharGroup) => {
      const hit = wholeHit(g);
      if (!hit) return undefined;
      // A % is wide by nature (fragments.ts PIECED_WIDTH): its width says nothing against it.
      return Math.log(Math.max(1e-6, maxOf(probs[hit.index]))) - (readsPieced(g) ? 0 : widthPenalty(hit.inkBox.right - hit.inkBox.left, line.metrics));
    };
    const isSure = (g: CharGroup) => {
      const hit = wholeHit(g);
      return hit !== undefined && readsOneShape(probs[hit.index], ctx.labels);
    };
    const readsLetter = (g: CharGroup) => {
      const hit = wholeHit(g);
      return hit !== undefined && isLetterOrDigit(ctx.labels[argmax(probs[hit.index])] ?? '');
    };
    const readsPieced = (g: CharGroup) => {
      const hit = wholeHit(g);
      return hit !== undefined && PIECED_CLASSES.includes(ctx.labels[argmax(probs[hit.index])] ?? ' ') && maxOf(probs[hit.index]) >= SURE_PIECED;
    };
    line.groups = chooseMerges(line.groups, runs[li], wholeScore, isSure, readsLetter, readsPieced);
  });

  // Then, in a second batch, the pieces of the wide or doubtful candidates (a confident,
  // ordinary-width whole is not cut: saves most of the crops).
  const plans = lines.map(({ groups, metrics }) => {
    const body = bodyOf(metrics);
    const frame = frameOf(metrics);
    // Measured on the groups, not the line's metrics: a line of brackets puts its baseline at their feet.
    const tallest = Math.max(...groups.map((g) => boxHeight(g.box)));
    return groups.map((g) => {
      // A merged group is read whole or as its parts, never cut anew.
      const whole = wholeHit(g);
      const unsure = whole !== undefined && maxOf(probs[whole.index]) < UNSURE_WHOLE;
      const ring = whole !== undefined && RING_CLASSES.includes(ctx.labels[argmax(probs[whole.index])] ?? ' ') && !spansLikeBrackets(g.box, metrics, body);
      // An i's dot over touching letters (`it` read t, `[i` read [), or a bracket's height, makes a narrow
      // unsure group worth trying in pieces. Held out (npx tsx bench/code.ts --only images): two lines read
      // right, none worse; the training families' lines as before; bench:text's page camera 2.2 -> 2.1%.
      // Not on a page whose strokes came apart: there pieces of strokes are dots too.
      const midDot = ctx.ink === 'as-is' && midBodyDot(g, components.list, metrics, body);
      const dots = stemDots(g, components.list, src, metrics, body);
      const narrowCut = midDot || dots.length > 0 ? 'dotted' : boxHeight(g.box) >= TALL_GROUP * tallest ? 'tall' : undefined;
      const cuts = ctx.options.splitTouching === false || isMerged(g) ? [] : cutCandidates(src, g, body, unsure || midDot, ring, narrowCut, dots);
      return { group: g, cuts, frame, body, wide: wideFrom(metrics), midDot };
    });
  });
  plans.forEach((line, li) => line.forEach((plan) => {
    if (plan.cuts.length === 0) return;
    const whole = wholeHit(plan.group);
    const width = plan.group.box.right - plan.group.box.left;
    if (whole && maxOf(probs[whole.index]) >= SURE_WHOLE && width <= plan.wide && !plan.midDot) {
      plan.cuts = [];
      return;
    }
    // Pieces follow cut lines that go around the ink where they can (a y's arm over the a beside it),
    // where strokes are wide enough that crossing one costs more than going around.
    const seams = stroke >= SEAM_MIN_STROKE_PX ? seamCuts(src, plan.group, plan.cuts, plan.body) : undefined;
    for (const p of piecesOf(plan.group.box, plan.cuts, 1.9 * plan.body)) {
      addCrop(plan.group, plan.frame, li, p, seams);
    }
  }));
  scoreNew();
  const best = probs.map((p) => Math.log(Math.max(1e-6, maxOf(p))));

  const k = ctx.options.topK ?? 5;
  const outLines: TextLine[] = [];
  const context = new DecodeContext(ctx.options.context);
  let logSum = 0, charCount = 0;
  plans.forEach((line, li) => {
    const metrics = lines[li].metrics;
    const body = bodyOf(metrics);
    // What a scored piece pays for its width on this line (less where it reads surely as an m or w).
    const pieceWidthCost = (hit: { index: number; inkBox: Box }) => widthPenalty(hit.inkBox.right - hit.inkBox.left, metrics, wideLetter(probs[hit.index], ctx.labels));
    // A cutting's characters, and its own terms: piece costs and width penalties (the classifier's part is the decoder's).
    const readingOf = (group: CharGroup, frame: LineFrame | undefined, pieces: readonly Piece[]): GroupReading => {
      const chars: LineChar[] = [];
      let segmentCost = 0;
      for (const p of pieces) {
        const hit = pieceIndex.get(keyOf(group, p));
        segmentCost += PIECE_COST + (hit && !(isMerged(group) && group.pieced) ? pieceWidthCost(hit) : 0);
        if (hit) chars.push({ probs: probs[hit.index], inkBox: hit.inkBox, geometry: geometryOf(hit.inkBox, frame), ids: group.ids, crop: crops[hit.index] });
      }
      return { chars, segmentCost };
    };
    // Each group's ways of cutting, best first (by the classifier alone); words start from the best.
    const groupReadings = line.map((plan) => {
      const alternatives = cuttingAlternatives(plan.group.box, plan.cuts, (p) => {
        const hit = pieceIndex.get(keyOf(plan.group, p));
        return hit ? best[hit.index] - pieceWidthCost(hit) : undefined;
      });
      const all = alternatives.map((c) => readingOf(plan.group, plan.frame, c.pieces));
      // A whole read unsurely where a cutting's every piece reads surely is no character: read whole, the
      // decoder may pick the class of one piece and drop the other's ink (a `[j` read `[`: `b[]`).
      const surePieces = all.some((r) => r.chars.length >= 2 && r.chars.every((c) => shapeProbability(c.probs, ctx.labels) >= SURE_PIECES));
      // A letter with a dot in the middle of its body is no letter: where a cutting reads the dot's piece
      // surely as ; or :, the whole is not offered.
      const dotMark = (r: GroupReading) => r.chars.length >= 2 && r.chars.some((c) => DOTTED_MARKS.includes(ctx.labels[argmax(c.probs)] ?? ' ') && maxOf(c.probs) >= SURE_DOTTED_MARK);
      const marked = plan.midDot && all.some(dotMark);
      const offered = surePieces ? all.filter((r) => r.chars.length !== 1 || maxOf(r.chars[0].probs) >= UNSURE_BESIDE_SURE_PIECES) : all;
      const readings = withoutInkLeftUnread(marked ? offered.filter((r) => r.chars.length !== 1) : offered, ctx.labels);
      if (!isMerged(plan.group)) return readings;
      // The classifier chose the merge; the word decoder may still read the parts apart ("load", not "bad").
      const parts = plan.group.parts.map((g) => readingOf(g, plan.frame, [wholeOf(g)]));
      const apart = { chars: parts.flatMap((r) => r.chars), segmentCost: parts.reduce((t, r) => t + r.segmentCost, 0) };
      const cost = plan.group.cost;
      return [...readings.map((r) => ({ ...r, segmentCost: r.segmentCost + cost })), apart];
    });
    const chars = groupReadings.flatMap((g, gi) => g[0].chars.map((c) => ({ ...c, group: gi })));
    if (chars.length === 0) return;
    const references = ctx.options.decodeWord ? lineReferences(chars.map((c) => c.probs), ctx.labels, chars.map((c) => charGeometry(c.geometry))) : undefined;
    // Gaps measured above the baseline, where tails of g, j and y do not reach under a neighbour.
    const core = chars.map((c) => coreExtent(src, c.ids, c.inkBox, metrics));
    const gaps: number[] = [];
    let right = core[0].right;
    for (let i = 1; i < chars.length; i++) {
      gaps.push(core[i].left - right);
      right = Math.max(right, core[i].right);
    }
    // Gaps beside a mark (. , ' or a speck) say nothing about the writer's letter and word spacing, nor
    // do gaps beside an underscore, which reaches under its neighbours (bad-script's `e_2`, 2 and 0 px
    // apart, made the 5 px between the letters of `name` look like word gaps).
    const unmeasured = chars.map((c) => line[c.group].group.mark === true || ctx.labels[argmax(c.probs)] === '_');
    // Against the body of the pen's centre line: the body is measured on the ink, a stroke width taller
    // than the letters' (a marker's word gaps fell under the spacing rule's share of it, and its lines
    // read as one word). Adding the width to the gaps as well put spaces inside code (f(a, b)).
    const breaks = wordBreaks(gaps, Math.max(1, bodyOf(metrics) - stroke), gaps.map((_, i) => !unmeasured[i] && !unmeasured[i + 1]));
    // Less the spaces no one writes (before a closing bracket, inside !=), judged on each character's sure best class.
    // A piece of a group the decoder may still cut otherwise is no sure character (an x cut into > <).
    const spaces = () => breaksOf(chars.length, (i) => i > 0 && breaks.has(i - 1));
    for (const i of unwrittenSpaces(chars.map((c) => c.probs), ctx.labels, spaces(), (i) => groupReadings[chars[i].group].length === 1)) breaks.delete(i - 1);
    // And those a binary operator misses on one side (`x= f`), judged on the spaces as they now stand.
    // The operator's own characters count only from groups read one way (a piece of an x cut into > <
    // is no operator), its neighbours from their best cutting unless they read as an operator's
    // character: an x touching nothing but read in several cuttings is still the name before `=`
    // (oooh-baby's `x= f(`, `price= $5.99`).
    const operatorReadings = chars.map((c) => (groupReadings[c.group].length === 1 || !isOperatorChar(ctx.labels[argmax(c.probs)] ?? '') ? c.probs : undefined));
    for (const i of operatorSpaces(operatorReadings, ctx.labels, spaces())) breaks.add(i - 1);
    // And those around a lone operator whose gaps are both wide for the hand, though under its word gap.
    // Judged on every group's best cutting, not only on groups read one way as above: a `%` merged from its
    // pieces keeps its parts as an alternative, and is still the operator.
    for (const i of lonelyOperatorSpaces(chars.map((c) => c.probs), ctx.labels, gaps, Math.max(1, bodyOf(metrics) - stroke), spaces())) breaks.add(i - 1);
    // A number's digits spaced evenly but wide are one number ("1 9 72" read for 1972).
    for (const g of evenlySpacedNumbers(gaps, breaks, chars.map((c) => readsAsDigit(c.probs, ctx.labels)))) breaks.delete(g);
    const words: TextWord[] = [];
    let start = 0;
    for (let i = 0; i < chars.length; i++) {
      if (i < chars.length - 1 && !breaks.has(i)) continue;
      const span = chars.slice(start, i + 1);
      const first = span[0].group, last = span[span.length - 1].group;
      // A group with pieces in two words (rare) keeps its best cutting, split where the words split.
      // A group's characters are contiguous, so only the word's end groups can reach outside it.
      const splitBefore = start > 0 && chars[start - 1].group === first;
      const splitAfter = i + 1 < chars.length && chars[i + 1].group === last;
      start = i + 1;
      const readings = groupReadings.slice(first, last + 1).map((alts, k) => {
        const g = first + k;
        return (g === first && splitBefore) || (g === last && splitAfter) ? [{ chars: span.filter((c) => c.group === g), segmentCost: 0 }] : alts;
      });
      const { members, decoded } = decodeBestReading(ctx, readings, context.all, references);
      for (const c of members) {
        logSum += Math.log(Math.max(1e-6, maxOf(c.probs)));
        charCount++;
      }
      const outChars = members.map((c) => ({
        box: mapBox(toOriginal, c.inkBox, ctx.original.width, ctx.original.height),
        candidates: topCandidates(c.probs, ctx.labels, k),
        crop: c.crop,
      }));
      words.push({ box: unionBounds(outChars.map((c) => c.box)), text: decoded.text, confidence: decoded.confidence, chars: outChars });
      context.addWord(decoded.text);
    }
    context.add('\n');
    outLines.push({ box: unionBounds(words.map((w) => w.box)), text: words.map((w) => w.text).join(' '), words });
  });
  const result: TextResult = {
    text: outLines.map((l) => l.text).join('\n'),
    confidence: charCount ? Math.exp(logSum / charCount) : 0,
    lines: outLines,
    orientation,
    skewDegrees: (skew * 180) / Math.PI,
    workingSize: { width: working.width, height: working.height },
    message: outLines.length ? undefined : 'No handwriting found.',
  };
  return { result, extenders };
}

interface LineChar {
  readonly probs: Float32Array;
  readonly crop: CharCrop;
  readonly inkBox: Box;
  readonly geometry: Float32Array;
  readonly ids: number[];
}

interface GroupReading {
  readonly chars: LineChar[];
  /** The cutting's own terms: piece costs and width penalties (the classifier's part is the decoder's). */
  readonly segmentCost: number;
}

/**
 * A whole read unsurely is not read as the class of one piece of a cutting whose other pieces read
 * surely: that reading leaves their ink unread. A `[j` (the j's hook under the bracket) read G at 0.45,
 * cut `[` 0.46 and j 0.84, was decoded `[` from the whole, as the n-gram knows `[]` far better than
 * `[j]`: `grid[i][]`. Its own best class stays, and the other case of it (a whole X at 0.55 beside a
 * cutting `;` x is still an x). The other pieces at 0.8 or more: at 0.6, a t with a long bar read + whole
 * beside `t -` lost its t (npx tsx bench/code.ts --only images: two held-out lines read right, none
 * worse; the training families' lines and bench:text as before).
 * Nor, with laxer bounds, as a class the whole gives only faintly, where a piece gives that class
 * somewhat (its best or not) beside pieces read fairly surely: caveat-brush's `[j` read G 0.43 and `[`
 * 0.04 whole, cut l 0.26 / `[` 0.24 and j 0.87; edu-nsw-act-foundation's D 0.36 and `[` 0.14 whole, cut `[`
 * 0.80 and j 0.69: both `grid[i][]` (the same command: those two lines read right, none worse; the
 * training families' lines and bench:text as before).
 */
function withoutInkLeftUnread(readings: GroupReading[], labels: readonly string[]): GroupReading[] {
  const pieceClasses = new Set<number>();
  const faintClasses = new Set<number>();
  for (const r of readings) {
    if (r.chars.length < 2) continue;
    r.chars.forEach((c, i) => {
      const others = r.chars.filter((_, j) => j !== i).map((o) => maxOf(o.probs));
      if (maxOf(c.probs) >= PIECE_LEFT_OF_WHOLE && others.every((p) => p >= SURE_OTHER_PIECES)) pieceClasses.add(argmax(c.probs));
      if (others.every((p) => p >= FAIRLY_SURE_OTHER_PIECES)) c.probs.forEach((p, k) => p >= FAINT_PIECE_CLASS && faintClasses.add(k));
    });
  }
  if (pieceClasses.size === 0 && faintClasses.size === 0) return readings;
  return readings.map((r) => {
    if (r.chars.length !== 1 || maxOf(r.chars[0].probs) >= UNSURE_WHOLE) return r;
    const whole = r.chars[0];
    const own = labels[argmax(whole.probs)]?.toLowerCase();
    const left = (i: number, p: number) => (pieceClasses.has(i) || (faintClasses.has(i) && p < FAINT_IN_WHOLE)) && labels[i]?.toLowerCase() !== own;
    const probs = whole.probs.map((p, i) => (left(i, p) ? 0 : p));
    return { ...r, chars: [{ ...whole, probs }] };
  });
}
/** A piece's class is left out of its whole from this probability... */
const PIECE_LEFT_OF_WHOLE = 0.3;
/** ...when the cutting's other pieces read at least this. */
const SURE_OTHER_PIECES = 0.8;
/** A class the whole gives less than this... */
const FAINT_IN_WHOLE = 0.2;
/** ...is left out of it where a piece gives that class at least this... */
const FAINT_PIECE_CLASS = 0.2;
/** ...and the cutting's other pieces read at least this. */
const FAIRLY_SURE_OTHER_PIECES = 0.6;

/**
 * Decode a word whose groups may each be cut in several ways: every combination (up to
 * MAX_WORD_READINGS; beyond that, one group varied at a time) is decoded, and the reading with the
 * best decoder score minus its segmentation cost wins. Without a decoder this is the classifier's
 * best cutting per group, as the scores then agree.
 */
function decodeBestReading(ctx: Ctx, groups: readonly GroupReading[][], context: string, references: ReferenceTops | undefined): { members: LineChar[]; decoded: DecodedText } {
  const combos: number[][] = [];
  const varying = groups.map((g, i) => (g.length > 1 ? i : -1)).filter((i) => i >= 0);
  const total = varying.reduce((n, i) => n * groups[i].length, 1);
  if (total <= MAX_WORD_READINGS) {
    const walk = (v: number, pick: number[]) => {
      if (v === varying.length) return void combos.push(pick.slice());
      for (let a = 0; a < groups[varying[v]].length; a++) {
        pick[varying[v]] = a;
        walk(v + 1, pick);
      }
      pick[varying[v]] = 0;
    };
    walk(0, groups.map(() => 0));
  } else {
    combos.push(groups.map(() => 0));
    for (const i of varying) for (let a = 1; a < groups[i].length; a++) combos.push(groups.map((_, j) => (j === i ? a : 0)));
  }
  // With several readings, each is scored only, and the winner decoded in full once.
  const scoreOnly = combos.length > 1;
  const decode = (members: LineChar[], only: boolean): DecodedText =>
    ctx.options.decodeWord
      ? ctx.options.decodeWord(members.map((c) => c.probs), ctx.labels, {
          context,
          geometry: members.map((c) => charGeometry(c.geometry)),
          scoreOnly: only,
          lineReferences: references,
        })
      : argmaxWord(members.map((c) => c.probs), ctx.labels);
  let best: { members: LineChar[]; decoded: DecodedText; total: number } | undefined;
  for (const pick of combos) {
    const members = groups.flatMap((g, i) => g[pick[i]].chars);
    if (members.length === 0) continue;
    const decoded = decode(members, scoreOnly);
    const score = decoded.score ?? members.reduce((s, c) => s + Math.log(Math.max(1e-6, maxOf(c.probs))), 0);
    const value = score - groups.reduce((s, g, i) => s + g[pick[i]].segmentCost, 0);
    if (!best || value > best.total) best = { members, decoded, total: value };
  }
  if (!best) return { members: [], decoded: { text: '', confidence: 0 } };
  return scoreOnly ? { members: best.members, decoded: decode(best.members, false) } : best;
}

/** Left and right of a character's ink down to just below the baseline (its box when none): descender tails reach under neighbours. */
function coreExtent(src: CropSource, ids: readonly number[], box: Box, m: LineMetrics): { left: number; right: number } {
  const body = bodyOf(m);
  const top = box.top;
  const bottom = Math.min(box.bottom, Math.round(m.baseline + 0.1 * body));
  const isOwn = ownLabelTest(ids);
  let left = Infinity, right = -Infinity;
  for (let y = top; y < bottom; y++) {
    const row = y * src.width;
    for (let x = box.left; x < box.right; x++) {
      if (!isOwn(src.labels[row + x])) continue;
      if (x < left) left = x;
      if (x + 1 > right) right = x + 1;
    }
  }
  return right > left ? { left, right } : { left: box.left, right: box.right };
}

/**
 * Width prior for a piece, in nats per x-height beyond WIDE_START x-heights: an m or w is
 * about 1.3-1.6 x-heights wide, two letters side by side are more. Without it the classifier's
 * confidence on merged pairs wins too often. 1.7 was chosen on an interim model; on lines whose
 * x-height shows, 1.5 cuts a marker's touching letters more often (bench:text thick pen 29.9% ->
 * 27.9%, no other group worse).
 */
const WIDE_PENALTY = 3;
const WIDE_START = 1.5;
/**
 * Where a line shows no x-height (capitals, digits, a lone character) its body is only a guess, 0.65
 * cap heights, and its letters are capital-wide: there the prior starts at 1.7 guessed bodies, 1.1 cap
 * heights (at 1.5 a writer's taught k, a wide triangle, was cut into T and ]).
 */
const WIDE_START_NO_X_HEIGHT = 1.7;
/** Width (px) from which a piece on this line pays for being wide. */
function wideFrom(m: LineMetrics): number {
  return (m.xHeight > 0 ? WIDE_START : WIDE_START_NO_X_HEIGHT) * bodyOf(m);
}
/** `wideLetter`: the piece reads surely as a letter wide by nature, which pays from WIDE_LETTER_EXTRA x-heights further. */
function widthPenalty(width: number, m: LineMetrics, wideLetter = false): number {
  const from = wideFrom(m) + (wideLetter ? WIDE_LETTER_EXTRA * bodyOf(m) : 0);
  return WIDE_PENALTY * Math.max(0, (width - from) / Math.max(1, bodyOf(m)));
}

/**
 * An m or w read surely (SURE_WIDE_LETTER) is allowed this much more width (x-heights) before it pays:
 * a wide hand's m, 1.8 x-heights and read m at 0.97, paid 0.54 nats and lost to its halves read r n
 * (the shipped sample's maxItem read maxItern). npx tsx bench/text.ts --only inkwell: four images
 * better (page clean 2.0 -> 1.8%, page camera 2.2 -> 2.1%, thick pen 11.0 -> 10.8%, thin pen 4.0 ->
 * 3.4%), none worse; 0.5
 * read as 0.3; npx tsx bench/code.ts --only images: training families one line better, held out one
 * worse (sriracha's name_2 read name._2: its word's readings are varied one group at a time, and the
 * m first changed which); the training families' lines and pages as before (376 images).
 */
const WIDE_LETTER_EXTRA = 0.3;
const SURE_WIDE_LETTER = 0.9;
const WIDE_LETTERS = 'mwMW';

/** Whether a piece reads surely as a letter wide by nature (m w M W). */
function wideLetter(p: Float32Array, labels: readonly string[]): boolean {
  return maxOf(p) >= SURE_WIDE_LETTER && WIDE_LETTERS.includes(labels[argmax(p)] ?? ' ');
}

function keptMask(page: Analysis & { kind: 'ok' }): Uint8Array {
  const { labels } = page.components;
  const mask = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) if (labels[i] && page.keep[labels[i]]) mask[i] = 1;
  return mask;
}

/** The top of the group's own ink in each column of its box (columns without its ink left out). */
function columnTops(labels: Int32Array, width: number, g: CharGroup): number[] {
  const ids = new Set(g.ids);
  const tops: number[] = [];
  for (let x = Math.floor(g.box.left); x < Math.ceil(g.box.right); x++) {
    for (let y = Math.floor(g.box.top); y < Math.ceil(g.box.bottom); y++) {
      if (ids.has(labels[y * width + x])) {
        tops.push(y);
        break;
      }
    }
  }
  return tops;
}

/**
 * The group's dots above the line's x-height (an i's or j's), beside other ink; a j's (the ink under it
 * reaches DESCENDING_STEM bodies below the baseline) is marked, as its hook runs left under its neighbour.
 */
function stemDots(g: CharGroup, list: readonly Component[], src: CropSource, m: LineMetrics, body: number): StemDot[] {
  const xTop = m.baseline - body;
  return dotsOf(g, list, body, (b) => b.bottom < xTop + DOT_DROP * body).map((box) => {
    const reach = Math.round(DESCENDING_STEM * body);
    const under = { ...box, left: Math.max(g.box.left, box.left - reach), right: Math.min(g.box.right, box.right + reach) };
    return { box, descender: inkBelow(src, g, under, m.baseline + DESCENDING_STEM * body) };
  });
}

/**
 * Whether one of the group's components is a dot in the middle of the body, beside other ink: no letter
 * has one, a semicolon or colon touching the letter before it does (crafty-girls' `~mask;` read `~mask`).
 */
function midBodyDot(g: CharGroup, list: readonly Component[], m: LineMetrics, body: number): boolean {
  const xTop = m.baseline - body;
  return dotsOf(g, list, body, (b) => b.top >= xTop && b.bottom <= m.baseline - MID_DOT_CLEARANCE * body).length > 0;
}

/** The group's components that, beside other ink, are dots (DOT_SIZE body heights or less either way) placed as `at` asks. */
function dotsOf(g: CharGroup, list: readonly Component[], body: number, at: (b: Box) => boolean): Box[] {
  if (g.ids.length < 2) return [];
  return g.ids.map((id) => list[id - 1].box).filter((b) => boxHeight(b) <= DOT_SIZE * body && boxWidth(b) <= DOT_SIZE * body && at(b));
}

/** Whether the group has ink in the columns of `under` at or below row `y`. */
function inkBelow(src: CropSource, g: CharGroup, under: Box, y: number): boolean {
  const isOwn = ownLabelTest(g.ids);
  for (let row = Math.max(Math.ceil(y), g.box.top); row < g.box.bottom; row++) {
    for (let x = under.left; x < under.right; x++) if (isOwn(src.labels[row * src.width + x])) return true;
  }
  return false;
}

/** Height used for gaps and cut widths: the x-height, else a share of the capital height. */
function bodyOf(m: LineMetrics): number {
  return m.xHeight > 0 ? m.xHeight : 0.65 * m.capHeight;
}

/**
 * Lines that show only one letter height (all lowercase without ascenders, or all capitals
 * and digits) borrow the page's: the height nearer the page's x-height is an x-height.
 */
function resolveXHeights(lines: { metrics: LineMetrics }[]): void {
  const sure = lines.filter((l) => l.metrics.xHeight > 0).map((l) => l.metrics);
  if (sure.length === 0) return;
  const xh = median(sure.map((m) => m.xHeight));
  const cap = median(sure.map((m) => m.capHeight));
  for (const l of lines) {
    if (l.metrics.xHeight > 0) continue;
    const h = l.metrics.capHeight;
    if (Math.abs(h - xh) < Math.abs(h - cap)) l.metrics = { baseline: l.metrics.baseline, xHeight: h, capHeight: h * (cap / xh) };
    else l.metrics = { baseline: l.metrics.baseline, xHeight: h * (xh / cap), capHeight: h };
  }
}

function argmaxWord(charProbs: Float32Array[], labels: readonly string[]): DecodedText {
  let text = '', logp = 0;
  for (const p of charProbs) {
    const bi = argmax(p);
    text += labels[bi] ?? '?';
    logp += Math.log(Math.max(1e-6, p[bi]));
  }
  return { text, confidence: charProbs.length ? Math.exp(logp / charProbs.length) : 0 };
}

function topCandidates(p: Float32Array, labels: readonly string[], k: number): Candidate[] {
  return largestIndices(p, Math.max(1, k)).map((i) => ({ label: labels[i] ?? '?', p: p[i] }));
}

export type { Component };
