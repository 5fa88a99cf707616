/**
 * Style descriptors of each font family, measured from its own glyphs, used to choose the held-out
 * style groups in training/fonts.ts (`npx tsx training/styleDescriptors.ts` prints the table).
 *
 * - weight:  mean stroke width (ink area / centre-line length) per cap height: markers and bold hands;
 * - slant:   shear of the upright letters (second moments of H I l d h k b 1): italic and leaning hands;
 * - width:   mean ink-box width of n o a e u per x-height: narrow against wide, round hands;
 * - xRatio:  x-height per cap height: hands that write lowercase nearly as tall as capitals.
 * Plain numbers from the renders; no model is involved, so the groups do not depend on any training run.
 */
import { createCanvas } from '@napi-rs/canvas';
import { FONT_FAMILIES, FontFamily, registerFamily } from './fonts';
import { inkFromCanvas, thin } from './inkOps';

export interface StyleDescriptor {
  id: string;
  weight: number;
  slant: number;
  width: number;
  xRatio: number;
}

const SIZE = 160;
const BASE = 120;

function inkOf(fontName: string, px: number, ch: string): { data: Float32Array } {
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  ctx.font = `${px}px "${fontName}"`;
  ctx.fillStyle = '#000';
  ctx.fillText(ch, 20, BASE);
  return inkFromCanvas(ctx, SIZE, SIZE);
}

export function describeFamily(family: FontFamily): StyleDescriptor {
  const m = registerFamily(family);
  const px = 60 / m.capPerPx; // cap height 60 px
  const xHeight = px * m.xPerPx;
  let area = 0, length = 0;
  for (const ch of 'HInoeabdk') {
    const ink = inkOf(m.fontName, px, ch);
    for (const v of ink.data) area += v;
    const skel = thin({ width: SIZE, height: SIZE, data: ink.data });
    for (const v of skel) length += v;
  }
  let shear = 0, nShear = 0;
  for (const ch of 'HIldhkb1') {
    const { data } = inkOf(m.fontName, px, ch);
    let s = 0, sx = 0, sy = 0;
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) { const v = data[y * SIZE + x]; s += v; sx += v * x; sy += v * y; }
    if (s <= 0) continue;
    const cx = sx / s, cy = sy / s;
    let m11 = 0, m02 = 0;
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) { const v = data[y * SIZE + x]; m11 += v * (x - cx) * (y - cy); m02 += v * (y - cy) ** 2; }
    // Image y points down: a right-leaning letter has x falling as y grows, so slant = -m11/m02.
    shear += -m11 / m02;
    nShear++;
  }
  let widths = 0, nWidths = 0;
  for (const ch of 'noaeu') {
    const { data } = inkOf(m.fontName, px, ch);
    let left = SIZE, right = -1;
    for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) if (data[y * SIZE + x] > 0.3) { left = Math.min(left, x); right = Math.max(right, x); }
    if (right >= left) { widths += (right - left + 1) / xHeight; nWidths++; }
  }
  return {
    id: family.id,
    weight: area / Math.max(1, length) / 60,
    slant: nShear ? shear / nShear : 0,
    width: nWidths ? widths / nWidths : 0,
    xRatio: m.xPerPx / m.capPerPx,
  };
}

if (process.argv[1] && /styleDescriptors\.ts$/.test(process.argv[1])) {
  const rows = FONT_FAMILIES.filter((f) => f.kind === 'hand').map(describeFamily);
  const fmt = (v: number) => v.toFixed(3).padStart(7);
  for (const key of ['weight', 'slant', 'width', 'xRatio'] as const) {
    const sorted = [...rows].sort((a, b) => b[key] - a[key]);
    console.log(`\n${key} (highest first):`);
    for (const r of sorted) console.log(`  ${r.id.padEnd(28)}${fmt(r[key])}   weight ${fmt(r.weight)} slant ${fmt(r.slant)} width ${fmt(r.width)} x/cap ${fmt(r.xRatio)}`);
  }
}
