/**
 * The paper between two neighbouring characters, measured where they face each other.
 *
 * Bounding boxes understate word gaps wherever a descender or a bar reaches over: the tail of a 'y'
 * runs under the 'j' after it, a 'T' bar hangs over the next letter. Comparing the two characters
 * row by row, only at heights where both have ink, gives the gap a reader sees.
 */
import { StrokePoint } from './types';

/** Samples per segment at most: bounds the work on absurdly long segments. */
const MAX_SAMPLES_PER_SEGMENT = 64;

type Strokes = readonly (readonly StrokePoint[])[];

/**
 * Smallest horizontal distance between the right edge of `left` and the left edge of `right` over
 * the rows (of height `band`) where both have ink, less the pen width; `fallback` when they share
 * no row (a quote mark beside a letter).
 */
export function facingGap(left: Strokes, right: Strokes, band: number, penWidth: number, fallback: number): number {
  if (!(band > 0)) return fallback;
  const rightEdge = edges(left, band, Math.max);
  const leftEdge = edges(right, band, Math.min);
  let gap = Infinity;
  for (const [row, x] of leftEdge) {
    const l = rightEdge.get(row);
    if (l !== undefined) gap = Math.min(gap, x - l);
  }
  return gap === Infinity ? fallback : gap - penWidth;
}

/** Per row, the extreme x of the strokes' centre lines (Math.max: right edge, Math.min: left edge). */
function edges(strokes: Strokes, band: number, pick: (a: number, b: number) => number): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (x: number, y: number) => {
    const row = Math.floor(y / band);
    const cur = out.get(row);
    out.set(row, cur === undefined ? x : pick(cur, x));
  };
  for (const s of strokes) {
    if (s.length === 1) visit(s[0].x, s[0].y);
    for (let i = 1; i < s.length; i++) {
      const a = s[i - 1], b = s[i];
      const n = Math.min(MAX_SAMPLES_PER_SEGMENT, Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / (band / 2))));
      for (let k = 0; k <= n; k++) visit(a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n);
    }
  }
  return out;
}
