/**
 * Pixel operations on float ink maps (ink = 1, paper = 0) used by the synthetic data generator:
 * thinning to a centre line, round-pen redraw, elastic distortion, blur, and composition onto paper.
 * Plain typed-array loops: images here are ~80x80, so simple code is fast enough.
 */
import { connectedComponents } from '../core/segment/components';
import { GreyImage } from '../core/image';
import { Rng } from './prng';

export interface InkMap {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** The ink of a canvas drawn in black on transparent: its alpha channel, 0..1. */
export function inkFromCanvas(ctx: { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } }, width: number, height: number): InkMap {
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 3] / 255;
  return { width, height, data };
}

export function createInk(width: number, height: number): InkMap {
  return { width, height, data: new Float32Array(width * height) };
}

/** Zhang-Suen thinning of the pixels above `threshold`; returns a 0/1 skeleton. */
export function thin(ink: InkMap, threshold = 0.5): Uint8Array {
  const { width: w, height: h } = ink;
  const img = new Uint8Array(w * h);
  for (let i = 0; i < img.length; i++) img[i] = ink.data[i] >= threshold ? 1 : 0;
  // Border pixels stay 0 so neighbour reads never leave the image.
  for (let x = 0; x < w; x++) img[x] = img[(h - 1) * w + x] = 0;
  for (let y = 0; y < h; y++) img[y * w] = img[y * w + w - 1] = 0;
  const remove: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      remove.length = 0;
      for (let y = 1; y < h - 1; y++) {
        for (let x = 1; x < w - 1; x++) {
          const i = y * w + x;
          if (!img[i]) continue;
          const p2 = img[i - w], p3 = img[i - w + 1], p4 = img[i + 1], p5 = img[i + w + 1];
          const p6 = img[i + w], p7 = img[i + w - 1], p8 = img[i - 1], p9 = img[i - w - 1];
          const b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
          if (b < 2 || b > 6) continue;
          const a =
            (+(!p2 && p3)) + (+(!p3 && p4)) + (+(!p4 && p5)) + (+(!p5 && p6)) +
            (+(!p6 && p7)) + (+(!p7 && p8)) + (+(!p8 && p9)) + (+(!p9 && p2));
          if (a !== 1) continue;
          if (pass === 0 ? p2 * p4 * p6 !== 0 || p4 * p6 * p8 !== 0 : p2 * p4 * p8 !== 0 || p2 * p6 * p8 !== 0) continue;
          remove.push(i);
        }
      }
      for (const i of remove) img[i] = 0;
      if (remove.length) changed = true;
    }
  }
  return img;
}

/**
 * The skeleton with a dot for each blob of ink that thinning erased: Zhang-Suen removes a small
 * square whole, and a font's small dot (the top of nothing-you-could-do's ';', one of patrick-hand's
 * ':' dots) vanished, so the benches wrote ',' for ';' and '.' for ':' and counted the reading of
 * what was written as an error, and a tenth of the training data's pen samples of i j ; : ! ? lost a
 * dot (`--pen-dots` keeps them). Each erased blob keeps its ink pixel nearest its centre.
 */
export function withDotsKept(skel: Uint8Array, ink: InkMap, threshold = 0.5): Uint8Array {
  const { width, height } = ink;
  const { labels, list } = connectedComponents(Uint8Array.from(ink.data, (v) => (v >= threshold ? 1 : 0)), width, height);
  // Per blob: whether any of it survived thinning, and its centre.
  const kept = new Uint8Array(list.length + 1);
  const sumX = new Float64Array(list.length + 1), sumY = new Float64Array(list.length + 1);
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i];
    if (!id) continue;
    if (skel[i]) kept[id] = 1;
    sumX[id] += i % width;
    sumY[id] += Math.floor(i / width);
  }
  const nearest = new Int32Array(list.length + 1).fill(-1);
  const distance = new Float64Array(list.length + 1).fill(Infinity);
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i];
    if (!id || kept[id]) continue;
    const { area } = list[id - 1];
    const d = Math.hypot((i % width) - sumX[id] / area, Math.floor(i / width) - sumY[id] / area);
    if (d < distance[id]) {
      distance[id] = d;
      nearest[id] = i;
    }
  }
  const out = Uint8Array.from(skel);
  for (const i of nearest) if (i >= 0) out[i] = 1;
  return out;
}

/**
 * Redraw a skeleton with a round pen: each skeleton pixel stamps an anti-aliased disc. The radius
 * varies smoothly over the image (pressure/speed changes) around `radius`.
 */
