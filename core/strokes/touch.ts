/**
 * Whether two strokes' centre lines come within a distance of each other, and how: at an end of
 * one of them (a junction: the pen started or stopped on ink already there, as in v, w, M, m drawn
 * in pieces, the bowl of a 'b') or only somewhere along both (two curves grazing).
 */
import { segmentDistanceSquared } from './simplify';
import { Box } from '../image';
import { StrokePoint } from './types';

export type Touch = 'none' | 'along' | 'junction';

/** Points per stroke for the proximity test (decimate() them first): one pair check stays under ~8k distances. */
export const PROBE_POINTS = 64;

/** `pa`, `pb`: the strokes' points, decimated to at most PROBE_POINTS; `ba`, `bb`: their full bounds. */
export function touchOf(pa: readonly StrokePoint[], pb: readonly StrokePoint[], ba: Box, bb: Box, tol: number): Touch {
  if (ba.left - tol > bb.right || bb.left - tol > ba.right || ba.top - tol > bb.bottom || bb.top - tol > ba.bottom) return 'none';
  const tol2 = tol * tol;
  const ends = (s: readonly StrokePoint[]) => (s.length > 1 ? [s[0], s[s.length - 1]] : [s[0]]);
  if (nearPolyline(ends(pa), pb, tol2) || nearPolyline(ends(pb), pa, tol2)) return 'junction';
  return nearPolyline(pa, pb, tol2) || nearPolyline(pb, pa, tol2) ? 'along' : 'none';
}

/** Whether either end of `pa` comes within `tol` of the polyline `pb` (both decimated probes). */
export function endNear(pa: readonly StrokePoint[], pb: readonly StrokePoint[], tol: number): boolean {
  const ends = pa.length > 1 ? [pa[0], pa[pa.length - 1]] : [pa[0]];
  return nearPolyline(ends, pb, tol * tol);
}

/** Any point of `points` within sqrt(tol2) of the polyline `line`. */
function nearPolyline(points: readonly StrokePoint[], line: readonly StrokePoint[], tol2: number): boolean {
  for (const p of points) {
    if (line.length === 1) {
      const dx = p.x - line[0].x, dy = p.y - line[0].y;
      if (dx * dx + dy * dy <= tol2) return true;
      continue;
    }
    for (let i = 1; i < line.length; i++) if (segmentDistanceSquared(p, line[i - 1], line[i]) <= tol2) return true;
  }
  return false;
}
