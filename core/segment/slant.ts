/**
 * Slant (italic lean) of handwriting in an image, and the shear that stands it upright.
 *
 * Leaning letters reach over their neighbours: boxes overlap, word gaps shrink, and joined letters
 * cannot be cut straight. As the pad does for its strokes (core/strokes/slant.ts), the image is read
 * in deslanted coordinates x' = x + s(y - y0).
 */

/** Leaning back or forward beyond these is not writing any more (the pad's range). */
const SLANT_RANGE = [-0.5, 0.9] as const;
/** An edge belongs to a near-vertical stroke when its stroke direction is this many times taller than wide (~35 degrees, as the pad). */
const VERTICAL_RATIO = 1.4;
/**
 * Slants below this (about 8.5 degrees) are left alone: upright writing stays exactly as written, and
 * a shear only pays for its resampling when the lean is clear.
 */
const MIN_SLANT = 0.15;
/** Fewer measured edge pixels than this say nothing. */
const MIN_EDGES = 200;

/**
 * Slant of the ink (positive: tops lean right of bottoms), 0 when upright or unclear: the
 * gradient-weighted median lean of the near-vertical stroke edges (stems, sides of o and n), as the
 * pad measures its strokes. A median, not a projection: the diagonals of A, V and N lean both ways
 * and cancel, where a sharpest-projection search locks onto one of them.
 * `grey`: dark ink on light paper; `ink`: its binarised mask (edges are looked for beside ink only).
 */
export function estimateInkSlant(grey: Uint8ClampedArray | Uint8Array, ink: Uint8Array, width: number, height: number): number {
  let leans: Float64Array = new Float64Array(1024), weights: Float64Array = new Float64Array(1024);
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!ink[i] && !ink[i - 1] && !ink[i + 1] && !ink[i - width] && !ink[i + width]) continue;
      // Sobel gradient of the grey image.
      const gx = grey[i - width + 1] + 2 * grey[i + 1] + grey[i + width + 1] - grey[i - width - 1] - 2 * grey[i - 1] - grey[i + width - 1];
      const gy = grey[i + width - 1] + 2 * grey[i + width] + grey[i + width + 1] - grey[i - width - 1] - 2 * grey[i - width] - grey[i - width + 1];
      // The stroke runs across the gradient: near-vertical strokes have a near-horizontal gradient.
      if (gx === 0 || Math.abs(gx) < VERTICAL_RATIO * Math.abs(gy)) continue;
      if (n === leans.length) {
        leans = grown(leans);
        weights = grown(weights);
      }
      leans[n] = gy / gx;
      weights[n++] = Math.hypot(gx, gy);
    }
  }
  if (n < MIN_EDGES) return 0;
  let slant = weightedMedian(leans.subarray(0, n), weights.subarray(0, n));
  slant = Math.min(SLANT_RANGE[1], Math.max(SLANT_RANGE[0], slant));
  return Math.abs(slant) < MIN_SLANT ? 0 : slant;
}

function grown(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/** Buckets the weighted median is narrowed down by before the one holding it is sorted. */
const MEDIAN_BUCKETS = 1024;

/**
 * The value at which the weights, summed in order of value, first reach half their total. The values
 * are bucketed by value first, so only the bucket holding the median is sorted (a sort of all of them
 * was a tenth of reading a line).
 */
export function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const n = values.length;
  let lo = Infinity, hi = -Infinity, total = 0;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
    total += weights[i];
  }
  const half = total / 2;
  if (!(hi > lo)) return lo;
  const scale = (MEDIAN_BUCKETS - 1) / (hi - lo);
  const bucketOf = (v: number) => Math.floor((v - lo) * scale);
  const bucketWeight = new Float64Array(MEDIAN_BUCKETS);
  for (let i = 0; i < n; i++) bucketWeight[bucketOf(values[i])] += weights[i];
  let below = 0, b = 0;
  while (b < MEDIAN_BUCKETS - 1 && below + bucketWeight[b] < half) below += bucketWeight[b++];
  const inBucket: number[] = [];
  for (let i = 0; i < n; i++) if (bucketOf(values[i]) === b) inBucket.push(i);
  inBucket.sort((i, j) => values[i] - values[j]);
  let acc = below;
  for (const i of inBucket) {
    acc += weights[i];
    if (acc >= half) return values[i];
  }
  return values[inBucket[inBucket.length - 1]];
}
