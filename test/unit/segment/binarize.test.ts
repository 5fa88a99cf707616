// Sauvola binarisation: the sliding window sums give exactly the integral image's threshold.
import { strict as assert } from 'node:assert';
import { binarize } from '../../../core/segment/binarize';
import type { GreyImage } from '../../../core/image';

/** The textbook version: each pixel's window mean and deviation straight from two integral images. */
function reference(image: GreyImage, win: number, k: number, invert: boolean): Uint8Array {
  const { width: w, height: h, data } = image;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1)), sq = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = invert ? 255 - data[y * w + x] : data[y * w + x];
      const at = (y + 1) * W + x + 1;
      sum[at] = v + sum[at - 1] + sum[at - W] - sum[at - W - 1];
      sq[at] = v * v + sq[at - 1] + sq[at - W] - sq[at - W - 1];
    }
  }
  const half = win >> 1;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - half), x1 = Math.min(w, x + half + 1), y0 = Math.max(0, y - half), y1 = Math.min(h, y + half + 1);
      const n = (x1 - x0) * (y1 - y0);
      const box = (a: Float64Array) => a[y1 * W + x1] - a[y0 * W + x1] - a[y1 * W + x0] + a[y0 * W + x0];
      const mean = box(sum) / n;
      const sd = Math.sqrt(Math.max(0, box(sq) / n - mean * mean));
      const v = invert ? 255 - data[y * w + x] : data[y * w + x];
      if (v < mean * (1 + k * (sd / 128 - 1)) && v < mean - 22) ink[y * w + x] = 1;
    }
  }
  return ink;
}

/** Paper with uneven light, grain, and dark strokes; `light` swaps ink and paper. */
function page(width: number, height: number, seed: number, light = false): GreyImage {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const paper = 150 + 90 * (x / width) + 20 * rand();
      const stroke = (x + 2 * y) % 23 < 3 || (y % 17 < 2 && x % 40 < 25);
      const v = stroke ? 30 + 40 * rand() : paper;
      data[y * width + x] = light ? 255 - v : v;
    }
  }
  return { width, height, data };
}

describe('segment: binarisation', () => {
  it('marks the ink the integral-image Sauvola marks, for any window, either polarity', () => {
    for (const [w, h, win, light] of [[120, 80, 15, false], [57, 201, 31, false], [300, 40, 81, true], [9, 7, 15, false], [1, 50, 15, true]] as const) {
      const image = page(w, h, w * h, light);
      const got = binarize(image, { window: win });
      assert.equal(got.polarity, light ? 'light-on-dark' : 'dark-on-light');
      const want = reference(image, win, 0.25, light);
      assert.deepEqual(got.ink, want, `${w}x${h}, window ${win}`);
      assert.equal(got.inkFraction, want.reduce((a, v) => a + v, 0) / (w * h));
    }
  });
});
