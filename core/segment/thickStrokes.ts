/**
 * Writing with a marker: strokes so wide against the letters that the classifier, which learned
 * letters from pens and fonts, misreads them (an e's eye filled in, a t's bar swallowing the stem).
 * The crops of such a line are also read a pixel thinner, and the two readings are combined as a
 * product of experts: where thinning changes nothing they agree, and where the thick crop is
 * ambiguous the thinned one settles it. (Reading only the thinned crops instead cost bold hands
 * and some ordinary lines; thinning by two pixels broke bold letters apart.)
 */
import { GreyImage } from '../image';
import { CharCrop } from './crops';

/** A line's strokes count as a marker's when they are at least this share of its body height... */
const THICK_SHARE = 0.15;
/** ...plus this many pixels (so that thinning by one pixel on each side leaves a stroke behind). */
const THICK_MARGIN_PX = 2;

/**
 * Typical stroke width of the ink: for each ink pixel the shorter of its horizontal and vertical
 * runs of ink (across a stroke, whichever way it runs), the median over all ink pixels.
 */
export function strokeWidth(isInk: (i: number) => boolean, width: number, height: number): number {
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = isInk(i) ? 1 : 0;
  // Each ink pixel's horizontal run, then its vertical one: the shorter is counted.
  const across = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    inkRuns(ink, y * width, 1, width, (from, to, length) => across.fill(Math.min(length, 65535), from, to));
  }
  const hist = new Uint32Array(1024);
  let n = 0;
  for (let x = 0; x < width; x++) {
    inkRuns(ink, x, width, height, (from, to, length) => {
      for (let i = from; i < to; i += width) hist[Math.min(1023, length, across[i])]++;
      n += length;
    });
  }
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v];
    if (acc * 2 >= n && n > 0) return v;
  }
  return 0;
}

/**
 * The runs of ink along one line of `count` cells, from `start` by `step` (a row: step 1; a column:
 * step width): `visit(from, to, length)` with `to` the index one step past the run's last cell.
 */
function inkRuns(ink: Uint8Array, start: number, step: number, count: number, visit: (from: number, to: number, length: number) => void): void {
  for (let k = 0; k < count; ) {
    if (!ink[start + k * step]) {
      k++;
      continue;
    }
    let end = k;
    while (end < count && ink[start + end * step]) end++;
    visit(start + k * step, start + end * step, end - k);
    k = end;
  }
}

/** Whether a line whose letters have body height `body` (px) is written with strokes of a marker's width. */
export function isMarkerLine(stroke: number, body: number): boolean {
  return body > 0 && stroke >= THICK_MARGIN_PX + THICK_SHARE * body;
}

/** The crop with its ink a pixel thinner on every side (dark ink on light paper: a 3x3 maximum). */
export function thinnedCrop(crop: CharCrop): CharCrop {
  const { width: w, height: h, data } = crop.image;
  const rows = new Uint8ClampedArray(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      rows[i] = Math.max(data[i], x > 0 ? data[i - 1] : 255, x + 1 < w ? data[i + 1] : 255);
    }
  }
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      out[i] = Math.max(rows[i], y > 0 ? rows[i - w] : 255, y + 1 < h ? rows[i + w] : 255);
    }
  }
  const image: GreyImage = { width: w, height: h, data: out };
  return { ...crop, image };
}
