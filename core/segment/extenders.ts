/**
 * Which way up a page is, from the ink alone: in Latin writing, letters reaching above the x-height
 * band (b d f h k l t and capitals) are several times more common than letters reaching below it
 * (g j p q y). Turned upside down, the two swap. The ink above and below each line's band is a prior
 * for the upside-down decision, which otherwise rests on which reading the classifier is surer of,
 * and a model that reads symbols finds plausible symbols in upside-down ink too.
 *
 * Ink rows rather than character boxes: joined-up writing makes whole words one box.
 */
import type { Component } from './components';

export interface ExtenderInk {
  /** Ink pixels above their line's x-height band. */
  readonly above: number;
  /** Ink pixels below it. */
  readonly below: number;
}

/**
 * Lines of fewer components are left out: a short line ("x -= 1") has too few letters for the
 * proportion of ascenders to hold, and its symbols may make up the densest rows.
 */
const MIN_COMPONENTS = 10;
/** Rows denser than this fraction of a line's densest row belong to its x-height band. */
const BAND_DENSITY = 0.45;

/**
 * Ink above and below the x-height band of each line (the run of dense rows around the densest).
 * `labels` is the component label map of a `width`-wide image.
 */
export function extenderInk(lines: readonly (readonly Component[])[], labels: Int32Array, width: number): ExtenderInk {
  let above = 0, below = 0;
  for (const comps of lines) {
    if (comps.length < MIN_COMPONENTS) continue;
    const ids = new Set(comps.map((c) => c.id));
    const top = Math.min(...comps.map((c) => c.box.top));
    const bottom = Math.max(...comps.map((c) => c.box.bottom));
    const left = Math.min(...comps.map((c) => c.box.left));
    const right = Math.max(...comps.map((c) => c.box.right));
    const profile = new Float64Array(Math.max(0, bottom - top));
    for (let y = top; y < bottom; y++) {
      let n = 0;
      const row = y * width;
      for (let x = left; x < right; x++) if (ids.has(labels[row + x])) n++;
      profile[y - top] = n;
    }
    let peak = 0;
    for (let i = 1; i < profile.length; i++) if (profile[i] > profile[peak]) peak = i;
    const dense = BAND_DENSITY * profile[peak];
    let lo = peak, hi = peak;
    while (lo > 0 && profile[lo - 1] >= dense) lo--;
    while (hi < profile.length - 1 && profile[hi + 1] >= dense) hi++;
    for (let i = 0; i < lo; i++) above += profile[i];
    for (let i = hi + 1; i < profile.length; i++) below += profile[i];
  }
  return { above, below };
}

/**
 * Evidence that the ink is upright, as a log ratio: > 0 when more ink reaches above the bands than
 * below, < 0 when the page looks turned; near 0 for capitals, digits or too little ink.
 */
export function uprightEvidence(ink: ExtenderInk): number {
  const floor = 0.02 * (ink.above + ink.below) + 1;
  return Math.log((ink.above + floor) / (ink.below + floor));
}
