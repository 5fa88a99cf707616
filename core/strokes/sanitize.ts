/**
 * Turns whatever arrived as "strokes" into clean, bounded strokes.
 *
 * The pad's messages are validated by the protocol, but the core is also reached from tests, the CLI
 * and future callers, so it defends itself: non-finite or absurd points are dropped, empty strokes are
 * dropped, and the amount of work is bounded whatever the input size (stride sampling before the
 * first full pass, then RDP, then decimation to the caps).
 */
import { simplifyRdp, decimate } from './simplify';
import { STROKE_LIMITS, StrokeInputError, StrokePoint } from './types';

export interface CleanStrokes {
  /** Kept strokes, each with at least one finite point. */
  readonly strokes: StrokePoint[][];
  /** For each kept stroke, its index in the caller's array. */
  readonly sourceIndex: number[];
  /** True when points were sampled or simplified away to stay within STROKE_LIMITS. */
  readonly reduced: boolean;
}

/** Shape tolerance of the first simplification pass, in pad pixels: invisible at any pen width. */
const RDP_EPSILON = 0.25;

export function sanitizeStrokes(input: unknown): CleanStrokes {
  if (!Array.isArray(input)) throw new StrokeInputError('Strokes must be an array of point arrays.');
  if (input.length > STROKE_LIMITS.maxStrokes) {
    throw new StrokeInputError(
      `Too many strokes (${input.length}; at most ${STROKE_LIMITS.maxStrokes}). Clear the pad and write less at once.`,
    );
  }
  let totalLength = 0;
  for (const s of input) if (Array.isArray(s)) totalLength += s.length;
  // One stride for all strokes keeps the scan bounded by maxScannedPoints (+ one endpoint per stroke).
  const stride = Math.max(1, Math.ceil(totalLength / STROKE_LIMITS.maxScannedPoints));
  let reduced = stride > 1;

  const strokes: StrokePoint[][] = [];
  const sourceIndex: number[] = [];
  input.forEach((raw: unknown, index: number) => {
    if (!Array.isArray(raw) || raw.length === 0) return;
    const pts: StrokePoint[] = [];
    const visit = (p: unknown) => {
      const clean = cleanPoint(p);
      if (!clean) return;
      const prev = pts[pts.length - 1];
      if (prev && prev.x === clean.x && prev.y === clean.y) return;
      pts.push(clean);
    };
    for (let i = 0; i < raw.length; i += stride) visit(raw[i]);
    if (stride > 1 && (raw.length - 1) % stride !== 0) visit(raw[raw.length - 1]);
    if (pts.length === 0) return;
    let kept = pts;
    if (kept.length > STROKE_LIMITS.maxPointsPerStroke) {
      kept = decimate(kept, STROKE_LIMITS.maxPointsPerStroke);
      reduced = true;
    }
    strokes.push(kept);
    sourceIndex.push(index);
  });

  const total = strokes.reduce((n, s) => n + s.length, 0);
  if (total > STROKE_LIMITS.maxTotalPoints) {
    const share = STROKE_LIMITS.maxTotalPoints / total;
    for (let i = 0; i < strokes.length; i++) strokes[i] = decimate(strokes[i], Math.max(2, Math.floor(strokes[i].length * share)));
    reduced = true;
  }
  // RDP last: its worst case is quadratic in a stroke's points, so it only ever sees capped strokes.
  // Within a quarter pixel it changes nothing visible, so it does not count as "reduced".
  for (let i = 0; i < strokes.length; i++) if (strokes[i].length > 2) strokes[i] = simplifyRdp(strokes[i], RDP_EPSILON);
  return { strokes, sourceIndex, reduced };
}

function cleanPoint(p: unknown): StrokePoint | null {
  if (typeof p !== 'object' || p === null) return null;
  const { x, y, pressure } = p as { x?: unknown; y?: unknown; pressure?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  const lim = STROKE_LIMITS.maxAbsCoordinate;
  if (!(Math.abs(x) <= lim) || !(Math.abs(y) <= lim)) return null; // also rejects NaN
  if (typeof pressure === 'number' && Number.isFinite(pressure)) {
    return { x, y, pressure: Math.max(0, Math.min(1, pressure)) };
  }
  return { x, y };
}
