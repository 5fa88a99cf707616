/**
 * Erasing on the pad: which strokes an eraser path touches, and whether a stroke is a scratch-out (a
 * zigzag drawn over ink to cross it out), which erases what it covers instead of adding ink.
 * Plain geometry on pad points, so it is unit-tested in Node.
 */
import { PadPoint, PadStroke } from './document';

/** A zigzag turns back horizontally at least this often... */
const MIN_REVERSALS = 4;
/** ...each leg at least this share of the zigzag's width (pointer jitter turns back too)... */
const MIN_LEG_SHARE = 0.3;
/** ...and moves mostly sideways: horizontal travel at least this many times the vertical. */
const SIDEWAYS = 1.8;
/** A stroke is covered when at least this share of its points lie under the scratch-out. */
const COVERED_SHARE = 0.4;

/** A back-and-forth zigzag: many horizontal reversals, each leg long, mostly sideways. */
export function isScratchOut(points: readonly PadPoint[]): boolean {
  if (points.length < 8) return false;
  const xs = points.map((p) => p.x);
  const width = Math.max(...xs) - Math.min(...xs);
  if (width <= 0) return false;
  let across = 0, down = 0, reversals = 0, direction = 0, leg = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i].x - points[i - 1].x;
    across += Math.abs(dx);
    down += Math.abs(points[i].y - points[i - 1].y);
    const sign = Math.sign(dx);
    if (sign === 0) continue;
    if (sign === direction || direction === 0) {
      leg += Math.abs(dx);
      direction = sign;
      continue;
    }
    // The pen turned: count it when the leg before was a real stroke across, not a tremor.
    if (leg >= MIN_LEG_SHARE * width) reversals++;
    direction = sign;
    leg = Math.abs(dx);
  }
  return reversals >= MIN_REVERSALS && across >= SIDEWAYS * down;
}

/** Ids of the strokes the scratch-out covers (most of their points inside its box, pen width around it). */
export function coveredBy(scratch: readonly PadPoint[], strokes: readonly PadStroke[], inkWidth: number): number[] {
  const xs = scratch.map((p) => p.x), ys = scratch.map((p) => p.y);
  const pad = inkWidth;
  const box = { left: Math.min(...xs) - pad, right: Math.max(...xs) + pad, top: Math.min(...ys) - pad, bottom: Math.max(...ys) + pad };
  return strokes
    .filter((s) => {
      const inside = s.points.filter((p) => p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom).length;
      return s.points.length > 0 && inside >= COVERED_SHARE * s.points.length;
    })
    .map((s) => s.id);
}

/** Ids of the strokes an eraser path passes over (within `reach` of any of their points). */
export function touchedBy(path: readonly PadPoint[], strokes: readonly PadStroke[], reach: number): number[] {
  const r2 = reach * reach;
  return strokes
    .filter((s) => s.points.some((p) => path.some((q) => (p.x - q.x) ** 2 + (p.y - q.y) ** 2 <= r2)))
    .map((s) => s.id);
}
