/**
 * Uneven light and dust in photos of a single character: a shadow across the paper and a few specks
 * must not move the character's crop or reach the classifier. Platform-neutral; used by preprocess.ts.
 */
import { histogramPercentile } from './image';

/** Cells per side of the background grid; images smaller than MIN_FLATTEN_SIDE are left as they are. */
const GRID = 6;
const MIN_FLATTEN_SIDE = 12;
/** Paper brightness range (grey levels) under which light counts as even. */
const EVEN_LIGHT_RANGE = 16;

/**
 * Divides out a smooth paper-brightness surface (dark ink on light paper, values 0-255): each cell of a
 * GRID x GRID grid takes its 90th-percentile brightness (paper), the cells are dilated over their
 * neighbours (so a cell covered by a thick stroke borrows nearby paper), and the surface is
 * interpolated per pixel. Even light gives a constant surface, which only rescales contrast.
 */
export function flattenBackground(values: Float32Array, width: number, height: number): Float32Array {
  if (width < MIN_FLATTEN_SIDE || height < MIN_FLATTEN_SIDE) return values;
  const cw = width / GRID, ch = height / GRID;
  const cell = new Float32Array(GRID * GRID);
  const hist = new Uint32Array(256);
  for (let gy = 0; gy < GRID; gy++) {
    for (let gx = 0; gx < GRID; gx++) {
      hist.fill(0);
      const x0 = Math.floor(gx * cw), x1 = Math.floor((gx + 1) * cw);
      const y0 = Math.floor(gy * ch), y1 = Math.floor((gy + 1) * ch);
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++, n++) hist[Math.max(0, Math.min(255, Math.round(values[y * width + x])))]++;
      cell[gy * GRID + gx] = histogramPercentile(hist, n, 0.9);
    }
  }
  const paper = new Float32Array(GRID * GRID);
  for (let gy = 0; gy < GRID; gy++) {
    for (let gx = 0; gx < GRID; gx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const y = gy + dy, x = gx + dx;
        if (y >= 0 && y < GRID && x >= 0 && x < GRID) m = Math.max(m, cell[y * GRID + x]);
      }
      paper[gy * GRID + gx] = Math.max(1, m);
    }
  }
  // Even light (the paper within a few grey levels everywhere): nothing to divide out.
  if (Math.max(...paper) - Math.min(...paper) < EVEN_LIGHT_RANGE) return values;
  const out = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, Math.min(GRID - 1, (y + 0.5) / ch - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(GRID - 1, y0 + 1), ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, Math.min(GRID - 1, (x + 0.5) / cw - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(GRID - 1, x0 + 1), tx = fx - x0;
      const top = paper[y0 * GRID + x0] * (1 - tx) + paper[y0 * GRID + x1] * tx;
      const bottom = paper[y1 * GRID + x0] * (1 - tx) + paper[y1 * GRID + x1] * tx;
      const bg = top * (1 - ty) + bottom * ty;
      out[y * width + x] = Math.min(255, (values[y * width + x] * 255) / bg);
    }
  }
  return out;
}

/**
 * Ink at or above `threshold` with its specks dropped (dropSpecks), as a mask; the specks, with the
 * faint pixels around them, are also cleared from `ink` itself.
 */
export function removeSpecks(ink: Float32Array, width: number, height: number, threshold: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = ink[i] >= threshold ? 1 : 0;
  const kept = dropSpecks(mask, width, height);
  if (kept === mask) return mask;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || kept[i]) continue;
    const x = i % width, y = (i - x) / width;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx >= 0 && xx < width && yy >= 0 && yy < height && !kept[yy * width + xx]) ink[yy * width + xx] = 0;
    }
  }
  return kept;
}

/**
 * Removes specks from a thresholded ink mask: 8-connected components smaller than `minShare` of the
 * largest one (and never the largest) are cleared. An i's dot is a tenth of its stem or more; dust is
 * a few pixels against a character of hundreds.
 */
export function dropSpecks(mask: Uint8Array, width: number, height: number, minShare = 0.03): Uint8Array {
  const labels = new Int32Array(mask.length).fill(-1);
  const areas: number[] = [];
  const stack = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start] >= 0) continue;
    const id = areas.length;
    let area = 0, top = 0;
    labels[start] = id;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top];
      area++;
      const px = p % width, py = (p - px) / width;
      const x0 = px > 0 ? px - 1 : px, x1 = px < width - 1 ? px + 1 : px;
      const y0 = py > 0 ? py - 1 : py, y1 = py < height - 1 ? py + 1 : py;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0, q = y * width + x0; x <= x1; x++, q++) {
          if (mask[q] && labels[q] < 0) {
            labels[q] = id;
            stack[top++] = q;
          }
        }
      }
    }
    areas.push(area);
  }
  if (areas.length <= 1) return mask;
  const largest = Math.max(...areas);
  const keep = areas.map((a) => a === largest || a >= minShare * largest);
  if (keep.every(Boolean)) return mask;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) if (mask[i] && keep[labels[i]]) out[i] = 1;
  return out;
}
