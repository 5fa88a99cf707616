/**
 * Characters of one line: which strokes make one letter.
 *
 * Strokes that overlap in x belong together (t-crossings, E bars, x, +, =); a stroke that starts or
 * ends on another's ink joins it (v, w, M, m drawn in pieces, k, b); strokes grazing each other join
 * when they overlap partly or one is a narrow stem; small marks touching a letter are part of it (a G's
 * bar), small marks above a letter join it (i and j dots); anything else is a character of its own.
 */
import { decimate } from './simplify';
import { PROBE_POINTS, touchOf } from './touch';
import { Bounds, StrokePoint, unionBounds } from './types';

/** x-overlap (share of the narrower stroke) that makes strokes one character by itself: t, E, x, =. */
const CONTAINED = 0.8;
/** x-overlap that makes touching strokes one character: an A's bar meeting its legs. */
const OVERLAP_IF_TOUCHING = 0.4;
/** A stroke narrower than this share of the typical size is a stem: touching it joins (b, k, R). */
const STEM_WIDTH = 0.2;
/** How near (share of the typical size, at least a pen width) a stroke's end must come to other ink to join it. */
const JUNCTION_REACH = 0.08;
/** A mark joins a letter within this share of the typical size horizontally (the dot drifts right). */
const MARK_REACH = 0.25;

/** Characters of one line as lists of stroke indices. */
export function groupLine(
  members: readonly number[],
  strokes: readonly (readonly StrokePoint[])[],
  bounds: readonly Bounds[],
  small: readonly boolean[],
  ref: number,
  r: number,
): number[][] {
  const letters = members.filter((i) => !small[i]).sort((a, b) => bounds[a].left - bounds[b].left);
  const marks = members.filter((i) => small[i]);
  // Union-find over stroke indices, with path halving and union by size (hostile input: 2000 strokes).
  const parent = new Int32Array(strokes.length);
  const size = new Int32Array(strokes.length).fill(1);
  for (const i of members) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (a: number, b: number) => {
    let ra = find(a), rb = find(b);
    if (ra === rb) return;
    if (size[ra] > size[rb]) [ra, rb] = [rb, ra];
    parent[ra] = rb;
    size[rb] += size[ra];
  };
  // Touch tests look at a few dozen points per stroke, computed once.
  const probeCache = new Map<number, readonly StrokePoint[]>();
  const probes = (i: number) => {
    let p = probeCache.get(i);
    if (!p) probeCache.set(i, (p = decimate(strokes[i], PROBE_POINTS)));
    return p;
  };

  // Letter strokes: sorted by left edge, so only pairs whose x-ranges come within a pen width are compared.
  for (let a = 0; a < letters.length; a++) {
    const ia = letters[a];
    for (let b = a + 1; b < letters.length; b++) {
      const ib = letters[b];
      if (bounds[ib].left > bounds[ia].right + 2 * r) break;
      if (find(ia) === find(ib)) continue;
      if (belongTogether(probes(ia), probes(ib), bounds[ia], bounds[ib], ref, r)) join(ia, ib);
    }
  }

  // Marks touching a letter's ink are part of it (a G's bar, a Q's tail, serifs); marks above a letter
  // and within reach join it (i, j dots, umlauts); the rest stand alone.
  const letterRoots = [...new Set(letters.map(find))];
  const groupBounds = new Map<number, Bounds>();
  const groupPeakX = new Map<number, number>();
  for (const root of letterRoots) {
    const own = letters.filter((i) => find(i) === root);
    groupBounds.set(root, unionBounds(own.map((i) => bounds[i])));
    groupPeakX.set(root, peakX(own.map((i) => strokes[i])));
  }
  const tol = Math.max(2 * r + 1, JUNCTION_REACH * ref);
  const loose: number[] = [];
  for (const m of marks) {
    const mb = bounds[m];
    const touched = letters.find((i) => touchOf(probes(m), probes(i), mb, bounds[i], tol) !== 'none');
    if (touched !== undefined) {
      join(m, find(touched));
      continue;
    }
    const cx = (mb.left + mb.right) / 2;
    const reach = Math.max(MARK_REACH * ref, 2 * r);
    // Among letters within reach, the one whose highest point is nearest below the mark (the i of 'ij'
    // has its dot over its own stem, though the j's hook reaches under it).
    let best = -1, bestD = Infinity;
    for (const root of letterRoots) {
      const g = groupBounds.get(root)!;
      if (mb.bottom >= (g.top + g.bottom) / 2) continue;
      const d = cx < g.left ? g.left - cx : cx > g.right ? cx - g.right : 0;
      const toPeak = Math.abs(cx - groupPeakX.get(root)!);
      if (d <= reach && toPeak < bestD) {
        bestD = toPeak;
        best = root;
      }
    }
    if (best >= 0) join(m, best);
    else loose.push(m);
  }
  // Loose marks stacked over each other are one character (':', ';' without its comma, '"').
  for (let a = 0; a < loose.length; a++) {
    for (let b = a + 1; b < loose.length; b++) {
      const A = bounds[loose[a]], B = bounds[loose[b]];
      if (Math.min(A.right, B.right) - Math.max(A.left, B.left) + 2 * r >= 0) join(loose[a], loose[b]);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of members) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/** x of the highest point of some strokes. */
function peakX(strokes: readonly (readonly StrokePoint[])[]): number {
  let x = 0, y = Infinity;
  for (const s of strokes) for (const p of s) if (p.y < y) ({ x, y } = p);
  return x;
}

/** Whether two letter strokes are parts of one character. */
function belongTogether(
  a: readonly StrokePoint[],
  b: readonly StrokePoint[],
  A: Bounds,
  B: Bounds,
  ref: number,
  r: number,
): boolean {
  const wa = A.right - A.left, wb = B.right - B.left;
  const narrow = Math.max(Math.min(wa, wb), r);
  // Overlap of the x-ranges, with half a pen's grace (a vertical stem has zero width).
  const overlap = (Math.min(A.right, B.right) - Math.max(A.left, B.left) + r) / narrow;
  if (overlap >= CONTAINED) return true;
  if (overlap < -r / narrow) return false;
  const touch = touchOf(a, b, A, B, Math.max(2 * r + 1, JUNCTION_REACH * ref));
  if (touch === 'junction') return true;
  if (touch === 'none') return false;
  return overlap >= OVERLAP_IF_TOUCHING || Math.min(wa, wb) <= STEM_WIDTH * ref;
}
