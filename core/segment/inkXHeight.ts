/**
 * The x-height of a line whose character boxes show one height only, from its ink row by row.
 * Lowercase writing is dense between the baseline and the x-height and sparse above it, where only
 * ascenders reach; capitals and digits are about as dense near their top as in their middle. When a
 * marker's letters touch, nearly every box holds an ascender ("ka", "nt", "fj"), the boxes' heights hide
 * the x-height, and the line was read without one (no case or descender evidence, cuts sized by a guess).
 */
import { Box } from '../image';
import { CharGroup, LineMetrics } from './chars';

/** Ink near the top of the capital height at most this share of the ink in the body: lowercase with ascenders. */
const SPARSE_TOP = 0.4;
/** A row belongs to the body while its ink is at least this share of the body's. */
const BODY_ROW = 0.5;
/** Handwritten x-heights run from about 0.4 to 0.8 of the capital height (as chars.ts lineMetrics). */
const MIN_RATIO = 0.38;
const MAX_RATIO = 0.82;

/**
 * `metrics` with the x-height the line's ink shows when its boxes showed none (xHeight 0); as it was
 * when it had one, or when the rows show no sparse top (a line of capitals and digits).
 */
export function withInkXHeight(metrics: LineMetrics, groups: readonly CharGroup[], labels: Int32Array, width: number): LineMetrics {
  if (metrics.xHeight > 0 || !(metrics.capHeight >= 8)) return metrics;
  const letters = groups.filter((g) => !g.mark);
  if (letters.length === 0) return metrics;
  const { baseline, capHeight } = metrics;
  const top = Math.max(0, Math.round(baseline - capHeight));
  const bottom = Math.round(baseline);
  const rows = inkPerRow(letters, labels, width, top, bottom);
  const at = (share: number) => Math.min(rows.length - 1, Math.max(0, Math.round(rows.length - share * capHeight)));
  const mean = (from: number, to: number) => {
    let s = 0;
    for (let y = from; y <= to; y++) s += rows[y];
    return s / Math.max(1, to - from + 1);
  };
  // Rows 15-40% of the capital height above the baseline lie in any body; 80-95% above it only ascenders reach.
  const body = mean(at(0.4), at(0.15));
  const high = mean(at(0.95), at(0.8));
  if (!(body > 0) || high > SPARSE_TOP * body) return metrics;
  // The body reaches up from the baseline as far as its rows stay dense.
  let y = at(0.15);
  while (y > 0 && rows[y - 1] >= BODY_ROW * body) y--;
  const xHeight = rows.length - y;
  const ratio = xHeight / capHeight;
  return ratio >= MIN_RATIO && ratio <= MAX_RATIO ? { baseline, xHeight, capHeight } : metrics;
}

/** Ink pixels of the groups in each row from `top` to `bottom` (exclusive), within their boxes. */
function inkPerRow(groups: readonly CharGroup[], labels: Int32Array, width: number, top: number, bottom: number): Float64Array {
  const rows = new Float64Array(Math.max(0, bottom - top));
  for (const g of groups) {
    const own = new Set(g.ids);
    const box: Box = g.box;
    for (let y = Math.max(top, box.top); y < Math.min(bottom, box.bottom); y++) {
      for (let x = box.left; x < box.right; x++) if (own.has(labels[y * width + x])) rows[y - top]++;
    }
  }
  return rows;
}
