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
  const leans: number[] = [], weights: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!ink[i] && !ink[i - 1] && !ink[i + 1] && !ink[i - width] && !ink[i + width]) continue;
      // Sobel gradient of the grey image.
      const gx = grey[i - width + 1] + 2 * grey[i + 1] + grey[i + width + 1] - grey[i - width - 1] - 2 * grey[i - 1] - grey[i + width - 1];
      const gy = grey[i + width - 1] + 2 * grey[i + width] + grey[i + width + 1] - grey[i - width - 1] - 2 * grey[i - width] - grey[i - width + 1];
      // The stroke runs across the gradient: near-vertical strokes have a near-horizontal gradient.
      if (gx === 0 || Math.abs(gx) < VERTICAL_RATIO * Math.abs(gy)) continue;
      leans.push(gy / gx);
      weights.push(Math.hypot(gx, gy));
    }
  }
  if (leans.length < MIN_EDGES) return 0;
  const order = leans.map((_, k) => k).sort((a, b) => leans[a] - leans[b]);
  const half = weights.reduce((a, w) => a + w, 0) / 2;
  let acc = 0, slant = 0;
  for (const k of order) {
    acc += weights[k];
    if (acc >= half) {
      slant = leans[k];
      break;
    }
  }
  slant = Math.min(SLANT_RANGE[1], Math.max(SLANT_RANGE[0], slant));
  return Math.abs(slant) < MIN_SLANT ? 0 : slant;
}
