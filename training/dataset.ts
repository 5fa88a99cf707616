/**
 * Synthetic handwritten characters: the training and validation data of the character model.
 *
 * Three styles, all from sources the training-data note allows:
 * - 'font':    a handwriting font family's glyph rendered as an outline fill (the fonts' variety of hands);
 * - 'pen':     the same glyph thinned to its centre line and redrawn with a round pen of varying width,
 *              which looks like what the drawing pad produces (with `tracedRate`, some are the centre
 *              lines traced and drawn stroke by stroke instead);
 * - 'hershey': a Hershey stroke font's centre lines drawn the way a person draws with a mouse or pen
 *              (jitter, wobble, overshoot at stroke ends, varying width);
 * - 'drawn':   symbols only: the generator's own hand-drawn symbol strokes (training/symbolStrokes.ts),
 *              drawn like the Hershey strokes, where fonts give one shape per family.
 * Every glyph sits on a line whose baseline and x-height are known, so a sample can carry a LineFrame
 * (case from size and position); ~40% carry none, like a lone character. Images are NOT normalised:
 * callers run core/preprocess.ts normalizeCharacter, the one preprocessing for training and inference.
 * Deterministic: each sample's randomness derives from (seed, split, label, index) alone.
 */
import { createCanvas, SKRSContext2D } from '@napi-rs/canvas';
import { GreyImage } from '../core/image';
import { LineFrame } from '../core/preprocess';
import { ALL_CHARACTERS, CLUMP, SYMBOLS } from '../core/labels';
import { CURSIVE_LOWERCASE_FAMILIES, familiesOf, familyDraws, FontFamily, HERSHEY_FONTS, registerFamily, Split, trainingFamilies } from './fonts';
import { loadHersheyFont, HersheyFont, HersheyGlyph, Point } from './hershey';
import { drawnSymbolStrokes } from './symbolStrokes';
import { traceFamily } from './tracedFonts';
import { Rng, hashString } from './prng';
import { blur3, composeGrey, elastic, InkMap, inkExtent, inkFromCanvas, penFromSkeleton, thin, withDotsKept, wornInk } from './inkOps';

export type SampleStyle = 'font' | 'pen' | 'hershey' | 'drawn';

export interface CharacterSample {
  image: GreyImage;
  label: string;
  /** The writing line in the image's pixel coordinates; absent for a lone character. */
  frame?: LineFrame;
  /** Where it came from, e.g. 'font:caveat', 'pen:kalam', 'hershey:futural'. */
  source: string;
  style: SampleStyle;
}

