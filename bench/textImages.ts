/**
 * Seeded text images for the text benchmark, the shipped samples and the segmentation tests.
 *
 * Lines and multi-line pages are rendered with HELD-OUT handwriting families only
 * (training/fonts.ts), either clean (white paper, upright) or camera-like (tinted paper,
 * uneven light, slight rotation, blur, noise). Every image comes with its ground-truth text.
 * The texts are written here (words, code identifiers, numbers); no data set is used.
 * Only the 62 classes the model knows appear (letters, digits, spaces).
 */
import { createCanvas } from '@napi-rs/canvas';
import { GreyImage, greyFromRgba, resizeArea } from '../core/image';
import { earlierHeldoutFamilies, familiesInGroup, FONT_FAMILIES, FontFamily, FRESH_GROUPS, registerFontFamily, STYLE_GROUPS, type StyleGroup } from '../training/fonts';
import { mulberry32, Rng } from '../training/prng';
import { InkMap, medianInkRun, penFromSkeleton, thin, wornDown } from '../training/inkOps';

/** Seeded uniform draws (training/prng.ts), re-exported for the text benches and tests. */
export const rng = mulberry32;

export type Layout = 'line' | 'page';
export type Look = 'clean' | 'camera';

export interface TextSample {
  readonly id: string;
  readonly family: string;
  readonly layout: Layout;
  readonly look: Look;
  /** Ground truth: lines joined by '\n', words by single spaces. */
  readonly text: string;
  readonly image: GreyImage;
  /** The extra groups (extraTextSamples): what makes the image harder than the main set. */
  readonly group?: string;
}

export interface RenderOptions {
  readonly look: Look;
  readonly seed: number;
  /** Font size in pixels (default 44). */
  readonly fontPx?: number;
  /** Extra space between letters in pixels (default 0: the font's own spacing). */
  readonly letterSpacing?: number;
  /** Baseline-to-baseline distance in font sizes (default 1.6); near 1.1 descenders reach into the next line's ascenders. */
  readonly lineSpacing?: number;
  /**
   * Pen: 'thick' outlines each glyph (a marker); 'thin' redraws each glyph's centre line a pixel or two
   * wide (a fine pen); 'worn' wears each stroke down to a pixel or two, so that where the font's
   * stroke is thinner than its median it breaks (a pen running dry); default as the font draws.
   */
  readonly pen?: 'thick' | 'thin' | 'worn';
}


function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

// Everyday words, written for this benchmark.
const WORDS = [
  'the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'note', 'write', 'pen', 'paper',
  'river', 'stone', 'garden', 'window', 'coffee', 'morning', 'evening', 'silver', 'orange', 'purple',
  'market', 'ticket', 'winter', 'summer', 'planet', 'rocket', 'engine', 'signal', 'bridge', 'castle',
  'forest', 'meadow', 'pocket', 'little', 'simple', 'yellow', 'happy', 'ready', 'hidden', 'open',
  'close', 'start', 'finish', 'build', 'test', 'merge', 'branch', 'commit', 'review', 'table',
  'chair', 'light', 'heavy', 'water', 'fire', 'cloud', 'sunny', 'rainy', 'north', 'south', 'east',
  'west', 'paint', 'music', 'dance', 'story', 'letter', 'number', 'value', 'result', 'error',
  'friend', 'family', 'school', 'office', 'kitchen', 'bottle', 'button', 'mirror', 'pillow', 'jacket',
  'monday', 'friday', 'quiet', 'zebra', 'jungle', 'vivid', 'banjo', 'kayak', 'fjord', 'query',
  'Paris', 'London', 'Maria', 'John', 'Tokyo', 'Berlin', 'Oscar', 'Linda', 'Kevin', 'Quinn',
];

const ID_PARTS = ['get', 'set', 'user', 'name', 'item', 'list', 'count', 'index', 'max', 'min', 'parse',
  'load', 'save', 'file', 'path', 'node', 'data', 'key', 'map', 'size', 'total', 'row', 'col', 'to', 'from'];

/** A camelCase / PascalCase / with-digits identifier, as people write them in code. */
function identifier(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  const parts = Array.from({ length: n }, () => pick(r, ID_PARTS));
  const pascal = r() < 0.25;
  let s = parts.map((p, i) => (i === 0 && !pascal ? p : p[0].toUpperCase() + p.slice(1))).join('');
  if (r() < 0.3) s += String(Math.floor(r() * 10));
  return s;
}

