/**
 * The geometric steps between the caller's image and the working image (downscale, deskew,
 * quarter turns), kept as one affine map so every box can be reported in ORIGINAL coordinates.
 */
import { Box, GreyImage } from '../image';
import { applyOrientation } from '../orientation';
import { median } from '../stats';

/** x = a*u + b*v + c, y = d*u + e*v + f: maps working (u, v) to source (x, y). */
export interface Affine {
  readonly a: number; readonly b: number; readonly c: number;
  readonly d: number; readonly e: number; readonly f: number;
}

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };

export function scaleAffine(s: number): Affine {
  return { a: s, b: 0, c: 0, d: 0, e: s, f: 0 };
}

/** outer ∘ inner: first inner (working → intermediate), then outer (intermediate → source). */
export function compose(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.b * inner.d,
    b: outer.a * inner.b + outer.b * inner.e,
    c: outer.a * inner.c + outer.b * inner.f + outer.c,
    d: outer.d * inner.a + outer.e * inner.d,
    e: outer.d * inner.b + outer.e * inner.e,
    f: outer.d * inner.c + outer.e * inner.f + outer.f,
  };
}

/** Axis-aligned box around the mapped corners, clamped to the source size. */
export function mapBox(m: Affine, box: Box, width: number, height: number): Box {
  const xs: number[] = [], ys: number[] = [];
  for (const [u, v] of [[box.left, box.top], [box.right, box.top], [box.left, box.bottom], [box.right, box.bottom]]) {
    xs.push(m.a * u + m.b * v + m.c);
    ys.push(m.d * u + m.e * v + m.f);
  }
  const clampX = (x: number) => Math.max(0, Math.min(width, x));
  const clampY = (y: number) => Math.max(0, Math.min(height, y));
  return {
    left: Math.floor(clampX(Math.min(...xs))),
    top: Math.floor(clampY(Math.min(...ys))),
    right: Math.ceil(clampX(Math.max(...xs))),
    bottom: Math.ceil(clampY(Math.max(...ys))),
  };
}

/**
 * Rotate by `radians` (positive = counter-clockwise as seen on screen) about the centre,
 * enlarging the canvas so no ink is cut off; uncovered area gets `fill`. Bilinear.
 */
export function rotateGrey(image: GreyImage, radians: number, fill: number): { image: GreyImage; toSource: Affine } {
  const { width: w, height: h, data } = image;
  const cos = Math.cos(radians), sin = Math.sin(radians);
  const W = Math.ceil(Math.abs(w * cos) + Math.abs(h * sin));
  const H = Math.ceil(Math.abs(w * sin) + Math.abs(h * cos));
  const cx = w / 2, cy = h / 2, CX = W / 2, CY = H / 2;
  // Output (u,v) -> source (x,y): inverse rotation about the centres (y axis points down).
  const toSource: Affine = {
    a: cos, b: -sin, c: cx - cos * CX + sin * CY,
    d: sin, e: cos, f: cy - sin * CX - cos * CY,
  };
  const out = new Uint8ClampedArray(W * H);
  for (let v = 0; v < H; v++) {
    // Source coordinates advance by (a, d) per output column: no per-pixel trigonometry.
    let x = toSource.a * 0.5 + toSource.b * (v + 0.5) + toSource.c - 0.5;
    let y = toSource.d * 0.5 + toSource.e * (v + 0.5) + toSource.f - 0.5;
    const row = v * W;
    for (let u = 0; u < W; u++, x += toSource.a, y += toSource.d) {
      const x0 = Math.floor(x), y0 = Math.floor(y);
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const tx = x - x0, ty = y - y0;
        const i = y0 * w + x0;
        out[row + u] = (data[i] * (1 - tx) + data[i + 1] * tx) * (1 - ty) + (data[i + w] * (1 - tx) + data[i + w + 1] * tx) * ty;
      } else if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
        out[row + u] = fill;
      } else {
        const tx = x - x0, ty = y - y0;
        const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= w || yy >= h ? fill : data[yy * w + xx]);
        out[row + u] = (at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx) * (1 - ty) + (at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx) * ty;
      }
    }
  }
  return { image: { width: W, height: H, data: out }, toSource };
}

/** Exact quarter turn. turns = 1: the content turns 90° clockwise (undoes a page lying 90° counter-clockwise). */
export function rotateQuarter(image: GreyImage, turns: 1 | 3): { image: GreyImage; toSource: Affine } {
  const { width: w, height: h } = image;
  // The pixels turn as a photo tagged EXIF 6 (clockwise) or 8 (counter-clockwise) is turned upright.
  // As box maps on pixel edges: clockwise x = v, y = h - u; counter-clockwise x = w - v, y = u.
  const toSource: Affine = turns === 1
    ? { a: 0, b: 1, c: 0, d: -1, e: 0, f: h }
    : { a: 0, b: -1, c: w, d: 1, e: 0, f: 0 };
  return { image: applyOrientation(image, turns === 1 ? 6 : 8), toSource };
}

/** Half turn (a page upside down read upright). */
export function rotateHalf(image: GreyImage): { image: GreyImage; toSource: Affine } {
  const { width: w, height: h } = image;
  // The pixels turn as a photo tagged EXIF 3; as box maps on pixel edges: x = w - u, y = h - v.
  return { image: applyOrientation(image, 3), toSource: { a: -1, b: 0, c: w, d: 0, e: -1, f: h } };
}

/**
 * Shear rows sideways by `slant` about the middle row (x' = x + slant (y - h/2)): italic writing
 * stands upright. The canvas widens so no ink is cut off. The uncovered ends of each row take the
 * median of that row's EDGE_SAMPLE pixels nearest the end: a photo's paper is shaded, so one fill for
 * the whole canvas would draw a slanted edge across it, and repeating the very last pixel would smear
 * a dark border into a band; both binarise as ink.
 */
export function shearGrey(image: GreyImage, slant: number): { image: GreyImage; toSource: Affine } {
  const { width: w, height: h, data } = image;
  const y0 = h / 2;
  const shift = Math.ceil(Math.abs(slant) * y0);
  const W = w + 2 * shift;
  // Output (u, v) -> source (x, y) = (u - shift - slant (v - y0), v).
  const toSource: Affine = { a: 1, b: -slant, c: -shift + slant * y0, d: 0, e: 1, f: 0 };
  const out = new Uint8ClampedArray(W * h);
  const n = Math.min(w, EDGE_SAMPLE);
  for (let v = 0; v < h; v++) {
    const row = v * w, outRow = v * W;
    const leftFill = median(Array.from(data.subarray(row, row + n)));
    const rightFill = median(Array.from(data.subarray(row + w - n, row + w)));
    // Source pixel index (centres at integers) of output pixel u is u + dx.
    const dx = -shift - slant * (v + 0.5 - y0);
    for (let u = 0; u < W; u++) {
      const x = u + dx;
      if (x < 0) out[outRow + u] = leftFill;
      else if (x > w - 1) out[outRow + u] = rightFill;
      else {
        const x0 = Math.min(w - 2, Math.floor(x));
        const t = x - x0;
        out[outRow + u] = w === 1 ? data[row] : data[row + x0] * (1 - t) + data[row + x0 + 1] * t;
      }
    }
  }
  return { image: { width: W, height: h, data: out }, toSource };
}

/** Pixels at each end of a row whose median fills what a shear uncovers. */
const EDGE_SAMPLE = 9;