export interface GenerateOptions {
  split: Split;
  perClass: number;
  seed: number;
  /** Characters to generate; default the 62 letters and digits (CODE_CHARACTERS adds the symbols). */
  labels?: string;
  styles?: SampleStyle[];
  /** Random affine, elastic, width, blur, noise, contrast, polarity, position. Default true. */
  augment?: boolean;
  /** Fraction of samples without a frame. Default 0.4. */
  noFrameRate?: number;
  /** Restrict to these font family / Hershey font ids (still within the split). */
  families?: string[];
  /**
   * Augmentation ranges: 'v3' (default, training) adds wide slants and aspects, marker-weight pens and
   * strokes placed one by one; 'v2' are the ranges before those, with the same random stream, so the
   * benches draw exactly the samples their earlier figures were measured on; 'v4' is 'v3' plus letters
   * touching the glyph on either side, cut away at its columns (NEIGHBOUR_RATE of the samples); 'v5'
   * is 'v4' plus a worn pen (WORN_RATE of the samples: strokes worn thin, hairlines through, gaps);
   * 'v6' is 'v5' plus hands whose x-height is larger or smaller beside their capitals and ascenders
   * (XHEIGHT_RATE of the samples: lowercase bodies stretched, the line frame's x-height with them).
   */
  augmentation?: Augmentation;
  /** From 'v4' on: the share of samples given touching neighbours (default NEIGHBOUR_RATE). */
  neighbourRate?: number;
  /** From 'v5' on: the share of samples drawn with a worn pen (default WORN_RATE). */
  wornRate?: number;
  /**
   * Share of 'pen' samples drawn from the family's traced centre lines (training/tracedFonts.ts) stroke
   * by stroke, as Hershey's are: each stroke shifted, turned, stretched and wobbled on its own, so a
   * sample is a new hand in the family's shapes rather than the font redrawn. Default 0 (none).
   */
  tracedRate?: number;
  /**
   * Training only: these lowercase letters and digits are also drawn from CURSIVE_LOWERCASE_FAMILIES
   * (capitals and symbols never are). Default none.
   */
  cursiveLetters?: string;
  /** Training only: also draw the MORE_FAMILIES (training/fonts.ts). Default false. */
  moreFamilies?: boolean;
  /**
   * 'pen' samples keep the dots that thinning erases whole (inkOps withDotsKept): without it about a
   * tenth of them lose the dot of an i, j, ; : ! or ?. Default false (earlier recipes' samples as they were).
   */
  penDots?: boolean;
  /**
   * Samples of the CLUMP class (when `labels` has it), as a multiple of `perClass`: two or three
   * letters of one hand touching or overlapping, the whole clump in the crop. Default CLUMP_SHARE.
   */
  clumpShare?: number;
  /**
   * Share of 'font' and 'pen' samples drawn twice: a font as its outline alone (a doubled line, as
   * kranky draws its letters), a pen going over the letter again a little beside the first pass, as
   * hands that retrace do. Default 0 (none).
   */
  retraceRate?: number;
}

/** The augmentation recipes, each the one before it plus something (see GenerateOptions.augmentation). */
export const AUGMENTATIONS = ['v2', 'v3', 'v4', 'v5', 'v6'] as const;
export type Augmentation = (typeof AUGMENTATIONS)[number];

/** Whether recipe `a` includes what `since` added (default 'v3'). */
export function augmentationHas(a: Augmentation | undefined, since: Augmentation): boolean {
  return AUGMENTATIONS.indexOf(a ?? 'v3') >= AUGMENTATIONS.indexOf(since);
}

/** Relative frequency of each style when all are allowed ('drawn' is offered for symbols only). */
export const STYLE_WEIGHTS: Record<SampleStyle, number> = { font: 0.4, pen: 0.4, hershey: 0.2, drawn: 0.3 };
/** Plain printed families are used in small measure. */
const PRINT_RATE = 0.08;
const CANVAS = 80;
const BASELINE_Y = 52;
const CAP_HEIGHT = 30;

export function generateCharacterSamples(opts: GenerateOptions): CharacterSample[] {
  const labels = opts.labels ?? ALL_CHARACTERS;
  if (!(opts.perClass >= 0) || !Number.isInteger(opts.perClass)) throw new Error(`perClass must be a non-negative integer (got ${opts.perClass}).`);
  const sources = sourcesFor(opts.split, opts.families, !!opts.moreFamilies);
  const out: CharacterSample[] = [];
  for (const label of labels) {
    const symbol = SYMBOLS.includes(label);
    // Families that lack a symbol or draw it as something else are not drawn for it.
    const cursive = opts.split === 'train' && /^[a-z0-9]$/.test(label) && !!opts.cursiveLetters?.includes(label);
    const own: Sources = symbol
      ? { hand: sources.hand.filter((f) => familyDraws(f.id, label)), print: sources.print, hershey: sources.hershey }
      : cursive
        ? { ...sources, hand: [...sources.hand, ...CURSIVE_SOURCES] }
        : sources;
    const styles = (opts.styles ?? (['font', 'pen', 'hershey', 'drawn'] as SampleStyle[])).filter((s) =>
      s === 'drawn' ? symbol : s === 'hershey' ? own.hershey.length > 0 : own.hand.length + own.print.length > 0,
    );
    if (styles.length === 0) throw new Error(`No sources for '${label}' in the requested styles and split.`);
    const count = label === CLUMP ? Math.round(opts.perClass * (opts.clumpShare ?? CLUMP_SHARE)) : opts.perClass;
    for (let k = 0; k < count; k++) {
      const rng = new Rng(hashString(`${opts.seed}|${opts.split}|${label}|${k}`));
      out.push(generateOne(label, rng, styles, own, opts));
    }
  }
  return out;
}