export function penFromSkeleton(skel: Uint8Array, width: number, height: number, radius: number, rng: Rng, variation = 0.25): InkMap {
  const out = createInk(width, height);
  const fx = rng.uniform(0.05, 0.2), fy = rng.uniform(0.05, 0.2), ph = rng.uniform(0, 6.3), ph2 = rng.uniform(0, 6.3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!skel[y * width + x]) continue;
      const r = Math.max(0.5, radius * (1 + variation * 0.5 * (Math.sin(x * fx + ph) + Math.sin(y * fy + ph2))));
      stampDisc(out, x, y, r);
    }
  }
  return out;
}

export function stampDisc(ink: InkMap, cx: number, cy: number, r: number): void {
  const { width: w, height: h, data } = ink;
  const reach = Math.ceil(r + 1);
  const x0 = Math.max(0, Math.floor(cx) - reach), x1 = Math.min(w - 1, Math.floor(cx) + reach);
  const y0 = Math.max(0, Math.floor(cy) - reach), y1 = Math.min(h - 1, Math.floor(cy) + reach);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x - cx, y - cy);
      const v = r + 0.5 - d;
      if (v <= 0) continue;
      const i = y * w + x;
      const a = v >= 1 ? 1 : v;
      if (a > data[i]) data[i] = a;
    }
  }
}

/**
 * Elastic distortion: a smooth random displacement field (random offsets on a coarse grid,
 * bilinearly interpolated) of up to `amplitude` pixels, sampled bilinearly.
 */
export function elastic(ink: InkMap, amplitude: number, cells: number, rng: Rng): InkMap {
  const { width: w, height: h, data } = ink;
  const g = cells + 1;
  const gx = new Float32Array(g * g), gy = new Float32Array(g * g);
  for (let i = 0; i < gx.length; i++) {
    gx[i] = rng.uniform(-amplitude, amplitude);
    gy[i] = rng.uniform(-amplitude, amplitude);
  }
  const out = createInk(w, h);
  for (let y = 0; y < h; y++) {
    const v = (y / (h - 1)) * cells;
    const j = Math.min(cells - 1, Math.floor(v)), ty = v - j;
    for (let x = 0; x < w; x++) {
      const u = (x / (w - 1)) * cells;
      const i = Math.min(cells - 1, Math.floor(u)), tx = u - i;
      const k = j * g + i;
      const dx = (gx[k] * (1 - tx) + gx[k + 1] * tx) * (1 - ty) + (gx[k + g] * (1 - tx) + gx[k + g + 1] * tx) * ty;
      const dy = (gy[k] * (1 - tx) + gy[k + 1] * tx) * (1 - ty) + (gy[k + g] * (1 - tx) + gy[k + g + 1] * tx) * ty;
      out.data[y * w + x] = sampleBilinear(data, w, h, x + dx, y + dy);
    }
  }
  return out;
}

function sampleBilinear(data: Float32Array, w: number, h: number, fx: number, fy: number): number {
  if (fx < 0 || fy < 0 || fx > w - 1 || fy > h - 1) return 0;
  const x0 = Math.floor(fx), y0 = Math.floor(fy);
  const x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
  const tx = fx - x0, ty = fy - y0;
  return (
    (data[y0 * w + x0] * (1 - tx) + data[y0 * w + x1] * tx) * (1 - ty) +
    (data[y1 * w + x0] * (1 - tx) + data[y1 * w + x1] * tx) * ty
  );
}

/** 3x3 blur with centre weight `centre` (1 = none). */
export function blur3(ink: InkMap, centre: number): InkMap {
  const { width: w, height: h, data } = ink;
  const out = createInk(w, h);
  const side = (1 - centre) / 8;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(h - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) {
          const xx = Math.min(w - 1, Math.max(0, x + dx));
          s += data[yy * w + xx] * (dx === 0 && dy === 0 ? centre : side);
        }
      }
      out.data[y * w + x] = s;
    }
  }
  return out;
}

