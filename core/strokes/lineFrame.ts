/**
 * The writing line of a row of characters: baseline and x-height from the characters' ink boxes.
 *
 * Size against neighbours is what tells c from C, o from O, s from S. The estimate only speaks when
 * the row carries the evidence: a lone character, or a row whose letters are all one height with no
 * descender ("ocean" and "OCEAN" look alike), gets no frame, and the classifier decides by shape and
 * the decoder by context.
 *
 * Measured on the pen's centre line, as training measures its frames (Hershey centre lines, font
 * metrics): a letter of x-height drawn with pen radius r gets geometry about [1, 1 + r/xh, -r/xh],
 * the same as the pen-drawn training samples.
 */
import { median } from '../stats';
import { quantile } from './types';
import { Box } from '../image';

/** Baseline and x-height in pad coordinates (pen centre line). */
export interface PadLineFrame {
  readonly baseline: number;
  readonly xHeight: number;
}

/** Tallest-to-shortest ratio between neighbouring heights that separates x-height letters from taller ones. */
const CASE_STEP_RATIO = 1.3;
/**
 * A smaller jump also separates them when the two groups' typical heights are a capital-to-x-height
 * ratio apart: letters vary in size one by one and round ones overshoot, so the tallest x-height
 * letter and the shortest capital can be only ~1.25 apart while the groups are ~1.5 apart
 * ("HTTP new over" written with a steady hand). One-height rows ("OCEAN") stay near 1.1 on both.
 */
const GROUP_STEP_RATIO = 1.15;
const GROUP_MEDIAN_RATIO = 1.35;
/**
 * ...and only when the smaller group holds at least this many letters: in a line of evenly spreading
 * heights one short body (the ';' of `items.push(next);` in a marker hand, 0.5 of the x-height) is an
 * outlier, not the x-height, and taking it read every letter as a capital ("itemS.pUSh(neXt)"). A lone
 * x-height letter among capitals still counts where its step is a case step ("HTTPs") and it is no
 * smaller than LONE_LOWER_SHARE of them. On the traced
 * training families (`npx tsx bench/padAccuracy.ts --tune-lm`, weight 0.5): words 94.3 -> 94.4%.
 */
const MIN_GROUP_LETTERS = 2;
/**
 * A lone body below the case step measures the x-height only when at least this share of the taller
 * bodies' median height: the lower ring of a % drawn in three strokes (0.42-0.47 of the line's letters in
 * `y = x % 8;`) made the x-height, and the x read X. On the traced training families (`npx tsx
 * bench/padAccuracy.ts --tune-lm`, weight 0.5) CER 1.3 -> 1.2%, words 95.9 -> 96.0% at 0.5, 0.6 and 0.7
 * alike; their code lines (`npx tsx bench/code.ts --training-families`, pad) lines exact 74.0 -> 74.3% at
 * 0.5, 74.7% at 0.6. 0.5, as a hand's x-height is often under 0.6 of its ascenders: at 0.6 an "l no"
 * whose joined "no" stands 0.59 of the l lost its frame.
 */
const LONE_LOWER_SHARE = 0.5;
/** Bottoms within this share of the median letter height of each other sit on the same line. */
const BASELINE_TOLERANCE = 0.2;
/** A letter reaching this share of its height above the line below the baseline has a descender. */
const DESCENDER_SHARE = 0.3;
/**
 * Bodies rising above the baseline less than this share of the letters' rise are punctuation and
 * operators (the comma of a ';', a '=' or '+' sitting low), not letters: they say nothing about the
 * x-height (a ';' ending a line of code once made it a pixel, so every letter read as a capital).
 */
const MIN_LETTER_RISE = 0.5;
/**
 * ...of this quantile of the rises, not their median: in a line of code most bodies may be brackets,
 * braces and ascenders (scriptc's `if (idx < n) {` has three x-high letters among eight), and half
 * their median rise put the x, the n and the dotless i with the punctuation: the x-height came out 2.6
 * times too tall and no gap was a space (`if(idx<n){`). Held out (`npx tsx bench/code.ts`, pad): CER
 * 3.42 -> 3.34% without the lexicon; the training families' lines read as before.
 */
const RISE_QUANTILE = 0.3;

/**
 * `dotted[i]`: body i carries a dot (an i or j): its stem may end anywhere under the dot, so it never
 * measures the x-height alone (gluten's short i and j made "obj" read "Obj"). `flat[i]`: body i is
 * bars only (- = _), which say nothing of the baseline or the heights while two other bodies do.
 */
export function estimateLineFrame(allBodies: readonly Box[], dotted: readonly boolean[] = [], flat: readonly boolean[] = []): PadLineFrame | undefined {
  // Bars (- = _) stand anywhere on the line: in "x -= 1" they outvoted the letters for the baseline.
  const letterBodies = allBodies.filter((_, i) => flat[i] !== true);
  const bodies = letterBodies.length >= 2 ? letterBodies : allBodies;
  const dottedBodies = new Set(allBodies.filter((_, i) => dotted[i] === true));
  if (bodies.length < 2) return undefined;
  const typical = median(bodies.map((b) => b.bottom - b.top));
  if (!(typical > 0)) return undefined;
  const tol = BASELINE_TOLERANCE * typical;

  // Baseline: the bottom shared by most letters; on a tie the upper one (descenders hang below it).
  let best: number[] = [];
  let bestBottom = Infinity;
  for (const b of bodies) {
    const support = bodies.filter((o) => Math.abs(o.bottom - b.bottom) <= tol).map((o) => o.bottom);
    if (support.length > best.length || (support.length === best.length && b.bottom < bestBottom)) {
      best = support;
      bestBottom = b.bottom;
    }
  }
  const baseline = median(best);

  // Height above the baseline of every letter that reaches down to it (sitting or descending).
  const standing = bodies.filter((b) => b.bottom >= baseline - tol && baseline - b.top > 0);
  const rise = quantile(standing.map((b) => baseline - b.top), RISE_QUANTILE);
  const grounded = standing.filter((b) => baseline - b.top >= MIN_LETTER_RISE * rise);
  const above = grounded.filter((b) => !dottedBodies.has(b)).map((b) => baseline - b.top).sort((a, b) => a - b);
  if (above.length < 2) return undefined;
  let step = 0, stepAt = -1;
  for (let k = 0; k + 1 < above.length; k++) {
    const ratio = above[k + 1] / above[k];
    if (ratio > step) {
      step = ratio;
      stepAt = k;
    }
  }
  // At least two heights, each ratio >= 1: the loop always sets stepAt.
  const lower = above.slice(0, stepAt + 1), upper = above.slice(stepAt + 1);
  const groupsApart = lower.length >= MIN_GROUP_LETTERS && step >= GROUP_STEP_RATIO && median(upper) / median(lower) >= GROUP_MEDIAN_RATIO;
  // One body far smaller than the rest is a piece, not the x-height (see LONE_LOWER_SHARE).
  const loneTiny = lower.length === 1 && lower[0] < LONE_LOWER_SHARE * median(upper);
  if ((step >= CASE_STEP_RATIO || groupsApart) && !loneTiny) return { baseline, xHeight: median(lower) };
  // One height only: a descender says it is the x-height (only lowercase g j p q y hang below).
  const descends = grounded.some((b) => b.bottom - baseline > DESCENDER_SHARE * (baseline - b.top));
  if (descends) return { baseline, xHeight: median(above) };
  return undefined;
}
