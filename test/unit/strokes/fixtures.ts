/**
 * Synthetic pad strokes: simple print letters as a mouse would draw them, in glyph units
 * (baseline y = 0, x-height 1, cap height 1.6, y up), placed on a pad in CSS pixels.
 */
import type { Stroke, StrokePoint } from '../../../core/strokes';

type Poly = [number, number][];

function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Poly {
  const pts: Poly = [];
  const steps = 24;
  for (let k = 0; k <= steps; k++) {
    const a = ((from + ((to - from) * k) / steps) * Math.PI) / 180;
    pts.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return pts;
}

/** Glyphs: strokes in writing order and advance width. */
export const GLYPHS: Record<string, { strokes: Poly[]; width: number }> = {
  H: { strokes: [[[0, 1.6], [0, 0]], [[0.9, 1.6], [0.9, 0]], [[0, 0.8], [0.9, 0.8]]], width: 0.9 },
  E: { strokes: [[[0, 1.6], [0, 0]], [[0, 1.6], [0.8, 1.6]], [[0, 0.8], [0.6, 0.8]], [[0, 0], [0.8, 0]]], width: 0.8 },
  i: { strokes: [[[0, 1], [0, 0]], [[0.03, 1.4], [0.05, 1.42]]], width: 0.05 },
  l: { strokes: [[[0, 1.6], [0, 0]]], width: 0 },
  t: { strokes: [[[0.3, 1.5], [0.3, 0.15], [0.45, 0], [0.6, 0.05]], [[0, 1], [0.65, 1]]], width: 0.65 },
  x: { strokes: [[[0, 1], [0.8, 0]], [[0.8, 1], [0, 0]]], width: 0.8 },
  c: { strokes: [arc(0.45, 0.5, 0.45, 0.5, 40, 320)], width: 0.9 },
  C: { strokes: [arc(0.7, 0.8, 0.7, 0.8, 40, 320)], width: 1.4 },
  o: { strokes: [arc(0.45, 0.5, 0.45, 0.5, 90, 450)], width: 0.9 },
  O: { strokes: [arc(0.7, 0.8, 0.7, 0.8, 90, 450)], width: 1.4 },
  g: { strokes: [arc(0.4, 0.55, 0.4, 0.45, 0, 360), [[0.8, 1], [0.8, -0.5], [0.4, -0.7], [0.05, -0.5]]], width: 0.8 },
  k: { strokes: [[[0, 1.6], [0, 0]], [[0.7, 1], [0.02, 0.45], [0.7, 0]]], width: 0.7 },
  '.': { strokes: [[[0, 0.02], [0.02, 0]]], width: 0.05 },
  a: { strokes: [[...arc(0.4, 0.5, 0.4, 0.5, 30, 330), [0.8, 1], [0.8, 0]]], width: 0.8 },
  '!': { strokes: [[[0, 1.6], [0, 0.45]], [[0, 0.02], [0.02, 0]]], width: 0.05 },
  '?': { strokes: [[...arc(0.35, 1.25, 0.35, 0.35, 160, -90), [0.35, 0.45]], [[0.35, 0.02], [0.37, 0]]], width: 0.7 },
  '"': { strokes: [[[0.05, 1.6], [0, 1.15]], [[0.35, 1.6], [0.3, 1.15]]], width: 0.35 },
  "'": { strokes: [[[0.05, 1.6], [0, 1.15]]], width: 0.05 },
  '=': { strokes: [[[0, 0.7], [0.7, 0.7]], [[0, 0.3], [0.7, 0.3]]], width: 0.7 },
  '_': { strokes: [[[0, -0.1], [0.9, -0.1]]], width: 0.9 },
  ':': { strokes: [[[0, 0.9], [0.02, 0.88]], [[0, 0.02], [0.02, 0]]], width: 0.05 },
};

export interface Layout {
  /** Pixels per glyph unit (x-height in px). */
  unit?: number;
  /** Gap between letters and width of a space, in glyph units. */
  letterGap?: number;
  spaceWidth?: number;
  x0?: number;
  baseline?: number;
  /** Pixels between successive points of a stroke. */
  step?: number;
}

export interface WrittenWord {
  strokes: StrokePoint[][];
  /** For each non-space character of the text, the indices of its strokes. */
  charStrokes: number[][];
}

/** Write `text` (letters from GLYPHS and spaces) left to right, each letter's strokes in order. */
export function write(text: string, layout: Layout = {}): WrittenWord {
  const unit = layout.unit ?? 24;
  const gap = layout.letterGap ?? 0.35;
  const space = layout.spaceWidth ?? 1.3;
  const baseline = layout.baseline ?? 100;
  const step = layout.step ?? 2;
  let x = layout.x0 ?? 20;
  const strokes: StrokePoint[][] = [];
  const charStrokes: number[][] = [];
  for (const ch of text) {
    if (ch === ' ') {
      x += space * unit;
      continue;
    }
    const g = GLYPHS[ch];
    if (!g) throw new Error(`no glyph for '${ch}'`);
    const mine: number[] = [];
    for (const poly of g.strokes) {
      mine.push(strokes.length);
      strokes.push(densify(poly.map(([gx, gy]) => ({ x: x + gx * unit, y: baseline - gy * unit })), step));
    }
    charStrokes.push(mine);
    x += (g.width + gap) * unit;
  }
  return { strokes, charStrokes };
}

/** Points every `step` pixels along the polyline, as pointer events would arrive. */
export function densify(poly: { x: number; y: number }[], step: number): StrokePoint[] {
  const out: StrokePoint[] = [{ ...poly[0], t: 0 }];
  let t = 0;
  for (let i = 1; i < poly.length; i++) {
    const a = poly[i - 1], b = poly[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const n = Math.max(1, Math.ceil(len / step));
    for (let k = 1; k <= n; k++) out.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n, t: (t += 8) });
  }
  return out;
}

/** Move the listed strokes to the end (written later: i dots, t bars), returning the new order's indices. */
export function writeLater(strokes: Stroke[], late: number[]): { strokes: Stroke[]; order: number[] } {
  const early = strokes.map((_, i) => i).filter((i) => !late.includes(i));
  const order = [...early, ...late];
  return { strokes: order.map((i) => strokes[i]), order };
}
