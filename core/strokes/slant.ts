/**
 * Slant of handwriting from its own strokes, and the shear that stands it upright.
 *
 * Italic writing leans its letters into each other: their boxes overlap, so grouping by boxes merges
 * neighbours and finds no gaps. Grouping therefore works in deslanted coordinates (x' = x + s(y - y0)):
 * the near-vertical parts of the strokes (stems, sides of o and n) are measured, and their length-weighted
 * median lean is the line's slant. Rows keep their y, so line frames are unchanged.
 */
import { StrokePoint } from './types';

/** A segment counts as near-vertical when it is at least this many times taller than wide (~35 degrees). */
const VERTICAL_RATIO = 1.4;
/** Slants smaller than this (about 4.5 degrees) are left alone: upright writing stays exactly as drawn. */
const MIN_SLANT = 0.08;
/** Leaning back or forward beyond these is not writing any more; the estimate is clamped to them. */
const SLANT_RANGE = [-0.5, 0.9] as const;

/**
 * The line's slant: positive when letters lean right (tops right of bottoms), 0 when upright or
 * unknown. `step` is the length of the segments measured (a share of the letter size: a pen's tremor
 * over a few pixels says nothing about slant).
 */
export function estimateSlant(strokes: readonly (readonly StrokePoint[])[], step: number): number {
  const leans: { value: number; weight: number }[] = [];
  for (const stroke of strokes) {
    let from = stroke[0];
    for (let i = 1; i < stroke.length; i++) {
      const to = stroke[i];
      const dx = to.x - from.x, dy = to.y - from.y;
      const length = Math.hypot(dx, dy);
      if (length < step && i < stroke.length - 1) continue;
      if (Math.abs(dy) >= VERTICAL_RATIO * Math.abs(dx) && length > 0) {
        // Top end minus bottom end, per unit of height: positive for a stem leaning right.
        leans.push({ value: -dx / dy, weight: length });
      }
      from = to;
    }
  }
  if (leans.length === 0) return 0;
  leans.sort((a, b) => a.value - b.value);
  const half = leans.reduce((s, l) => s + l.weight, 0) / 2;
  let acc = 0;
  let slant = leans[leans.length - 1].value;
  for (const l of leans) {
    acc += l.weight;
    if (acc >= half) {
      slant = l.value;
      break;
    }
  }
  slant = Math.min(SLANT_RANGE[1], Math.max(SLANT_RANGE[0], slant));
  return Math.abs(slant) < MIN_SLANT ? 0 : slant;
}

/** The stroke sheared by `slant` about the row y0: deslant with the line's slant, re-slant with its negative. */
export function shear(stroke: readonly StrokePoint[], slant: number, y0: number): StrokePoint[] {
  return stroke.map((p) => ({ ...p, x: p.x + slant * (p.y - y0) }));
}