interface Sources {
  hand: FontFamily[];
  print: FontFamily[];
  hershey: HersheyFont[];
}

/** The cursive families as training sources (GenerateOptions.cursiveLetters). */
const CURSIVE_SOURCES: readonly FontFamily[] = CURSIVE_LOWERCASE_FAMILIES.map((id) => ({ id, split: 'train', kind: 'hand' }));

function sourcesFor(split: Split, only: string[] | undefined, moreFamilies: boolean): Sources {
  const keep = (id: string) => !only || only.includes(id);
  const fams = (split === 'train' ? trainingFamilies(moreFamilies) : familiesOf(split)).filter((f) => keep(f.id));
  return {
    hand: fams.filter((f) => f.kind === 'hand'),
    print: fams.filter((f) => f.kind === 'print'),
    hershey: HERSHEY_FONTS.filter((h) => h.split === split && keep(h.id)).map((h) => loadHersheyFont(h.id)),
  };
}

function pickStyle(rng: Rng, styles: SampleStyle[]): SampleStyle {
  const total = styles.reduce((s, k) => s + STYLE_WEIGHTS[k], 0);
  let r = rng.next() * total;
  for (const s of styles) {
    r -= STYLE_WEIGHTS[s];
    if (r < 0) return s;
  }
  return styles[styles.length - 1];
}

/** Affine placement of the glyph: rotation, shear (slant), scale, aspect. */
interface Placement {
  capHeight: number;
  matrix: [number, number, number, number, number, number];
}

function placement(rng: Rng, augment: boolean, wide: boolean): Placement {
  if (!augment) return { capHeight: CAP_HEIGHT, matrix: [1, 0, 0, 1, 0, 0] };
  const rot = rng.normal(0, 0.08);
  // Hands lean and stretch far beyond any one font: a quarter of the samples take a slant anywhere from
  // leaning back to ~30 degrees forward, and a fifth an aspect from narrow (0.5) to wide (1.6), so that
  // held-out slanted, narrow and wide styles are not new to the model.
  const shear = wide && rng.chance(0.25) ? rng.uniform(-0.3, 0.6) : rng.normal(0, 0.18);
  const aspect = wide && rng.chance(0.2) ? Math.exp(rng.uniform(Math.log(0.5), Math.log(1.6))) : Math.exp(rng.normal(0, 0.12));
  const scale = Math.exp(rng.normal(0, 0.12));
  const sx = aspect, sy = 1 / aspect;
  // M = R * Shear(x by y) * S, about the glyph's centre (CANVAS/2, BASELINE_Y - CAP/2).
  const c = Math.cos(rot), s = Math.sin(rot);
  const a = c * sx, b = s * sx;
  const cc = (c * shear - s) * sy, d = (s * shear + c) * sy;
  const cx = CANVAS / 2, cy = BASELINE_Y - CAP_HEIGHT / 2;
  const e = cx - (a * cx + cc * cy) + rng.normal(0, 2);
  const f = cy - (b * cx + d * cy) + rng.normal(0, 2);
  return { capHeight: CAP_HEIGHT * scale, matrix: [a, b, cc, d, e, f] };
}

