/**
 * Adaptive binarisation (Sauvola) that survives uneven light, with ink polarity detection.
 *
 * Local mean and deviation come from running window sums, so the cost is O(pixels) whatever the
 * window. A fixed global threshold fails on photos (one corner in shadow reads as all ink);
 * Sauvola compares each pixel with its own neighbourhood instead.
 */
import { GreyImage } from '../image';
import { connectedComponents } from './components';

export type Polarity = 'dark-on-light' | 'light-on-dark';

export interface Binarized {
  readonly width: number;
  readonly height: number;
  /** 1 = ink, 0 = paper, row-major. */
  readonly ink: Uint8Array;
  readonly polarity: Polarity;
  /** Fraction of pixels that are ink. */
  readonly inkFraction: number;
}

export interface BinarizeOptions {
  /** Window side in pixels (odd); default scales with the image. */
  readonly window?: number;
  /** Sauvola k: higher = less ink. */
  readonly k?: number;
  readonly polarity?: 'auto' | Polarity;
  /**
   * Hysteresis: pixels that pass a laxer test (this k, half the contrast) are ink too where they touch
   * ink, so a stroke's faint stretches stay joined to its dark ones. Off when undefined.
   */
  readonly weakK?: number;
}

/** Grey levels an ink pixel must lie below its local mean: stops paper grain reading as ink. */
const MIN_LOCAL_CONTRAST = 22;
const DYNAMIC_RANGE = 128;

/** Which way round the ink is: the paper is the majority, so a dark median means light ink. */
export function detectPolarity(image: GreyImage): Polarity {
  const hist = new Uint32Array(256);
  const { data } = image;
  const step = Math.max(1, Math.floor(data.length / 200_000));
  let n = 0;
  for (let i = 0; i < data.length; i += step, n++) hist[data[i]]++;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc * 2 >= n) return v < 110 ? 'light-on-dark' : 'dark-on-light';
  }
  return 'dark-on-light';
}

export function defaultWindow(width: number, height: number): number {
  const w = Math.round(Math.sqrt(width * height) / 25);
  return Math.max(15, Math.min(81, w | 1));
}

export function binarize(image: GreyImage, options: BinarizeOptions = {}): Binarized {
  const { width: w, height: h } = image;
  const polarity = !options.polarity || options.polarity === 'auto' ? detectPolarity(image) : options.polarity;
  const invert = polarity === 'light-on-dark';
  const win = options.window ?? defaultWindow(w, h);
  const k = options.k ?? 0.25;
  const half = win >> 1;
  const data = image.data;
  const ink = new Uint8Array(w * h);
  const weak = options.weakK !== undefined ? new Uint8Array(w * h) : undefined;
  const weakK = options.weakK ?? k;
  // With hysteresis, candidates for the faint ink need only half the contrast.
  const minContrast = weak ? MIN_LOCAL_CONTRAST / 2 : MIN_LOCAL_CONTRAST;
  let count = 0;
  // Each column's window edges, computed once rather than per pixel.
  const left = new Int32Array(w), right = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    left[x] = Math.max(0, x - half);
    right[x] = Math.min(w, x + half + 1);
  }
  // Window sums of value and value² slide down the page: per column over the window's rows (updated
  // as a row enters and one leaves), then prefix sums along the row. Exact integers, as an integral
  // image's would be, in memory a few rows big rather than two page-sized arrays.
  const colSum = new Int32Array(w), colSq = new Int32Array(w);
  const rowSum = new Float64Array(w + 1), rowSq = new Float64Array(w + 1);
  // Light ink on dark paper is read inverted, so that ink is always the darker side.
  const vals = invert ? data.map((raw) => 255 - raw) : data;
  // Row y enters (sign 1) or leaves (sign -1) the window's column sums.
  const slide = (y: number, sign: 1 | -1) => {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const v = vals[i];
      colSum[x] += sign * v;
      colSq[x] += sign * v * v;
    }
  };
  let inY0 = 0, inY1 = 0;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - half), y1 = Math.min(h, y + half + 1);
    while (inY1 < y1) slide(inY1++, 1);
    while (inY0 < y0) slide(inY0++, -1);
    for (let x = 0; x < w; x++) {
      rowSum[x + 1] = rowSum[x] + colSum[x];
      rowSq[x + 1] = rowSq[x] + colSq[x];
    }
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const x0 = left[x], x1 = right[x];
      const n = (y1 - y0) * (x1 - x0);
      const mean = (rowSum[x1] - rowSum[x0]) / n;
      const v = vals[row + x];
      // Most pixels are paper and fail the contrast test: only ink candidates pay for the deviation.
      if (v >= mean - minContrast) continue;
      const q = rowSq[x1] - rowSq[x0];
      const sd = Math.sqrt(Math.max(0, q / n - mean * mean));
      const t = mean * (1 + k * (sd / DYNAMIC_RANGE - 1));
      if (v < t && v < mean - MIN_LOCAL_CONTRAST) {
        ink[row + x] = 1;
        count++;
      } else if (weak && v < mean * (1 + weakK * (sd / DYNAMIC_RANGE - 1))) weak[row + x] = 1;
    }
  }
  if (weak) count += growIntoWeak(ink, weak, w, h);
  return { width: w, height: h, ink, polarity, inkFraction: count / (w * h) };
}

/** Weak pixels 8-connected to ink become ink (a component of ink and weak pixels together is kept whole when it holds ink); how many were added. */
function growIntoWeak(ink: Uint8Array, weak: Uint8Array, w: number, h: number): number {
  const either = new Uint8Array(ink.length);
  for (let i = 0; i < ink.length; i++) either[i] = ink[i] | weak[i];
  const { labels, list } = connectedComponents(either, w, h);
  const holdsInk = new Uint8Array(list.length + 1);
  for (let i = 0; i < ink.length; i++) if (ink[i]) holdsInk[labels[i]] = 1;
  let added = 0;
  for (let i = 0; i < ink.length; i++) {
    if (weak[i] && !ink[i] && holdsInk[labels[i]]) {
      ink[i] = 1;
      added++;
    }
  }
  return added;
}
