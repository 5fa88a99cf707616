/**
 * Pad strokes as the core receives them: pointer samples in pad coordinates (CSS pixels,
 * y growing downwards), one array per pen-down..pen-up.
 */
import { Box } from '../image';

export interface StrokePoint {
  readonly x: number;
  readonly y: number;
  /** Milliseconds; unused by the core, kept so the pad can pass its samples unchanged. */
  readonly t?: number;
  /** 0..1 as PointerEvent.pressure reports it; 0.5 (a mouse with a button down) is the nominal width. */
  readonly pressure?: number;
}

export type Stroke = readonly StrokePoint[];

/** Strokes that cannot be worked on (not arrays, far too many): the message says what to do. */
export class StrokeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrokeInputError';
  }
}

/** Bounds on the work any stroke input can cause: hostile or runaway input is cut down, never followed. */
export const STROKE_LIMITS = {
  /** More strokes than this is refused with a StrokeInputError (a pad holds a word or a line). */
  maxStrokes: 2000,
  /** Points read from all strokes together; longer input is sampled with a stride before anything else. */
  maxScannedPoints: 200_000,
  /** Points kept per stroke after simplification. */
  maxPointsPerStroke: 1000,
  /** Points kept over all strokes after simplification. */
  maxTotalPoints: 50_000,
  /** Coordinates beyond this (CSS pixels) are not pointer positions; such points are dropped. */
  maxAbsCoordinate: 1e6,
} as const;

/** Centre-line bounds of a stroke in pad coordinates (right/bottom inclusive: a dot has zero size). */
export function boundsOf(stroke: Stroke): Box {
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const p of stroke) {
    if (p.x < left) left = p.x;
    if (p.x > right) right = p.x;
    if (p.y < top) top = p.y;
    if (p.y > bottom) bottom = p.y;
  }
  return { left, top, right, bottom };
}

/** One union of boxes for the pad's strokes and the image reader's words (core/image.ts). */
export { unionBounds } from '../image';

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}