/** Bounding box of ink above `threshold` (right/bottom exclusive); null when empty. */
export function inkExtent(ink: InkMap, threshold = 0.3): { left: number; top: number; right: number; bottom: number } | null {
  let left = ink.width, top = ink.height, right = -1, bottom = -1;
  for (let y = 0; y < ink.height; y++) {
    for (let x = 0; x < ink.width; x++) {
      if (ink.data[y * ink.width + x] < threshold) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}

export interface PaperStyle {
  /** Grey level of the paper and of full ink. */
  readonly paper: number;
  readonly ink: number;
  /** Gaussian noise standard deviation in grey levels. */
  readonly noise: number;
  /** White ink on a dark board. */
  readonly invert: boolean;
}

/** Compose an ink map onto paper as an 8-bit grey image, cropped to `box`. */
export function composeGrey(
  ink: InkMap,
  style: PaperStyle,
  box: { left: number; top: number; right: number; bottom: number },
  rng: Rng,
): GreyImage {
  const w = box.right - box.left, h = box.bottom - box.top;
  const data = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const sy = y + box.top;
    for (let x = 0; x < w; x++) {
      const sx = x + box.left;
      const a = sx >= 0 && sy >= 0 && sx < ink.width && sy < ink.height ? ink.data[sy * ink.width + sx] : 0;
      let v = style.paper + (style.ink - style.paper) * Math.min(1, a);
      if (style.noise > 0) v += rng.normal(0, style.noise);
      data[y * w + x] = style.invert ? 255 - v : v;
    }
  }
  return { width: w, height: h, data };
}

/**
 * A pen running dry: the strokes worn down on every side until the typical one is `targetWidth`
 * pixels wide (a calligraphic hand's hairlines, thinner than that, wear through), then broken where
 * a coarse random field falls below `gapShare` (the ink skipping). What a fine or failing pen leaves
 * on paper, and what a photo of faint writing binarises to.
 */
export function wornInk(ink: InkMap, targetWidth: number, gapShare: number, rng: Rng): InkMap {
  const { width: w, height: h } = ink;
  // Worn no further than leaves a quarter of the ink: past that a glyph is no longer legible.
  const mass = (d: Float32Array) => d.reduce((s, v) => s + v, 0);
  const full = mass(ink.data);
  let data = ink.data;
  for (let wear = Math.round(Math.max(0, (medianInkRun(ink) - targetWidth) / 2)); wear > 0; wear--) {
    const worn = wornDown(ink, wear).data;
    if (mass(worn) >= full / 4) {
      data = worn;
      break;
    }
  }
  // The skips: a smooth field on a grid of 6-10 px cells, ink kept where it is above gapShare.
  const cell = rng.uniform(6, 10);
  const gw = Math.ceil(w / cell) + 2, gh = Math.ceil(h / cell) + 2;
  const field = Float32Array.from({ length: gw * gh }, () => rng.next());
  const out = createInk(w, h);
  for (let y = 0; y < h; y++) {
    const v = y / cell, j = Math.floor(v), ty = v - j;
    for (let x = 0; x < w; x++) {
      const u = x / cell, i = Math.floor(u), tx = u - i;
      const k = j * gw + i;
      const f = (field[k] * (1 - tx) + field[k + 1] * tx) * (1 - ty) + (field[k + gw] * (1 - tx) + field[k + gw + 1] * tx) * ty;
      out.data[y * w + x] = data[y * w + x] * Math.min(1, Math.max(0, (f - gapShare) / 0.08));
    }
  }
  // Skips that took most of the glyph: kept whole instead.
  return mass(out.data) >= 0.5 * mass(data) ? out : { width: w, height: h, data };
}

/** Median length of the horizontal runs of ink (≥ 0.5): the width of the upright strokes. */
export function medianInkRun(ink: InkMap): number {
  const runs: number[] = [];
  for (let y = 0; y < ink.height; y++) {
    let run = 0;
    for (let x = 0; x <= ink.width; x++) {
      if (x < ink.width && ink.data[y * ink.width + x] >= 0.5) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
  }
  runs.sort((a, b) => a - b);
  return runs.length ? runs[runs.length >> 1] : 0;
}

/** The ink worn down by `wear` pixels on every side: each value the smallest within a square of that radius. Separable. */
export function wornDown(ink: InkMap, wear: number): InkMap {
  const { width: w, height: h } = ink;
  return { width: w, height: h, data: lightestAlong(lightestAlong(ink.data, w, h, wear, 1), w, h, wear, w) };
}

/** Each value the smallest within `radius` cells along rows (`step` 1) or columns (`step` = width). */
function lightestAlong(data: Float32Array, w: number, h: number, radius: number, step: number): Float32Array {
  const out = new Float32Array(data.length);
  const n = step === 1 ? w : h;
  for (let line = 0; line < (step === 1 ? h : w); line++) {
    const start = step === 1 ? line * w : line;
    for (let i = 0; i < n; i++) {
      let v = data[start + i * step];
      for (let k = Math.max(0, i - radius); k <= Math.min(n - 1, i + radius); k++) v = Math.min(v, data[start + k * step]);
      out[start + i * step] = v;
    }
  }
  return out;
}
