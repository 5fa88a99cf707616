/**
 * Word gaps in a line of characters, judged against the line's own gaps and letter size.
 *
 * Writers differ in how far apart they put letters, so a fixed threshold either splits loose
 * writing or merges tight writing. The gaps of one line usually fall into two groups (between
 * letters, between words); when they do, the wider group are spaces. When they do not (one gap, or
 * all alike), a gap is a space only when it is wide against the letter size, and on a longer line
 * stands out from its other gaps.
 */
import { median } from '../stats';

/** Never a space below this share of the letter size, however the gaps group. */
const MIN_SPACE = 0.45;
/** The wide group must be at least this many times wider, on average, than the narrow one. */
const GROUP_RATIO = 1.8;
/** ... and clear of it by this share of the letter size. */
const GROUP_MARGIN = 0.25;

/**
 * On a line of at least this many gaps, all alike... (values set a priori; npx tsx bench/code.ts
 * --training-families pad 3.2 -> 3.0%, every line it changed read better: `co unt+ +;`, `l og`).
 */
const STANDOUT_MIN_GAPS = 4;
/** ...a space is this many times the median gap wide... */
const STANDOUT = 1.3;
/** ...or this many times the uniform threshold. */
const CLEARLY_WIDE = 1.3;

/**
 * spaceBefore for each gap: `gaps[k]` is the ink distance between characters k and k+1, `size` the
 * line's x-height (or an estimate), `uniformFactor` the threshold in sizes when the gaps do not
 * form two groups.
 */
export function findSpaces(gaps: readonly number[], size: number, uniformFactor: number): boolean[] {
  // Gaps all alike: a space is wide against the letters, and, on a line of several gaps, wider than most
  // of them or clearly wide: a hand that spaces its letters widely writes no space in 'count++;'.
  const typical = gaps.length >= STANDOUT_MIN_GAPS ? median(gaps) : 0;
  const absolute = gaps.map((g) => g > uniformFactor * size && (g > STANDOUT * typical || g > CLEARLY_WIDE * uniformFactor * size));
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

/**
 * A space on the pad whose gap is under this many times the widest gap between two letters of one word on
 * its line is in doubt: the text decides (decode/doubtfulSpaces.ts spaceInDoubt). Chosen on the training families' pad lines
 * (`npx tsx bench/code.ts --training-families --only pad`, every space scored both ways): the written
 * spaces there stand at 1.04 times that gap at the least, 2.5 times in the median; with the language
 * model's margin none under 1.7 joined, while 1.4, 1.6 and 1.7 let 15, 16 and 19 of 28 gaps inside a word
 * go; with no bound, `def area` and `#include <` joined.
 */
export const DOUBTFUL_SPACE = 1.7;
