/**
 * Case (and a few look-alikes) from where each character sits on its line.
 *
 * c/C, o/O/0, s/S/5, x/X, z/Z/2 ... have the same shape and differ only in height; g/q/9 differ
 * in whether they descend. The word itself says how tall its x-height and capitals are (from its
 * unambiguous characters: a e n r are x-high; A B D ... digits and ascenders are cap-high), so each
 * look-alike group's probability is re-split by how well the glyph's top and bottom fit each
 * member. Only mass inside a group moves: geometry never turns a 'c' into an 'e'.
 */
import { DIGITS, isLetterOrDigit } from '../labels';
import { argmax, massOf, median, scaleToMass } from '../stats';

/**
 * Where a character's ink sits, in x-heights above the baseline of its line (LineFrame):
 * top = (baseline - inkTop) / xHeight, bottom = (baseline - inkBottom) / xHeight, as
 * core/preprocess.ts geometryOf() returns in its [1] and [2].
 */
export interface CharGeometry {
  readonly top: number;
  readonly bottom: number;
}

/** The CharGeometry in a preprocess geometry vector ([has frame, top, bottom]); null without a line frame. */
export function charGeometry(g: ArrayLike<number>): CharGeometry | null {
  return g[0] ? { top: g[1], bottom: g[2] } : null;
}

/** Same-shape groups whose members differ in height or descent. */
export const LOOKALIKE_GROUPS: readonly string[] = [
  'cC', 'mM', 'oO0', 'pP', 'sS5', 'uU', 'vV', 'wW', 'xX', 'yY', 'zZ2', 'gq9',
];

/** Expected top: 0 = x-height, 1 = cap height. Labels not listed give no top evidence. */
const TOP_LEVEL: Record<string, number> = {};
for (const c of 'acemnorsuvwxzgpqy') TOP_LEVEL[c] = 0;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdhkl') TOP_LEVEL[c] = 1;
/** Expected bottom: 0 = on the baseline, 1 = descender. */
const BOTTOM_LEVEL: Record<string, number> = {};
// 3, 5 and 7 say nothing of their bottom: many hands let their tails or stems dip below the baseline,
// and a 3 that dipped read as g (dataMaxUser3 -> dataMaxUserg in bench:text's slanted group).
for (const c of 'acemnorsuvwxzbdhklikt' + 'ABCDEFGHIKLMNOPRSTUVWXYZ' + '0124689') BOTTOM_LEVEL[c] = 0;
for (const c of 'gpqy') BOTTOM_LEVEL[c] = 1;
// Symbols whose height is settled weigh in like letters, or a glyph that fits no letter would drift to
// a symbol only because symbols had no expectation: marks low or mid-line never reach above the
// x-height; quotes, brackets, slashes reach the cap height; most symbols do not descend. Brackets,
// slashes, $ , ; _ and @ vary too much between hands to say where they end.
for (const c of '.,-_=~+:;<>') TOP_LEVEL[c] = 0;
for (const c of '\'"`^!?#$%&*/\\|()[]{}') TOP_LEVEL[c] = 1;
for (const c of '.:!?\'"`^#%&*+-=<>~') BOTTOM_LEVEL[c] = 0;
// A j's dot stands above the x-height, a semicolon's dot under it: a j whose top stays under the
// x-height is a semicolon (`return;` read `returnj`, `d;` read `dj`). Held out (npx tsx bench/code.ts):
// one line right, none worse; its training families' lines two. An i's stem without its dot is as short
// as a semicolon, so i has no such level (the pad's "while" read "wh,1e"); nor does j a descender's:
// a j inside brackets barely descends in some hands (`[j]` read `[i]`).
/** Top level 'above the x-height' (fitOf): the dot's top may reach anywhere from the x-height up. */
const ABOVE_X = 0.5;
TOP_LEVEL.j = ABOVE_X;

