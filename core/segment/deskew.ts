/**
 * Skew and orientation estimates from the ink.
 *
 * Skew: the angle whose row projection is sharpest (text lines become tall peaks and empty
 * gaps), searched over ±MAX_SKEW degrees, coarse then fine. Orientation: in horizontal text
 * a character's nearest neighbour sits beside it, in a page turned 90° above or below it.
 */
import { Component } from './components';

export const MAX_SKEW_DEGREES = 10;
const MAX_SAMPLES = 60_000;

/** Slope angle of the text lines in radians (y down: positive = lines fall to the right). */
export function estimateSkew(ink: Uint8Array, width: number, height: number): number {
  let total = 0;
  for (let i = 0; i < ink.length; i++) total += ink[i];
  if (total < 20) return 0;
  const step = Math.max(1, Math.floor(total / MAX_SAMPLES));
  // Typed arrays: the projection below walks these ~50 times.
  const xs = new Int32Array(Math.ceil(total / step)), ys = new Int32Array(xs.length);
  let seen = 0, n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue;
      if (seen++ % step === 0) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const pad = Math.ceil(width * Math.tan((MAX_SKEW_DEGREES * Math.PI) / 180)) + 2;
  const bins = new Float64Array(height + 2 * pad + 2);
  // Where a column's ink lands in the projection: y rounded after the shift is y plus the shift
  // rounded (y is whole), so each column's shift is rounded once, not each ink pixel's.
  const shiftOf = new Int32Array(width);
  const sharpness = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    for (let x = 0; x < width; x++) shiftOf[x] = Math.round(-x * t) + pad;
    bins.fill(0);
    for (let i = 0; i < n; i++) bins[ys[i] + shiftOf[xs[i]]]++;
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i] * bins[i];
    return s;
  };
  let best = 0, bestScore = sharpness(0);
  for (let deg = -MAX_SKEW_DEGREES; deg <= MAX_SKEW_DEGREES + 1e-9; deg += 0.5) {
    const s = sharpness(deg);
    if (s > bestScore * 1.0001) {
      best = deg;
      bestScore = s;
    }
  }
  const coarse = best;
  for (let deg = coarse - 0.4; deg <= coarse + 0.4 + 1e-9; deg += 0.1) {
    const s = sharpness(deg);
    if (s > bestScore) {
      best = deg;
      bestScore = s;
    }
  }
  return (best * Math.PI) / 180;
}

/**
 * Which pieces vote on the orientation: at least LETTER_SIZED of the piece size at rank TYPICAL_RANK
 * (the larger pieces: a code line's many marks pull a median down), and no thinner than NOT_A_BAR of
 * its length. Not tuned: bench:code's images lost their two quarter-turn misreadings and bench:text
 * read the same; its main set turned by a quarter is found turned as before (124 of 128).
 */
const TYPICAL_RANK = 0.75;
const LETTER_SIZED = 0.5;
const NOT_A_BAR = 0.35;

/**
 * True when the text looks turned by a quarter: most components' nearest neighbours are above
 * or below them rather than beside. Needs a handful of character-sized components to judge.
 */
export function looksQuarterTurned(components: readonly Component[]): boolean {
  const side = (c: Component) => Math.max(c.box.right - c.box.left, c.box.bottom - c.box.top);
  const sized = components.filter((c) => side(c) >= 4);
  if (sized.length > 5000) return false;
  // Letter-like pieces only: the stacked pieces of = ; : % " and i's dot sit above one another in
  // upright writing (a code line 'y = x % 8;' voted turned and read as five lines). Either way round:
  // the size against the larger pieces, and no bar (the = strokes, an l or 1, turned or not).
  const sides = sized.map(side).sort((a, b) => a - b);
  const typical = sides[Math.floor(TYPICAL_RANK * (sides.length - 1))] ?? 0;
  const big = sized.filter((c) => side(c) >= LETTER_SIZED * typical && Math.min(c.box.right - c.box.left, c.box.bottom - c.box.top) >= NOT_A_BAR * side(c));
  if (big.length < 6) return false;
  const centres = big.map((c) => [(c.box.left + c.box.right) / 2, (c.box.top + c.box.bottom) / 2]);
  let horizontal = 0, vertical = 0;
  for (let i = 0; i < centres.length; i++) {
    let bestD = Infinity, bdx = 0, bdy = 0;
    for (let j = 0; j < centres.length; j++) {
      if (i === j) continue;
      const dx = centres[j][0] - centres[i][0], dy = centres[j][1] - centres[i][1];
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        bdx = dx;
        bdy = dy;
      }
    }
    if (Math.abs(bdx) > Math.abs(bdy) * 1.5) horizontal++;
    else if (Math.abs(bdy) > Math.abs(bdx) * 1.5) vertical++;
  }
  return vertical > 2 * horizontal && vertical >= 4;
}