function numberToken(r: () => number): string {
  const kind = r();
  if (kind < 0.4) return String(Math.floor(r() * 1000));
  if (kind < 0.7) return String(1900 + Math.floor(r() * 130));
  return String(Math.floor(r() * 100000));
}

/** One token: mostly words, some identifiers and numbers. */
export function token(r: () => number): string {
  const k = r();
  if (k < 0.6) return pick(r, WORDS);
  if (k < 0.82) return identifier(r);
  return numberToken(r);
}

export function textLine(r: () => number, tokens: number): string {
  return Array.from({ length: tokens }, () => token(r)).join(' ');
}


/** Render `text` (lines separated by '\n') in one family, clean or camera-like, to grey. */
export function renderText(text: string, family: FontFamily, options: RenderOptions): GreyImage {
  if (options.pen === 'thin') return renderFine(text, family, options);
  if (options.pen === 'worn') return renderWorn(text, family, options);
  const r = rng(options.seed);
  const camera = options.look === 'camera';
  const fontPx = options.fontPx ?? 44;
  const alias = registerFontFamily(family);
  const lines = text.split('\n');
  const measure = createCanvas(8, 8).getContext('2d');
  measure.font = `${fontPx}px "${alias}"`;
  if (options.letterSpacing) measure.letterSpacing = `${options.letterSpacing}px`;
  const widths = lines.map((l) => measure.measureText(l).width);
  const lineHeight = Math.round(fontPx * (options.lineSpacing ?? 1.6));
  const margin = Math.round(fontPx * (camera ? 1.2 : 0.6));
  const width = Math.ceil(Math.max(...widths) + 2 * margin);
  const height = Math.ceil(lines.length * lineHeight + 2 * margin);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const paper = camera ? 215 + Math.floor(r() * 35) : 255;
  const tint = camera ? [paper, paper - 4 - Math.floor(r() * 10), paper - 12 - Math.floor(r() * 20)] : [255, 255, 255];
  ctx.fillStyle = `rgb(${tint[0]},${tint[1]},${tint[2]})`;
  ctx.fillRect(0, 0, width, height);
  if (camera) {
    // Slight rotation about the centre, as a hand-held photo gives.
    const angle = ((r() * 2 - 1) * 3 * Math.PI) / 180;
    ctx.translate(width / 2, height / 2);
    ctx.rotate(angle);
    ctx.translate(-width / 2, -height / 2);
  }
  const ink = camera ? pick(r, ['#1b1f3a', '#222222', '#0d2a6b', '#2b2b2b']) : '#111111';
  ctx.fillStyle = ink;
  ctx.font = `${fontPx}px "${alias}"`;
  if (options.letterSpacing) ctx.letterSpacing = `${options.letterSpacing}px`;
  ctx.textBaseline = 'alphabetic';
  if (options.pen === 'thick') {
    ctx.strokeStyle = ink;
    ctx.lineWidth = Math.max(2, 0.07 * fontPx);
    ctx.lineJoin = 'round';
  }
  lines.forEach((line, i) => {
    const x = margin + (camera ? (r() - 0.5) * fontPx * 0.3 : 0);
    const y = margin + i * lineHeight + fontPx * 1.05;
    ctx.fillText(line, x, y);
    if (options.pen === 'thick') ctx.strokeText(line, x, y);
  });
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const grey = greyFromRgba(rgba, width, height);
  if (camera) applyCamera(grey, r);
  return grey;
}

/**
 * A fine pen: the glyphs thinned to their centre lines (Zhang-Suen, as the training data's `pen`
 * style) and redrawn with a round pen THIN_PX wide: strokes a pixel or two wide that stay whole.
 */
function renderFine(text: string, family: FontFamily, options: RenderOptions): GreyImage {
  return renderPenAtScale(text, family, options, (big) => {
    const ink = inkOf(big);
    const pen = penFromSkeleton(thin(ink), big.width, big.height, (THIN_PX * THIN_SCALE) / 2, new Rng(options.seed), 0);
    return { width: big.width, height: big.height, data: Uint8ClampedArray.from(pen.data, (a) => 255 - a * (255 - 17)) };
  });
}

/**
 * A pen running dry: each stroke worn down on every side to about THIN_PX. Where a family's stroke is
 * thinner than its median width (the hairlines of a calligraphic hand) the stroke wears through.
 */
function renderWorn(text: string, family: FontFamily, options: RenderOptions): GreyImage {
  return renderPenAtScale(text, family, options, (big) => {
    // Wear each family's own stroke down to THIN_PX at the final size (a thin font is worn little).
    const ink = inkOf(big);
    const worn = wornDown(ink, Math.max(0, Math.floor((medianInkRun(ink) - THIN_PX * THIN_SCALE) / 2)));
    return { width: big.width, height: big.height, data: Uint8ClampedArray.from(worn.data, (a) => 255 - a * 255) };
  });
}