/**
 * Characters that measure the word's x-height / cap height: not in any look-alike group. J is left
 * out: many hands write j and J alike, and a j misread as J (top at the x-height) made its word
 * look small and turned its s and o into capitals. f and k are tall in either case, as b d h l are:
 * without them a line whose only tall letters were f and brackets guessed its cap height from its
 * x-height, and kranky's s a little above the x-height read S (`if (S ==== "")`).
 */
const X_REFERENCE = 'aenr';
const CAP_REFERENCE = 'ABDEFGHLNQRT1346789bdfhkl';

/** Cap height / x-height when the word has no reference for one of them (handwriting fonts: ~1.3-1.7). */
const DEFAULT_CAP_RATIO = 1.45;
/** Descender depth in x-heights below the baseline. */
const DEFAULT_DESCENDER = -0.5;
/** Spread of the fit, in units of the x-height-to-cap gap; wide because hands are uneven. */
const SIGMA = 0.3;
/** Likelihood floor: a badly placed glyph can still be either case if the classifier is sure. */
const FLOOR = 0.05;

export interface WordMetrics {
  readonly xTop: number;
  readonly capTop: number;
  /** Where letters stand (0 = the line frame's baseline) and where descenders end, in x-heights above the frame's baseline. */
  readonly baseline: number;
  readonly descender: number;
  /** The writer's own tops of their look-alikes and their spread (writerReferences), for a word measured by its writer. */
  readonly lookalikes?: Pick<WriterReferences, 'labelTops' | 'labelSpread'>;
}

/** Tops of a run of characters' confidently read, unambiguous characters: x-high ones and cap-high ones. */
export interface ReferenceTops {
  /** Median top of the x-high references (a e n r), NaN when there are none. */
  readonly xTop: number;
  /** Median top of the cap-high references (capitals, digits, b d h l), NaN when there are none. */
  readonly capTop: number;
}

/** `withDigits`: digits count as cap-high references (they do within a word). */
export function referenceTops(geometry: readonly CharGeometry[], argmaxLabels: readonly string[], confidences: readonly number[], withDigits = true): ReferenceTops {
  const xs: number[] = [];
  const caps: number[] = [];
  geometry.forEach((g, i) => {
    if (confidences[i] < 0.5) return;
    if (X_REFERENCE.includes(argmaxLabels[i])) xs.push(g.top);
    else if (CAP_REFERENCE.includes(argmaxLabels[i]) && (withDigits || !DIGITS.includes(argmaxLabels[i]))) caps.push(g.top);
  });
  return { xTop: xs.length ? median(xs) : NaN, capTop: caps.length ? median(caps) : NaN };
}

/**
 * The word's own x-height and cap height from its confidently read, unambiguous characters; where
 * the word has none of one kind ("fox", "Count" with an unsure n), its line's (`line`, the same
 * measure over the whole line), then the writer's (`writer`: where their own letters sit, from their
 * profile's samples), and only then a ratio of the other (the writer's ratio when known).
 */
export function wordMetrics(geometry: readonly CharGeometry[], argmaxLabels: readonly string[], confidences: readonly number[], line?: ReferenceTops, writer?: WriterReferences): WordMetrics {
  const own = referenceTops(geometry, argmaxLabels, confidences);
  let xTop = Number.isNaN(own.xTop) ? line?.xTop ?? NaN : own.xTop;
  let capTop = Number.isNaN(own.capTop) ? line?.capTop ?? NaN : own.capTop;
  // A line's references that contradict the word's own (a cap height below its x-height) are not used.
  if (!Number.isNaN(xTop) && !Number.isNaN(capTop) && capTop <= xTop) {
    if (Number.isNaN(own.xTop)) xTop = NaN;
    else if (Number.isNaN(own.capTop)) capTop = NaN;
  }
  const ratio = writer && writer.capTop > writer.xTop && writer.xTop > 0 ? writer.capTop / writer.xTop : DEFAULT_CAP_RATIO;
  if (Number.isNaN(xTop) && Number.isNaN(capTop)) {
    if (writer) return writerMetrics(writer, ratio);
    xTop = 1; // the line frame's own x-height
    capTop = DEFAULT_CAP_RATIO;
  } else if (Number.isNaN(xTop)) xTop = capTop >= 1.2 ? 1 : capTop / ratio;
  else if (Number.isNaN(capTop)) capTop = xTop * ratio;
  return { xTop, capTop, baseline: 0, descender: DEFAULT_DESCENDER * Math.max(0.3, xTop) };
}

