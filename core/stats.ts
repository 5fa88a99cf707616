/** Small statistics shared by segmentation, stroke grouping, case geometry and the benches. */

/** Index of the largest value (the first on a tie): a classifier's best class. */
export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
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