/** Dark ink on light paper as training/inkOps' ink map (0 paper, 1 ink). */
function inkOf(image: GreyImage): InkMap {
  return { width: image.width, height: image.height, data: Float32Array.from(image.data, (v) => (255 - v) / 255) };
}

/**
 * The text drawn clean at THIN_SCALE times the size, its strokes redrawn there by `pen`, then scaled
 * back (and made camera-like if asked): at the large size a pen a pixel or two wide keeps its shape.
 */
function renderPenAtScale(text: string, family: FontFamily, options: RenderOptions, pen: (big: GreyImage) => GreyImage): GreyImage {
  const fontPx = options.fontPx ?? 44;
  const big = renderText(text, family, { ...options, look: 'clean', pen: undefined, fontPx: fontPx * THIN_SCALE });
  const drawn = pen(big);
  const small = resizeArea(drawn, Math.round(big.width / THIN_SCALE), Math.round(big.height / THIN_SCALE));
  if (options.look === 'camera') applyCamera(small, rng(options.seed + 1));
  return small;
}
const THIN_SCALE = 4;
/** The fine (and the worn) pen's stroke width at the final size, px. */
const THIN_PX = 1.3;

/** Uneven light (a shading gradient plus a soft vignette), blur and sensor noise, in place. */
function applyCamera(image: GreyImage, r: () => number): void {
  const { width: w, height: h } = image;
  const blurred = boxBlur(image, r() < 0.5 ? 1 : 0);
  const d = image.data;
  const gx = (r() * 2 - 1) * 0.35;
  const gy = (r() * 2 - 1) * 0.25;
  const cx = r() * w, cy = r() * h;
  const diag = Math.hypot(w, h);
  const sigma = 5 + r() * 6;
  let spare: number | null = null;
  const gauss = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = Math.max(1e-9, r()), v = r();
    const m = Math.sqrt(-2 * Math.log(u));
    spare = m * Math.sin(2 * Math.PI * v);
    return m * Math.cos(2 * Math.PI * v);
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const shade = 1 - Math.abs(gx * (x / w - 0.5) + gy * (y / h - 0.5)) - 0.25 * (Math.hypot(x - cx, y - cy) / diag);
      d[i] = blurred[i] * Math.max(0.45, shade) + gauss() * sigma;
    }
  }
}

/** (2k+1)² box blur; k = 0 only copies. */
function boxBlur(image: GreyImage, k: number): Uint8ClampedArray {
  const { width: w, height: h, data } = image;
  if (k === 0) return data.slice();
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0, n = 0;
      for (let dy = -k; dy <= k; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -k; dx <= k; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          s += data[yy * w + xx];
          n++;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return out;
}

export interface SampleSetOptions {
  readonly seed?: number;
  /** Images per (layout, look) per family. */
  readonly perFamily?: number;
  readonly layouts?: readonly Layout[];
  readonly looks?: readonly Look[];
  /** Families written with (default the 'earlier' held-out set; tuning passes training families). */
  readonly families?: readonly FontFamily[];
}

/** The benchmark set: every held-out family × layout × look, seeded. */
export function textSamples(options: SampleSetOptions = {}): TextSample[] {
  const seed = options.seed ?? 20261126;
  const perFamily = options.perFamily ?? 1;
  const out: TextSample[] = [];
  const families = options.families ?? earlierHeldoutFamilies();
  let n = 0;
  for (const family of families) {
    for (const layout of options.layouts ?? (['line', 'page'] as const)) {
      for (const look of options.looks ?? (['clean', 'camera'] as const)) {
        for (let k = 0; k < perFamily; k++) {
          const s = seed + 7919 * n++;
          const r = rng(s);
          const text = layout === 'line'
            ? textLine(r, 3 + Math.floor(r() * 3))
            : Array.from({ length: 3 + Math.floor(r() * 3) }, () => textLine(r, 3 + Math.floor(r() * 3))).join('\n');
          const image = renderText(text, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12) });
          out.push({ id: `${family.id}-${layout}-${look}-${k}`, family: family.id, layout, look, text, image });
        }
      }
    }
  }
  return out;
}

/**
 * Groups beyond the main set, each harder in one way: lines written in capitals; pages lying upside
 * down; lines in the held-out style groups' families (slanted, bold, narrow, wide, tall lowercase),
 * unlike the 'earlier' families of the main set; tight pages; thick, worn and thin pens. Seeded apart from the main set, which stays as it was.
 */