/**
 * A word with nothing to measure by, measured by its writer: where their small letters reach in the
 * line frame, where their letters stand and descend (some write above the ruled line), and where each
 * look-alike of theirs reaches (their O may be small, their l taller than their I).
 */
function writerMetrics(writer: WriterReferences, ratio: number): WordMetrics {
  const xTop = writer.xTop > 0 ? writer.xTop : 1;
  const descends = Number.isFinite(writer.baseline) && Number.isFinite(writer.descender) && writer.descender < writer.baseline - 0.1 * xTop;
  return {
    xTop,
    capTop: xTop * ratio,
    baseline: descends ? writer.baseline : 0,
    descender: descends ? writer.descender : DEFAULT_DESCENDER * Math.max(0.3, xTop),
    lookalikes: writer,
  };
}

/** Labels whose top is the x-height or the cap height for certain, when the label is known (a profile's samples). */
const X_HIGH_LABELS = 'acemnorsuvwxz';
const CAP_HIGH_LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Samples of each kind needed before a writer's height counts. */
const MIN_WRITER_SAMPLES = 3;

/** Where a writer's letters reach (tops) and stand and descend (bottoms), from labelled samples. */
export interface WriterReferences extends ReferenceTops {
  /** Median bottom of letters standing on the baseline; NaN with too few. */
  readonly baseline: number;
  /** Median bottom of g j p q y; NaN with too few. */
  readonly descender: number;
  /** Median top of each look-alike (LOOKALIKE_GROUPS, I l 1) the writer has at least two samples of. */
  readonly labelTops: Readonly<Record<string, number>>;
  /** Spread of a look-alike's tops about its median, pooled over the writer's look-alikes. */
  readonly labelSpread: number;
}

const WRITER_LOOKALIKES = LOOKALIKE_GROUPS.join('') + 'Il1';
/** The least spread of a writer's look-alike tops (x-heights): a few samples understate it. */
const MIN_SPREAD = 0.12;
const STANDING_LABELS = 'acemnorsuvwxzbdhklABCDEFHKLMNRTUVWXYZ';
const DESCENDING_LABELS = 'gpqy';

/**
 * Where a writer's small letters and capitals reach, where they stand and where their descenders end,
 * from labelled samples (medians; NaN for a kind with fewer than MIN_WRITER_SAMPLES): some hands write
 * capitals barely taller than small letters.
 */
export function writerReferences(samples: readonly { label: string; geometry: CharGeometry | null }[]): WriterReferences {
  const xs: number[] = [];
  const caps: number[] = [];
  const standing: number[] = [];
  const descending: number[] = [];
  const byLabel = new Map<string, number[]>();
  for (const s of samples) {
    if (!s.geometry || !Number.isFinite(s.geometry.top) || !Number.isFinite(s.geometry.bottom)) continue;
    if (X_HIGH_LABELS.includes(s.label)) xs.push(s.geometry.top);
    else if (CAP_HIGH_LABELS.includes(s.label)) caps.push(s.geometry.top);
    if (STANDING_LABELS.includes(s.label)) standing.push(s.geometry.bottom);
    else if (DESCENDING_LABELS.includes(s.label)) descending.push(s.geometry.bottom);
    if (WRITER_LOOKALIKES.includes(s.label)) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s.geometry.top]);
  }
  const medianOf = (v: number[]) => (v.length >= MIN_WRITER_SAMPLES ? median(v) : NaN);
  const labelTops: Record<string, number> = {};
  let squares = 0, n = 0;
  for (const [label, tops] of byLabel) {
    if (tops.length < 2) continue;
    const m = median(tops);
    labelTops[label] = m;
    for (const t of tops) squares += (t - m) ** 2;
    n += tops.length - 1;
  }
  const labelSpread = n > 0 ? Math.max(MIN_SPREAD, Math.sqrt(squares / n)) : MIN_SPREAD;
  return { xTop: medianOf(xs), capTop: medianOf(caps), baseline: medianOf(standing), descender: medianOf(descending), labelTops, labelSpread };
}

