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
/** A dip this deep (a fifth of the ink beside it) is a near break: the piece beside it may be as narrow as a marker's i. */
const DEEP_DIP = 0.2;
/** Narrowest piece beside a near break, in x-heights (an i or l of a thick pen: about a fifth). */
const NARROW_PIECE = 0.22;

/** Columns (absolute x) where a group might be cut (dips of the ink's vertical extent and thickness); empty when it is not wider than one character. */
export function cutCandidates(src: CropSource, group: CharGroup, xHeight: number): number[] {
  const w = group.box.right - group.box.left;
  const minPiece = Math.max(2, 0.28 * xHeight);
  const minNarrowPiece = Math.max(2, NARROW_PIECE * xHeight);
  if (w < 1.15 * xHeight || w < 2 * minPiece) return [];
  const { span, count } = columnSpan(src, group.ids, group.box);
  // Dips of either measure: extent finds rings that touch (oo), thickness finds bold joins.
  const candidates = [...dips(Array.from(span), 0.8), ...dips(Array.from(count), 0.7)];
  candidates.sort((a, b) => a.v - b.v);
  const cuts: number[] = [];
  for (const c of candidates) {
    if (cuts.length >= MAX_CUTS) break;
    const least = c.v <= DEEP_DIP ? minNarrowPiece : minPiece;
    if (c.x < least || w - c.x < least) continue;
    if (cuts.some((k) => Math.abs(k - c.x) < least)) continue;
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

export interface Cutting {
  readonly pieces: Piece[];
  /** Sum over pieces of score(piece) - PIECE_COST. */
  readonly score: number;
}

/**
 * Ways to cut a group, best first: the best cutting into each number of pieces (pieces cover
 * [box.left, box.right) edge to edge), keeping those within `margin` nats of the best, at most
 * `max`. `score(piece)` is the piece's log-probability term, or undefined / -Infinity if unusable.
 * The alternatives let the word decoder (classifier + n-gram) settle what the glyphs alone
 * cannot: tt joined at the bar reads as H whole, but "bottle" beats "boHle" once the text is read.
 * When no way of cutting is usable, the whole group is the one answer, so a group never vanishes.
 */
export function cuttingAlternatives(
  box: Box,
  cuts: readonly number[],
  score: (p: Piece) => number | undefined,
  max = 3,
  margin = 4,
): Cutting[] {
  const xs = [box.left, ...cuts, box.right];
  const n = xs.length;
  // best[j][m]: best score covering [xs[0], xs[j]) with m pieces.
  const best = Array.from({ length: n }, () => new Array<number>(n).fill(-Infinity));
  const from = Array.from({ length: n }, () => new Array<number>(n).fill(-1));
  best[0][0] = 0;
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      const s = score({ x0: xs[i], x1: xs[j] });
      if (s === undefined || s === -Infinity) continue;
      for (let m = 0; m < j; m++) {
        if (best[i][m] === -Infinity) continue;
        const total = best[i][m] + s - PIECE_COST;
        if (total > best[j][m + 1]) {
          best[j][m + 1] = total;
          from[j][m + 1] = i;
        }
      }
    }
  }
  const out: Cutting[] = [];
  for (let m = 1; m < n; m++) {
    if (best[n - 1][m] === -Infinity) continue;
    const pieces: Piece[] = [];
    for (let j = n - 1, k = m; j > 0; k--) {
      const i = from[j][k];
      pieces.unshift({ x0: xs[i], x1: xs[j] });
      j = i;
    }
    out.push({ pieces, score: best[n - 1][m] });
  }
  if (out.length === 0) return [{ pieces: [{ x0: box.left, x1: box.right }], score: -Infinity }];
  out.sort((a, b) => b.score - a.score || a.pieces.length - b.pieces.length);
  return out.filter((c) => c.score >= out[0].score - margin).slice(0, Math.max(1, max));
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