export function extraTextSamples(options: { seed?: number; perFamily?: number } = {}): TextSample[] {
  const seed = (options.seed ?? 20261126) + 104729;
  const perFamily = options.perFamily ?? 1;
  const out: TextSample[] = [];
  let n = 0;
  const next = () => seed + 7919 * n++;
  for (const family of earlierHeldoutFamilies()) {
    for (let k = 0; k < perFamily; k++) {
      const look: Look = k % 2 === 0 ? 'clean' : 'camera';
      let s = next(), r = rng(s);
      const caps = textLine(r, 3 + Math.floor(r() * 3)).toUpperCase();
      out.push({ id: `${family.id}-caps-${k}`, family: family.id, layout: 'line', look, text: caps, image: renderText(caps, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12) }), group: 'capitals' });
      s = next();
      r = rng(s);
      const page = Array.from({ length: 3 }, () => textLine(r, 3 + Math.floor(r() * 2))).join('\n');
      const upright = renderText(page, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12) });
      const turned = { width: upright.width, height: upright.height, data: upright.data.slice().reverse() };
      out.push({ id: `${family.id}-upside-down-${k}`, family: family.id, layout: 'page', look, text: page, image: turned, group: 'upside down' });
    }
  }
  const styleLines = (groups: readonly StyleGroup[]) => {
    for (const id of groups.flatMap((g) => familiesInGroup(g))) {
      const family = FONT_FAMILIES.find((f) => f.id === id)!;
      for (let k = 0; k < perFamily; k++) {
        const look: Look = k % 2 === 0 ? 'clean' : 'camera';
        const s = next(), r = rng(s);
        const text = textLine(r, 3 + Math.floor(r() * 3));
        out.push({ id: `${id}-style-${k}`, family: id, layout: 'line', look, text, image: renderText(text, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12) }), group: 'style groups' });
      }
    }
  };
  styleLines(STYLE_GROUPS.filter((g) => g !== 'earlier' && !FRESH_GROUPS.includes(g)));
  // Tight pages (baselines 0.85-1.15 font sizes apart, about 2-2.5 x-heights: descenders reach into the next line's
  // ascenders) and pens thicker and thinner than the fonts draw; after the groups above, so their
  // samples stay as they were.
  for (const family of earlierHeldoutFamilies()) {
    for (let k = 0; k < perFamily; k++) {
      const look: Look = k % 2 === 0 ? 'clean' : 'camera';
      let s = next(), r = rng(s);
      const page = Array.from({ length: 3 }, () => textLine(r, 3 + Math.floor(r() * 2))).join('\n');
      out.push({ id: `${family.id}-tight-${k}`, family: family.id, layout: 'page', look, text: page, image: renderText(page, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12), lineSpacing: 0.85 + 0.3 * r() }), group: 'tight pages' });
      // The second pen was first called 'thin'; it is the worn pen (strokes that break), so the fine pen has a loop of its own below.
      for (const pen of ['thick', 'worn'] as const) {
        s = next();
        r = rng(s);
        const text = textLine(r, 3 + Math.floor(r() * 3));
        out.push({ id: `${family.id}-${pen}-${k}`, family: family.id, layout: 'line', look, text, image: renderText(text, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12), pen }), group: `${pen} pen` });
      }
    }
  }
  // A fine pen whose strokes stay whole (centre lines a pixel or two wide); last, so the samples above stay as they were.
  for (const family of earlierHeldoutFamilies()) {
    for (let k = 0; k < perFamily; k++) {
      const look: Look = k % 2 === 0 ? 'clean' : 'camera';
      const s = next(), r = rng(s);
      const text = textLine(r, 3 + Math.floor(r() * 3));
      out.push({ id: `${family.id}-thin-${k}`, family: family.id, layout: 'line', look, text, image: renderText(text, family, { look, seed: s + 1, fontPx: 40 + Math.floor(r() * 12), pen: 'thin' }), group: 'thin pen' });
    }
  }
  // The fresh style groups (training/fonts.ts), added after every sample above so those stay as they were.
  styleLines(FRESH_GROUPS);
  return out;
}

/** PNG bytes of a grey image (for samples and for eyeballing). */
export function greyToPng(image: GreyImage): Buffer {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i];
    id.data[4 * i] = v;
    id.data[4 * i + 1] = v;
    id.data[4 * i + 2] = v;
    id.data[4 * i + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas.toBuffer('image/png');
}
