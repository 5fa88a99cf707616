/** Small statistics shared by segmentation, stroke grouping, case geometry and the benches. */

/** Index of the largest value (the first on a tie): a classifier's best class. */
export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

/** The largest value (0 for none): how surely a classifier reads its best class. */
export function maxOf(p: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > m) m = p[i];
  return m;
}

/**
 * The middle value of `values` (the mean of the two middle ones for an even count); the input is
 * not reordered. Empty input gives `empty`, NaN unless the caller passes another value, so that a
 * measure of nothing cannot pass for a real one.
 */
export function median(values: readonly number[], empty = NaN): number {
  if (values.length === 0) return empty;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The total of a reading's class probabilities: 1, or less by the share a model's clump class took
 * (core/labels.ts CLUMP). Whatever renormalises a reading keeps this total, so that a clump stays unsure.
 */
export function massOf(p: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) sum += p[i];
  return Math.min(1, sum);
}

/** `p` scaled in place to sum to `mass` (unchanged when it sums to nothing). */
export function scaleToMass(p: Float32Array, mass: number): Float32Array {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i];
  if (!(sum > 0)) return p;
  for (let i = 0; i < p.length; i++) p[i] *= mass / sum;
  return p;
}

/**
 * Product of experts: the normalised geometric mean of several readings (class probabilities) of one
 * character. Where the readings agree it is their reading; where one is unsure another settles it; a
 * class any reading rules out (probability 0) stays out. The first reading when all are disjoint.
 * The total is the geometric mean of the readings' totals (massOf): a clump in either stays a clump.
 */
export function productOfExperts(readings: readonly Float32Array[]): Float32Array {
  const k = readings[0].length, share = 1 / readings.length;
  const out = new Float32Array(k).fill(1);
  let mass = 1;
  for (const p of readings) {
    for (let c = 0; c < k; c++) out[c] *= p[c] ** share;
    mass *= massOf(p) ** share;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c];
  if (!(sum > 0)) return Float32Array.from(readings[0]);
  return scaleToMass(out, mass);
}

/**
 * Indices of the `n` largest values above `floor`, largest first (ties: lower index first), as a
 * stable sort would give them. One pass with a small sorted list: a full sort of every label, for
 * every character of every reading weighed, was a tenth of a page's reading time.
 */
export function largestIndices(values: ArrayLike<number>, n: number, floor = -Infinity): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > floor) || (top.length === n && !(v > values[top[n - 1]]))) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]] < v) at--;
    top.splice(at, 0, i);
    if (top.length > n) top.pop();
  }
  return top;
}
