/**
 * Character preprocessing, one implementation for training and inference.
 *
 * Turns any picture of one character into the model's input: ink = 1 on a background of 0,
 * cropped to the ink, aspect ratio kept, the longer side scaled to FIT_SIZE and centred by
 * centre of mass in an INPUT_SIZE square (the MNIST recipe). Optional geometry says where the
 * character sits against its writing line, which is what separates c/C, o/O, s/S when the
 * caller knows the line (pad words, text lines); lone characters go without.
 */
import { GreyImage, histogramPercentile } from './image';
import { flattenBackground, removeSpecks } from './flatten';

export const INPUT_SIZE = 28;
export const FIT_SIZE = 20;
/** [known, top above baseline / x-height, bottom above baseline / x-height]. */
export const GEOMETRY_SIZE = 3;

/** The writing line a character belongs to, in the character image's pixel coordinates. */
export interface LineFrame {
  /** y of the baseline. */
  readonly baseline: number;
  /** Height of a lowercase x in pixels (> 0). */
  readonly xHeight: number;
}

export interface NormalizedCharacter {
  /** INPUT_SIZE * INPUT_SIZE floats in [0, 1], row-major, ink = 1. */
  readonly pixels: Float32Array;
  /** GEOMETRY_SIZE floats, all 0 when no line frame was given. */
  readonly geometry: Float32Array;
  /** Ink bounding box in the source image (right/bottom exclusive). */
  readonly inkBox: { left: number; top: number; right: number; bottom: number };
}

export interface PreprocessOptions {
  /** Line frame for case from size and position; omit for a lone character. */
  readonly frame?: LineFrame;
  /**
   * Ink polarity. 'auto' (default) takes the border's majority as background, so white ink
   * on a dark board reads the same as dark ink on paper.
   */
  readonly polarity?: 'auto' | 'dark-on-light' | 'light-on-dark';
}

/** Minimum contrast (grey levels between background and ink) below which an image is blank. */
const MIN_CONTRAST = 40;
/** Ink intensity under which a pixel counts as background when finding the ink's extent. */
const INK_THRESHOLD = 0.35;

export class BlankImageError extends Error {
  constructor(message = 'No handwriting found: the image is blank or has too little contrast.') {
    super(message);
    this.name = 'BlankImageError';
  }
}

/** Ink map in [0, 1] with contrast stretched between the background and the darkest ink. */
export function inkMap(image: GreyImage, polarity: PreprocessOptions['polarity'] = 'auto'): Float32Array {
  const { data, width, height } = image;
  const invert = polarity === 'light-on-dark' || (polarity === 'auto' && borderIsDark(image));
  // Dark ink on light paper, with a shadow or uneven light divided out.
  const raw = new Float32Array(width * height);
  for (let i = 0; i < raw.length; i++) raw[i] = invert ? 255 - data[i] : data[i];
  const values = flattenBackground(raw, width, height);
  const hist = new Uint32Array(256);
  for (let i = 0; i < values.length; i++) hist[Math.round(values[i])]++;
  // Background = the bright end (most pixels of a character image are paper); ink = the dark end.
  const background = histogramPercentile(hist, values.length, 0.9);
  const ink = histogramPercentile(hist, values.length, 0.005);
  const out = new Float32Array(values.length);
  if (background - ink < MIN_CONTRAST) return out;
  const scale = 1 / (background - ink);
  for (let i = 0; i < values.length; i++) {
    const t = (background - values[i]) * scale;
    out[i] = t <= 0.08 ? 0 : t >= 1 ? 1 : t;
  }
  return out;
}

export function normalizeCharacter(image: GreyImage, options: PreprocessOptions = {}): NormalizedCharacter {
  const ink = inkMap(image, options.polarity);
  // Dust goes before the crop is measured, and out of the ink the classifier sees.
  const box = maskBounds(removeSpecks(ink, image.width, image.height, INK_THRESHOLD), image.width, image.height);
  if (!box) throw new BlankImageError();
  const pixels = fitAndCentre(ink, image.width, box);
  return { pixels, geometry: geometryOf(box, options.frame), inkBox: box };
}

