/**
 * Touching characters: a character candidate wider than one character is cut at the thin
 * columns of its ink, and the classifier chooses among the ways of cutting it. Each way is
 * scored by the sum of log best-class probabilities of its pieces, minus a cost per piece so
 * that a confident whole (an m) beats two confident halves (r n).
 */
import { Box } from '../image';
import { CharGroup } from './chars';
import { CropSource, columnSpan } from './crops';

/** Extra cost per piece, in nats. */
export const PIECE_COST = 0.35;
const MAX_CUTS = 8;

/** Columns (absolute x) where a group might be cut (dips of the ink's vertical extent and thickness); empty when it is not wider than one character. */
export function cutCandidates(src: CropSource, group: CharGroup, xHeight: number): number[] {
  const w = group.box.right - group.box.left;
  const minPiece = Math.max(2, 0.28 * xHeight);
  if (w < 1.15 * xHeight || w < 2 * minPiece) return [];
  const { span, count } = columnSpan(src, group.ids, group.box);
  // Dips of either measure: extent finds rings that touch (oo), thickness finds bold joins.
  const candidates = [...dips(Array.from(span), 0.8), ...dips(Array.from(count), 0.7)];
  candidates.sort((a, b) => a.v - b.v);
  const cuts: number[] = [];
  for (const c of candidates) {
    if (cuts.length >= MAX_CUTS) break;
    if (c.x < minPiece || w - c.x < minPiece) continue;
    if (cuts.some((k) => Math.abs(k - c.x) < minPiece)) continue;
    cuts.push(c.x);
  }
  return cuts.sort((a, b) => a - b).map((x) => x + group.box.left);
}

export interface Piece {
  readonly x0: number;
  readonly x1: number;
}

/** All pieces between cut points (including the whole), wide pieces of several characters excluded. */
export function piecesOf(box: Box, cuts: readonly number[], maxWidth: number): Piece[] {
  const xs = [box.left, ...cuts, box.right];
  const out: Piece[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const whole = i === 0 && j === xs.length - 1;
      if (whole || xs[j] - xs[i] <= maxWidth) out.push({ x0: xs[i], x1: xs[j] });
    }
  }
  return out;
}

/**
 * Best way to cut: pieces cover [box.left, box.right) edge to edge.
 * `score(piece)` is the log probability of the piece's best class, or -Infinity if unusable.
 */
export function bestCutting(box: Box, cuts: readonly number[], score: (p: Piece) => number | undefined): Piece[] {
  const xs = [box.left, ...cuts, box.right];
  const n = xs.length;
  const best = new Array<number>(n).fill(-Infinity);
  const from = new Array<number>(n).fill(-1);
  best[0] = 0;
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (best[i] === -Infinity) continue;
      const s = score({ x0: xs[i], x1: xs[j] });
      if (s === undefined || s === -Infinity) continue;
      const total = best[i] + s - PIECE_COST;
      if (total > best[j]) {
        best[j] = total;
        from[j] = i;
      }
    }
  }
  if (best[n - 1] === -Infinity) return [{ x0: box.left, x1: box.right }];
  const pieces: Piece[] = [];
  for (let j = n - 1; j > 0; j = from[j]) pieces.unshift({ x0: xs[from[j]], x1: xs[j] });
  return pieces;
}

/** Local minima of the 3-smoothed profile clearly below the highest value on each side, with their depth ratio. */
function dips(profile: number[], ratio: number): { x: number; v: number }[] {
  const n = profile.length;
  const smooth = profile.map((_, i) => (profile[Math.max(0, i - 1)] + profile[i] + profile[Math.min(n - 1, i + 1)]) / 3);
  const leftPeak: number[] = [], rightPeak: number[] = [];
  smooth.forEach((v, i) => (leftPeak[i] = Math.max(v, i ? leftPeak[i - 1] : 0)));
  for (let i = n - 1; i >= 0; i--) rightPeak[i] = Math.max(smooth[i], i + 1 < n ? rightPeak[i + 1] : 0);
  const out: { x: number; v: number }[] = [];
  for (let i = 1; i < n - 1; i++) {
    const peak = Math.min(leftPeak[i], rightPeak[i]);
    if (peak > 0 && smooth[i] <= smooth[i - 1] && smooth[i] <= smooth[i + 1] && smooth[i] <= ratio * peak) out.push({ x: i, v: smooth[i] / peak });
  }
  return out;
}