function applyMatrix(m: Placement['matrix'], x: number, y: number): Point {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The line frame after the placement's transform, measured at the glyph's centre column. */
function frameAfter(m: Placement['matrix'], xCentre: number, xHeight: number): LineFrame {
  const base = applyMatrix(m, xCentre, BASELINE_Y);
  const top = applyMatrix(m, xCentre, BASELINE_Y - xHeight);
  return { baseline: base.y, xHeight: Math.max(1, base.y - top.y) };
}

function generateOne(label: string, rng: Rng, styles: SampleStyle[], sources: Sources, opts: GenerateOptions): CharacterSample {
  const augment = opts.augment ?? true;
  const noFrameRate = opts.noFrameRate ?? 0.4;
  for (let attempt = 0; ; attempt++) {
    const style = pickStyle(rng, styles);
    const wide = augmentationHas(opts.augmentation, 'v3');
    const place = placement(rng, augment, wide);
    let drawn: { ink: InkMap; frame: LineFrame; source: string; family?: FontFamily; hershey?: HersheyFont };
    // A clump starts from a letter the source draws; its neighbours are added below. (Other labels draw no
    // number here, so their random streams are as before.)
    const glyphOf = (has: (l: string) => boolean) => (label === CLUMP ? rng.pick([...CLUMP_LETTERS].filter(has)) : label);
    if (style === 'hershey') {
      const font = rng.pick(sources.hershey);
      drawn = { ...drawHershey(font, glyphOf((l) => font.glyphs.has(l)), place, rng, augment, wide), hershey: font };
    } else if (style === 'drawn') {
      drawn = { ...drawHershey(drawnSymbolFont(label, rng), label, place, rng, augment, wide), source: 'drawn:symbols' };
    } else {
      const usePrint = sources.print.length > 0 && (sources.hand.length === 0 || rng.chance(PRINT_RATE));
      const family = rng.pick(usePrint ? sources.print : sources.hand);
      // (The chance is only drawn when asked for, so the other recipes keep their random streams.)
      const traced = style === 'pen' && augment && (opts.tracedRate ?? 0) > 0 && rng.chance(opts.tracedRate!) ? traceFamily(family) : undefined;
      const glyph = glyphOf(traced ? (l) => traced.glyphs.has(l) : () => true);
      drawn = traced?.glyphs.has(glyph)
        ? { ...drawHershey(traced, glyph, place, rng, augment, wide), source: traced.id, family, hershey: traced }
        : { ...drawFont(family, glyph, place, rng, augment, style === 'pen', wide, !!opts.penDots, opts.retraceRate ?? 0), family };
    }
    let ink = drawn.ink;
    const clump = label === CLUMP;
    if (clump || (augment && augmentationHas(opts.augmentation, 'v4') && rng.chance(opts.neighbourRate ?? NEIGHBOUR_RATE))) {
      const neighbour = (l: string, at: Placement) =>
        drawn.hershey ? drawHershey(drawn.hershey, l, at, rng, augment, wide).ink : style === 'drawn' ? null : drawFont(drawn.family!, l, at, rng, augment, style === 'pen', wide, !!opts.penDots).ink;
      const near = withNeighbours(ink, place, rng, drawn.hershey ? (l) => drawn.hershey!.glyphs.has(l) : () => true, neighbour, clump);
      if (!near) {
        if (attempt >= 8) throw new Error(`Could not draw a clump from ${drawn.source}.`);
        continue;
      }
      ink = near;
    }
    let handFrame = drawn.frame;
    if (augment && augmentationHas(opts.augmentation, 'v6') && rng.chance(XHEIGHT_RATE)) {
      // Tall lowercase mostly (x-height up to 1.4 times the font's), sometimes short.
      const f = rng.chance(0.75) ? rng.uniform(1.1, 1.4) : rng.uniform(0.8, 0.92);
      if (/[a-z]/.test(label)) ink = stretchXHeight(ink, handFrame, f);
      handFrame = { baseline: handFrame.baseline, xHeight: handFrame.xHeight * f };
    }
    if (augment && augmentationHas(opts.augmentation, 'v5') && rng.chance(opts.wornRate ?? WORN_RATE)) {
      ink = wornInk(ink, rng.uniform(0.8, 2.2), rng.chance(0.3) ? 0 : rng.uniform(0.05, 0.25), rng);
    }
    if (augment && rng.chance(0.6)) ink = elastic(ink, rng.uniform(0.8, 2.6), rng.int(3, 5), rng);
    if (augment && rng.chance(0.3)) ink = blur3(ink, rng.uniform(0.3, 0.7));
    const extent = inkExtent(ink);
    if (!extent || extent.right - extent.left + extent.bottom - extent.top < 4) {
      if (attempt >= 8) throw new Error(`Could not draw '${label}' from ${drawn.source}.`);
      continue;
    }
    const size = Math.max(extent.right - extent.left, extent.bottom - extent.top);
    const margin = () => (augment ? Math.round(rng.uniform(0.02, 0.5) * size) : 4);
    const box = {
      left: extent.left - margin(),
      top: extent.top - margin(),
      right: extent.right + margin(),
      bottom: extent.bottom + margin(),
    };
    const paper = augment
      ? (() => {
          const p = rng.chance(0.5) ? 255 : rng.uniform(170, 255);
          return { paper: p, ink: rng.uniform(0, p - 90), noise: rng.chance(0.4) ? rng.uniform(1, 8) : 0, invert: rng.chance(0.1) };
        })()
      : { paper: 255, ink: 0, noise: 0, invert: false };
    const image = composeGrey(ink, paper, box, rng);
    const withFrame = !rng.chance(noFrameRate);
    const jb = augment ? rng.normal(0, 0.04) : 0, jx = augment ? Math.exp(rng.normal(0, 0.05)) : 1;
    const frame = withFrame
      ? { baseline: handFrame.baseline - box.top + jb * handFrame.xHeight, xHeight: handFrame.xHeight * jx }
      : undefined;
    return { image, label, frame, source: drawn.source, style };
  }
}

// ---- touching neighbours ('v4') ---------------------------------------------------------------------

/** CLUMP samples per class's samples (GenerateOptions.clumpShare). */
export const CLUMP_SHARE = 3;
/** Letters a clump starts from: lowercase mostly, as in words, some capitals and digits. */
const CLUMP_LETTERS = 'aceimnorsuvwxzbdfhkltgjpqyaceimnorsuvwxzbdhkltABDEHKMNRT0123456789';

/** Share of 'v4' samples with letters touching the glyph. */
export const NEIGHBOUR_RATE = 0.25;
/** Share of 'v5' samples drawn with a worn pen. */
export const WORN_RATE = 0.12;
/** Share of 'v6' samples whose hand has a larger or smaller x-height. */
export const XHEIGHT_RATE = 0.2;

/**
 * A lowercase glyph as a hand with an x-height `f` times the font's writes it: the body between
 * baseline and x-height line stretched by f, the ascender above squeezed (or stretched) so that its
 * top stays where it was, the descender as it was. Rows only; the placement's tilt is small.
 */
export function stretchXHeight(ink: InkMap, frame: LineFrame, f: number): InkMap {
  const { width: w, height: h } = ink;
  const base = frame.baseline, oldLine = base - frame.xHeight, newLine = base - f * frame.xHeight;
  const top = Math.max(0, base - 2.4 * frame.xHeight);
  // For each output row, the input row it shows.
  const source = (y: number): number => {
    if (y >= base || y < top) return y;
    if (y >= newLine) return base - (base - y) / f;
    return top + ((y - top) * (oldLine - top)) / Math.max(1e-6, newLine - top);
  };
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(h - 1, Math.max(0, source(y)));
    const y0 = Math.floor(sy), y1 = Math.min(h - 1, y0 + 1), t = sy - y0;
    for (let x = 0; x < w; x++) out[y * w + x] = ink.data[y0 * w + x] * (1 - t) + ink.data[y1 * w + x] * t;
  }
  return { width: w, height: h, data: out };
}
/** Letters written beside the glyph: lowercase mostly, as in words. */
const NEIGHBOUR_LETTERS = 'aceimnorsuvwxzbdfhklt';