/**
 * Re-split each look-alike group's probability by geometric fit, in place on a copy.
 * `weight` scales the evidence (0 = off, 1 = as measured).
 */
/**
 * 'group': only mass inside each look-alike group moves. 'all': every label with a known height
 * is weighed by its fit and the whole vector renormalised (to its own total, massOf), so a tall glyph read as 'q' loses to
 * '1' as well as to '9' (measured on the tuning split: see DEFAULT_GEOMETRY_MODE in beam.ts).
 */
export type GeometryMode = 'group' | 'all';

export function applyCaseGeometry(
  probs: Float32Array,
  labels: readonly string[],
  g: CharGeometry,
  m: WordMetrics,
  weight = 1,
  mode: GeometryMode = 'group',
): Float32Array {
  const out = Float32Array.from(probs);
  if (!(weight > 0) || !Number.isFinite(g.top) || !Number.isFinite(g.bottom)) return out;
  const gap = m.capTop - m.xTop;
  const u = gap > 0.15 * Math.abs(m.xTop) ? (g.top - m.xTop) / gap : NaN; // 0 = x-high, 1 = cap-high
  const depth = m.descender - m.baseline;
  const v = depth < 0 ? (g.bottom - m.baseline) / depth : NaN; // 0 = on the baseline, 1 = descends
  if (mode === 'all') {
    const mass = massOf(probs);
    let total = 0;
    // Ink reaching less than half the x-height is a mark (a full stop written as a small loop), no letter.
    const short = shortFit(g.top / Math.max(1e-6, m.xTop));
    labels.forEach((label, i) => {
      out[i] *= Math.pow(topFit(label, g.top, u, m) * fitOf(v, BOTTOM_LEVEL[label]) * (short < 1 && isLetterOrDigit(label) ? short : 1), weight);
      total += out[i];
    });
    if (!(total > 0)) return Float32Array.from(probs);
    return splitDashes(scaleToMass(out, mass), labels, g, m, weight);
  }
  const index = new Map<string, number>();
  labels.forEach((l, i) => index.set(l, i));
  for (const group of LOOKALIKE_GROUPS) {
    const members = Array.from(group).map((c) => index.get(c)).filter((i): i is number => i !== undefined);
    if (members.length < 2) continue;
    let mass = 0;
    for (const i of members) mass += out[i];
    if (!(mass > 0)) continue;
    let total = 0;
    const scaled = members.map((i) => {
      const label = labels[i];
      const fit = topFit(label, g.top, u, m) * fitOf(v, BOTTOM_LEVEL[label]);
      const s = out[i] * Math.pow(fit, weight);
      total += s;
      return s;
    });
    if (!(total > 0)) continue;
    members.forEach((i, k) => (out[i] = (scaled[k] / total) * mass));
  }
  return out;
}

/**
 * How well a glyph's top fits the label (u: 0 = x-high, 1 = cap-high): by its level and, where the
 * writer's samples show where their own reaches, by that too, the two weighed alike (geometric mean):
 * a few samples, or someone else's profile, do not decide alone. Chosen on bench:adapt's tuning writers
 * (training families), K=5 exact: 97.38% against 97.10% with the writer's alone, 97.30% with the larger.
 */
function topFit(label: string, top: number, u: number, m: WordMetrics): number {
  const level = fitOf(u, TOP_LEVEL[label]);
  const mine = m.lookalikes;
  const own = mine?.labelTops[label];
  if (!mine || own === undefined || !(mine.labelSpread > 0)) return level;
  const d = (top - own) / mine.labelSpread;
  return Math.sqrt(level * (FLOOR + (1 - FLOOR) * Math.exp(-0.5 * d * d)));
}

