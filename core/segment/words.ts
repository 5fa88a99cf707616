/**
 * Word breaks from the line's own gaps: the gaps between characters fall in two groups
 * (inside words, between words), split where the between-group variance is largest (Otsu
 * in one dimension). A line whose gaps do not separate that way is one word, unless every
 * gap is wide.
 */

/**
 * Indices i such that a space goes between character i and i+1. `measure[i]` false leaves gap i out
 * of the statistics (a gap beside a mark: a comma sits close, a speck anywhere) but still decides it.
 */
export function wordBreaks(gaps: readonly number[], bodyHeight: number, measure?: readonly boolean[]): Set<number> {
  const breaks = new Set<number>();
  if (gaps.length === 0) return breaks;
  // Every gap at least this wide is a space ("x = y": nothing but spaces to compare them with).
  const wide = 0.45 * bodyHeight;
  const narrow = 0.2 * bodyHeight;
  const measured = gaps.filter((_, i) => measure?.[i] ?? true);
  const sorted = (measured.length > 0 ? measured : [...gaps]).sort((a, b) => a - b);
  // The best split: sorted[0, bestK) narrow, the rest wide.
  let bestK = 0, bestT = Infinity, bestVar = -1, bestLo = 0, bestHi = 0;
  for (let k = 1; k < sorted.length; k++) {
    const lo = sorted.slice(0, k), hi = sorted.slice(k);
    const mLo = lo.reduce((s, v) => s + v, 0) / lo.length;
    const mHi = hi.reduce((s, v) => s + v, 0) / hi.length;
    const between = (lo.length * hi.length * (mHi - mLo) ** 2) / sorted.length ** 2;
    if (between > bestVar) {
      bestVar = between;
      bestK = k;
      bestT = (sorted[k - 1] + sorted[k]) / 2;
      bestLo = mLo;
      bestHi = mHi;
    }
  }
  let threshold: number;
  if (sorted.length >= 2 && bestHi - bestLo >= 0.22 * bodyHeight && bestHi >= 0.3 * bodyHeight) {
    // The typical letter gap: the median gap, unless word gaps are the majority (a line of code of
    // one-letter names and operators, "a = b; c = d;"), where it is the median of the narrow ones.
    const mid = sorted[Math.floor(((bestK * 2 > sorted.length ? sorted.length : bestK) - 1) / 2)];
    // Letter gaps vary; a word gap stands out from the typical letter gap by a clear margin.
    threshold = Math.max(bestT, narrow, mid + 0.25 * bodyHeight);
  } else {
    // One group: all inside one word, or (rarely) all spaces.
    threshold = sorted[0] >= wide ? -Infinity : Math.max(wide, sorted[sorted.length - 1] + 1);
  }
  gaps.forEach((g, i) => {
    if (g > threshold) breaks.add(i);
  });
  return breaks;
}