/**
 * The glyph with a letter written on one side or both, each touching or overlapping it (as letters of
 * a word, of a marker, of a fast hand do), and everything outside the glyph's own columns cut away
 * (give or take a pixel or two): what the readers' cuts between touching letters hand the classifier.
 * `draw` draws a letter at a placement in the glyph's hand (null: this style has no neighbours).
 * `whole`: nothing cut away, the clump itself (a CLUMP sample); null when no neighbour could be drawn.
 */
function withNeighbours(ink: InkMap, place: Placement, rng: Rng, has: (l: string) => boolean, draw: (label: string, at: Placement) => InkMap | null, whole = false): InkMap | null {
  const own = inkExtent(ink);
  if (!own) return whole ? null : ink;
  const out = Float32Array.from(ink.data);
  let added = 0;
  const sides = rng.chance(0.5) ? [-1, 1] : [rng.chance(0.5) ? -1 : 1];
  for (const side of sides) {
    const label = rng.pick([...NEIGHBOUR_LETTERS].filter(has));
    if (!label) continue;
    const other = draw(label, place);
    const ext = other && inkExtent(other);
    if (!other || !ext) continue;
    // From a hair apart to a fifth of a cap height into the glyph.
    const gap = rng.uniform(-0.2, 0.03) * place.capHeight;
    const shift = Math.round(side > 0 ? own.right + gap - ext.left : own.left - gap - ext.right);
    added++;
    for (let y = 0; y < ink.height; y++) {
      for (let x = 0; x < ink.width; x++) {
        const from = x - shift;
        if (from < 0 || from >= ink.width) continue;
        const i = y * ink.width + x;
        out[i] = Math.max(out[i], other.data[y * ink.width + from]);
      }
    }
  }
  if (whole) return added > 0 ? { width: ink.width, height: ink.height, data: out } : null;
  // The cut: the glyph's columns, a pixel or two either way.
  const left = own.left + rng.int(-2, 1), right = own.right + rng.int(-1, 2);
  for (let y = 0; y < ink.height; y++) {
    for (let x = 0; x < ink.width; x++) if (x < left || x >= right) out[y * ink.width + x] = 0;
  }
  return { width: ink.width, height: ink.height, data: out };
}

