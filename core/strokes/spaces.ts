/**
 * Word gaps in a line of characters, judged against the line's own gaps and letter size.
 *
 * Writers differ in how far apart they put letters, so a fixed threshold either splits loose
 * writing or merges tight writing. The gaps of one line usually fall into two groups (between
 * letters, between words); when they do, the wider group are spaces. When they do not (one gap, or
 * all alike), a gap is a space only when it is wide against the letter size.
 */

/** Never a space below this share of the letter size, however the gaps group. */
const MIN_SPACE = 0.45;
/** The wide group must be at least this many times wider, on average, than the narrow one. */
const GROUP_RATIO = 1.8;
/** ... and clear of it by this share of the letter size. */
const GROUP_MARGIN = 0.25;

/**
 * spaceBefore for each gap: `gaps[k]` is the ink distance between characters k and k+1, `size` the
 * line's x-height (or an estimate), `uniformFactor` the threshold in sizes when the gaps do not
 * form two groups.
 */
export function findSpaces(gaps: readonly number[], size: number, uniformFactor: number): boolean[] {
  const absolute = gaps.map((g) => g > uniformFactor * size);
  if (gaps.length < 2) return absolute;
  const sorted = [...gaps].sort((a, b) => a - b);
  // Best two-group split of the sorted gaps (largest between-group variance, Otsu's criterion).
  let best = -1, bestScore = -Infinity;
  const total = sorted.reduce((s, g) => s + g, 0);
  let lowSum = 0;
  for (let k = 0; k + 1 < sorted.length; k++) {
    lowSum += sorted[k];
    const nLo = k + 1, nHi = sorted.length - nLo;
    const mLo = lowSum / nLo, mHi = (total - lowSum) / nHi;
    const score = nLo * nHi * (mHi - mLo) * (mHi - mLo);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  const low = sorted.slice(0, best + 1), high = sorted.slice(best + 1);
  const mean = (v: number[]) => v.reduce((s, g) => s + g, 0) / v.length;
  const floor = 0.15 * size; // touching letters have gaps near 0 or below: do not let them inflate the ratio
  const separated =
    mean(high) >= GROUP_RATIO * Math.max(mean(low), floor) && high[0] - low[low.length - 1] >= GROUP_MARGIN * size;
  if (!separated) return absolute;
  const threshold = Math.max(MIN_SPACE * size, (low[low.length - 1] + high[0]) / 2);
  return gaps.map((g) => g > threshold);
}