export function geometryOf(box: { top: number; bottom: number }, frame?: LineFrame): Float32Array {
  const g = new Float32Array(GEOMETRY_SIZE);
  if (!frame || !(frame.xHeight > 0)) return g;
  const clamp = (v: number) => Math.max(-3, Math.min(3, v));
  g[0] = 1;
  g[1] = clamp((frame.baseline - box.top) / frame.xHeight);
  g[2] = clamp((frame.baseline - box.bottom) / frame.xHeight);
  return g;
}

function borderIsDark(image: GreyImage): boolean {
  const { width: w, height: h, data } = image;
  let dark = 0;
  let total = 0;
  const visit = (i: number) => {
    total++;
    if (data[i] < 128) dark++;
  };
  for (let x = 0; x < w; x++) {
    visit(x);
    if (h > 1) visit((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    visit(y * w);
    if (w > 1) visit(y * w + w - 1);
  }
  return dark * 2 > total;
}

/** Bounding box of a mask's set pixels; null when there is none. */
export function maskBounds(
  mask: Uint8Array,
  width: number,
  height: number,
): { left: number; top: number; right: number; bottom: number } | null {
  let left = width, top = height, right = -1, bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!mask[row + x]) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return null;
  return { left, top, right: right + 1, bottom: bottom + 1 };
}

/** Crop to box, scale the longer side to FIT_SIZE, place centred by mass in INPUT_SIZE². */
function fitAndCentre(
  ink: Float32Array,
  width: number,
  box: { left: number; top: number; right: number; bottom: number },
): Float32Array {
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const scale = FIT_SIZE / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale));
  const th = Math.max(1, Math.round(bh * scale));
  const small = resample(ink, width, box, tw, th);
  // Centre of mass of the scaled glyph.
  let mass = 0, mx = 0, my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const cx = mass > 0 ? mx / mass : (tw - 1) / 2;
  const cy = mass > 0 ? my / mass : (th - 1) / 2;
  // Shift so the centre of mass lands at the middle, but never push ink outside the square.
  const offX = clampInt(Math.round((INPUT_SIZE - 1) / 2 - cx), 0, INPUT_SIZE - tw);
  const offY = clampInt(Math.round((INPUT_SIZE - 1) / 2 - cy), 0, INPUT_SIZE - th);
  const out = new Float32Array(INPUT_SIZE * INPUT_SIZE);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) out[(y + offY) * INPUT_SIZE + x + offX] = small[y * tw + x];
  }
  return out;
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * Resample the box of a float map to tw x th. Exact area averaging when shrinking (no aliasing
 * of thin strokes), bilinear when enlarging (no blocky edges on tiny input).
 */
function resample(
  src: Float32Array,
  width: number,
  box: { left: number; top: number; right: number; bottom: number },
  tw: number,
  th: number,
): Float32Array {
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const out = new Float32Array(tw * th);
  const sx = bw / tw;
  const sy = bh / th;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < th; y++) {
      const y0 = y * sy, y1 = y0 + sy;
      for (let x = 0; x < tw; x++) {
        const x0 = x * sx, x1 = x0 + sx;
        let sum = 0;
        for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++) {
          const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
          const row = (box.top + yy) * width + box.left;
          for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
            const wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
            sum += src[row + xx] * wx * wy;
          }
        }
        out[y * tw + x] = sum / (sx * sy);
      }
    }
    return out;
  }
  for (let y = 0; y < th; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(bh - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < tw; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(bw - 1, x0 + 1), tx = fx - x0;
      const at = (xx: number, yy: number) => src[(box.top + yy) * width + box.left + xx];
      out[y * tw + x] =
        (at(x0, y0) * (1 - tx) + at(x1, y0) * tx) * (1 - ty) + (at(x0, y1) * (1 - tx) + at(x1, y1) * tx) * ty;
    }
  }
  return out;
}