// ---- font families -------------------------------------------------------------------------------

let canvasCtx: SKRSContext2D | null = null;

function ctx2d(): SKRSContext2D {
  if (!canvasCtx) canvasCtx = createCanvas(CANVAS, CANVAS).getContext('2d');
  return canvasCtx;
}

function readInk(ctx: SKRSContext2D): InkMap {
  return inkFromCanvas(ctx, CANVAS, CANVAS);
}

function drawFont(family: FontFamily, label: string, place: Placement, rng: Rng, augment: boolean, asPen: boolean, wide: boolean, keepDots: boolean, retrace = 0) {
  const metrics = registerFamily(family);
  const ctx = ctx2d();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, CANVAS, CANVAS);
  const px = place.capHeight / metrics.capPerPx;
  ctx.font = `${px.toFixed(2)}px "${metrics.fontName}"`;
  const width = ctx.measureText(label).width;
  const x0 = CANVAS / 2 - width / 2;
  ctx.setTransform(...place.matrix);
  // Drawn twice (GenerateOptions.retraceRate): a font as its outline alone, a pen going over the letter
  // again a little beside the first pass. (The chance is only drawn when asked for.)
  const twice = augment && retrace > 0 && rng.chance(retrace);
  if (twice && !asPen) {
    ctx.strokeStyle = '#000';
    ctx.lineJoin = 'round';
    ctx.lineWidth = rng.uniform(1, 2.5);
    ctx.strokeText(label, x0, BASELINE_Y);
  } else {
    ctx.fillStyle = '#000';
    ctx.fillText(label, x0, BASELINE_Y);
  }
  // Stroke width: sometimes embolden the outline (pens and markers differ in weight).
  if (augment && !asPen && !twice && rng.chance(wide ? 0.3 : 0.25)) {
    ctx.strokeStyle = '#000';
    ctx.lineJoin = 'round';
    // Up to a marker's weight (~0.2 cap heights in all).
    ctx.lineWidth = wide && rng.chance(0.3) ? rng.uniform(2.5, 0.12 * place.capHeight + 2.5) : rng.uniform(0.8, 2.5);
    ctx.strokeText(label, x0, BASELINE_Y);
  }
  let ink = readInk(ctx);
  const frame = frameAfter(place.matrix, CANVAS / 2, px * metrics.xPerPx);
  if (asPen) {
    // From a fine pen to a marker (radius ~0.1 cap heights).
    const radius = !augment ? 1.5 : !wide ? rng.uniform(0.7, 2.6) : rng.chance(0.2) ? rng.uniform(2.6, Math.max(2.7, 0.11 * place.capHeight)) : rng.uniform(0.6, 2.6);
    const thinned = thin(ink);
    const skeleton = keepDots ? withDotsKept(thinned, ink) : thinned;
    ink = penFromSkeleton(skeleton, CANVAS, CANVAS, radius, rng, augment ? 0.3 : 0);
    if (twice) {
      const shift = rng.uniform(1.5, 1.5 + 0.06 * place.capHeight), angle = rng.uniform(0, 2 * Math.PI);
      const again = penFromSkeleton(shifted(skeleton, CANVAS, CANVAS, Math.round(shift * Math.cos(angle)), Math.round(shift * Math.sin(angle))), CANVAS, CANVAS, radius * rng.uniform(0.7, 1.1), rng, 0.3);
      const bent = elastic(again, rng.uniform(0.8, 2), 3, rng);
      for (let i = 0; i < ink.data.length; i++) ink.data[i] = Math.max(ink.data[i], bent.data[i]);
    }
  }
  return { ink, frame, source: `${asPen ? 'pen' : 'font'}:${family.id}` };
}