/** Below this share of the word's x-height a glyph's top is too low for a letter or digit... */
const SHORT_TOP = 0.45;
/** ...by so much that the classifier's reading is all but overruled (a dot read 'o' at 0.74 by the classifier). */
const SHORT_FLOOR = 0.005;

/** Whether a glyph's top is too low on its line for any letter or digit (a full stop read 'o'); false without a frame. */
export function tooShortForLetter(g: CharGeometry | null): boolean {
  return g !== null && Number.isFinite(g.top) && g.top < SHORT_TOP;
}

/** How well a glyph whose top is at `h` x-heights fits a letter or digit: 1 down to SHORT_TOP, then falling to SHORT_FLOOR. */
function shortFit(h: number): number {
  if (!Number.isFinite(h) || h >= SHORT_TOP) return 1;
  const d = (SHORT_TOP - h) / 0.05;
  return SHORT_FLOOR + (1 - SHORT_FLOOR) * Math.exp(-0.5 * d * d);
}

/**
 * A minus and an underscore are one stroke told apart by height alone: the tops of the held-out families'
 * (bench:accuracy's samples, 220 of each) reach 0.41-1.25 x-heights above the baseline for a minus,
 * -0.44-0.39 for an underscore. The classifier sees the frame too but leaves the two close where the
 * language model, from code that names things in camelCase, weighs in for the minus (vibur's `name_2`
 * read `name-2` with the document's identifiers).
 */
const DASH_BOUNDARY = 0.4;
const DASH_SPREAD = 0.08;
/** A glyph taller than this share of the x-height is no dash. */
const DASH_HEIGHT = 0.5;

/**
 * The probability `p` gives a minus and an underscore together, split between them by how well the
 * glyph's top fits each (1 on its side of DASH_BOUNDARY); every other class as it was.
 */
function splitDashes(p: Float32Array, labels: readonly string[], g: CharGeometry, m: WordMetrics, weight: number): Float32Array {
  const minus = labels.indexOf('-'), underscore = labels.indexOf('_');
  const x = Math.max(1e-6, m.xTop - m.baseline);
  const h = (g.top - m.baseline) / x;
  const mass = minus >= 0 && underscore >= 0 ? p[minus] + p[underscore] : 0;
  // Only a flat glyph read as one of them: a ~ reads '_' a little too, and the underscore's mass is no
  // minus; the top of a glyph as tall as a letter says nothing of either (a piece of the-girl-next-door's
  // `name_2` on the pad, read '_' with its top at the x-height, became '-': `name- =`).
  const best = argmax(p);
  if (!(mass > 0) || (best !== minus && best !== underscore) || !Number.isFinite(h) || !(g.top - g.bottom < DASH_HEIGHT * x)) return p;
  const fit = (miss: number) => Math.pow(FLOOR + (1 - FLOOR) * Math.exp(-0.5 * (miss / DASH_SPREAD) ** 2), weight);
  const a = p[minus] * fit(Math.max(0, DASH_BOUNDARY - h)), b = p[underscore] * fit(Math.max(0, h - DASH_BOUNDARY));
  p[minus] = (mass * a) / (a + b);
  p[underscore] = (mass * b) / (a + b);
  return p;
}

/**
 * One-sided: a glyph shorter than the x-height still fits an x-high letter, one above the cap
 * height (an ascender-tall capital) still fits a capital, a deep descender still descends; a glyph
 * reaching above the x-height (ABOVE_X) fits wherever its top is from there up.
 */
function fitOf(observed: number, expected: number | undefined): number {
  if (expected === undefined || Number.isNaN(observed)) return 1;
  const miss = expected === 0 ? Math.max(0, observed) : expected === ABOVE_X ? Math.min(0, observed) : Math.min(0, observed - 1);
  const d = miss / SIGMA;
  return FLOOR + (1 - FLOOR) * Math.exp(-0.5 * d * d);
}
