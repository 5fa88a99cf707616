/**
 * Point reduction for strokes: Ramer-Douglas-Peucker keeps the shape within a tolerance, and an even
 * decimation is the hard cap behind it. Both are iterative (a 50k-point stroke must not blow the stack).
 */
import { StrokePoint } from './types';

/** Ramer-Douglas-Peucker with tolerance `epsilon` (pad pixels); first and last points always kept. */
export function simplifyRdp(points: readonly StrokePoint[], epsilon: number): StrokePoint[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  const eps2 = epsilon * epsilon;
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let worstD2 = eps2;
    for (let i = first + 1; i < last; i++) {
      const d2 = segmentDistanceSquared(points[i], points[first], points[last]);
      if (d2 > worstD2) {
        worstD2 = d2;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  const out: StrokePoint[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i]);
  return out;
}

/** At most `max` points spread evenly along the index range, first and last kept. */
export function decimate(points: readonly StrokePoint[], max: number): StrokePoint[] {
  const n = points.length;
  if (n <= max) return points.slice();
  if (max <= 1) return [points[0]];
  const out: StrokePoint[] = [];
  for (let k = 0; k < max; k++) out.push(points[Math.round((k * (n - 1)) / (max - 1))]);
  return out;
}

/** Squared distance from p to the segment a-b. */
export function segmentDistanceSquared(p: StrokePoint, a: StrokePoint, b: StrokePoint): number {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}