/** A skeleton moved by (dx, dy) pixels; what leaves the canvas is dropped. */
function shifted(skel: Uint8Array, width: number, height: number, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(skel.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = x - dx, sy = y - dy;
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) out[y * width + x] = skel[sy * width + sx];
    }
  }
  return out;
}

// ---- Hershey stroke fonts -------------------------------------------------------------------------

function drawHershey(font: HersheyFont, label: string, place: Placement, rng: Rng, augment: boolean, wide: boolean) {
  const glyph = font.glyphs.get(label);
  if (!glyph) throw new Error(`Hershey font ${font.id} has no '${label}'.`);
  const capTop = Math.min(...(font.glyphs.get('H')?.strokes.flat().map((p) => p.y) ?? [font.baseline - 21]));
  const unit = place.capHeight / (font.baseline - capTop);
  const centreX = (glyph.left + glyph.right) / 2;
  const toCanvas = (p: Point): Point => applyMatrix(place.matrix, CANVAS / 2 + (p.x - centreX) * unit, BASELINE_Y + (p.y - font.baseline) * unit);
  const ctx = ctx2d();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, CANVAS, CANVAS);
  ctx.strokeStyle = '#000';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const width = augment ? rng.uniform(1.3, 4.6) * (place.capHeight / CAP_HEIGHT) : 3;
  // Per-glyph shape variation: the hand never lands on the same control points twice.
  const vertexJitter = augment ? rng.uniform(0, 0.7) : 0;
  // Each stroke is placed by the hand on its own: a small shift, turn and stretch per stroke (a bar set
  // high or low, a loop that does not close, a stem that overshoots), so each sample is a new hand.
  const perStroke = augment && wide ? rng.uniform(0, 1) : 0;
  for (const stroke of glyph.strokes) {
    const moved = perStroke > 0;
    const sx = moved ? rng.normal(0, 0.9 * perStroke) : 0, sy = moved ? rng.normal(0, 0.9 * perStroke) : 0;
    const turn = moved ? rng.normal(0, 0.06 * perStroke) : 0, stretch = moved ? Math.exp(rng.normal(0, 0.08 * perStroke)) : 1;
    const mx = stroke.reduce((s, p) => s + p.x, 0) / stroke.length, my = stroke.reduce((s, p) => s + p.y, 0) / stroke.length;
    const ct = Math.cos(turn), st = Math.sin(turn);
    let pts = stroke.map((p) => {
      const dx = (p.x - mx) * stretch, dy = (p.y - my) * stretch;
      return {
        x: mx + sx + ct * dx - st * dy + rng.normal(0, vertexJitter),
        y: my + sy + st * dx + ct * dy + rng.normal(0, vertexJitter),
      };
    });
    if (augment) pts = humanize(pts, rng);
    const cpts = pts.map(toCanvas);
    if (cpts.length === 1) cpts.push({ x: cpts[0].x + 0.01, y: cpts[0].y });
    for (let i = 1; i < cpts.length; i++) {
      ctx.lineWidth = augment ? width * (1 + rng.normal(0, 0.06)) : width;
      ctx.beginPath();
      ctx.moveTo(cpts[i - 1].x, cpts[i - 1].y);
      ctx.lineTo(cpts[i].x, cpts[i].y);
      ctx.stroke();
    }
  }
  const frame = frameAfter(place.matrix, CANVAS / 2, (font.baseline - font.xHeightTop) * unit);
  return { ink: readInk(ctx), frame, source: `hershey:${font.id}` };
}

/** Hershey units per x-height in the drawn symbols' stand-in font (Hershey's own faces measure ~14-15). */
const DRAWN_UNITS = 15;

/**
 * One hand-drawn symbol as a one-glyph stand-in Hershey font, so it is drawn exactly as the Hershey
 * strokes are (per-stroke placement, wobble, overshoot, pen width). Line units (y up, x-height 1) become
 * font units (y down, baseline 0); 'H' only carries the cap height (1.4 x-heights) the drawing scales by.
 */
function drawnSymbolFont(label: string, rng: Rng): HersheyFont {
  const strokes = drawnSymbolStrokes(label, rng);
  if (!strokes) throw new Error(`No drawn strokes for '${label}'.`);
  const toFont = (p: Point): Point => ({ x: p.x * DRAWN_UNITS, y: -p.y * DRAWN_UNITS });
  const glyph: HersheyGlyph = { left: -DRAWN_UNITS, right: DRAWN_UNITS, strokes: strokes.map((s) => s.map(toFont)) };
  const capMark: HersheyGlyph = { left: 0, right: 0, strokes: [[{ x: 0, y: -1.4 * DRAWN_UNITS }, { x: 0, y: 0 }]] };
  return { id: 'drawn', glyphs: new Map([[label, glyph], ['H', capMark]]), baseline: 0, xHeightTop: -DRAWN_UNITS };
}

/** Resample a stroke finely, add low-frequency wobble and small tremor, and overshoot its ends. */
function humanize(pts: Point[], rng: Rng): Point[] {
  if (pts.length < 2) return pts;
  const over = (a: Point, b: Point): Point => {
    const len = Math.hypot(a.x - b.x, a.y - b.y) || 1;
    const t = rng.chance(0.5) ? rng.uniform(0, 1.2) : 0;
    return { x: a.x + ((a.x - b.x) / len) * t, y: a.y + ((a.y - b.y) / len) * t };
  };
  const ends = [over(pts[0], pts[1]), ...pts.slice(1, -1), over(pts[pts.length - 1], pts[pts.length - 2])];
  const fine: Point[] = [];
  for (let i = 0; i < ends.length - 1; i++) {
    const a = ends[i];
    const b = ends[i + 1];
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 1.0));
    for (let k = 0; k < n; k++) fine.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
  }
  fine.push(ends[ends.length - 1]);
  const amp = rng.uniform(0, 0.6), freq = rng.uniform(0.1, 0.4), ph = rng.uniform(0, 6.3), ph2 = rng.uniform(0, 6.3);
  const tremor = rng.uniform(0, 0.15);
  return fine.map((p, i) => ({
    x: p.x + amp * Math.sin(i * freq + ph) + rng.normal(0, tremor),
    y: p.y + amp * Math.sin(i * freq * 1.3 + ph2) + rng.normal(0, tremor),
  }));
}
