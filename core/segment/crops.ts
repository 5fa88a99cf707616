/**
 * Character crops for the classifier: only the pixels of the character's own components
 * (a neighbour's overhanging stroke inside the box is left out), dark ink on white, with a
 * small margin, plus the line frame translated into the crop's coordinates.
 */
import { Box, GreyImage, histogramPercentile } from '../image';
import { LineFrame } from '../preprocess';

export interface CharCrop {
  readonly image: GreyImage;
  readonly frame?: LineFrame;
}

const MARGIN = 2;

export interface CropSource {
  readonly labels: Int32Array;
  readonly width: number;
  readonly height: number;
  /**
   * The working grey image (dark ink): when given, the character's pixels and the paper
   * right around them keep their grey levels (contrast-stretched), so anti-aliased edges
   * survive; without it the crop is the bare binary mask.
   */
  readonly grey?: Uint8ClampedArray;
}

/**
 * Cut lines through a character candidate, by the column they were chosen at: each gives, per row of
 * the candidate's box (from its top), the column where the cut runs in that row (split.ts seamCut).
 */
export type Seams = ReadonlyMap<number, Int32Array>;

/**
 * Crop the pixels of components `ids` inside columns [x0, x1) (whole box when omitted); where `seams`
 * has a cut line for x0 or x1, that side of the piece follows it row by row instead of the column.
 * Returns null when no ink falls in that range. `inkBox` is the ink's box in working coordinates.
 */
export function cropCharacter(
  src: CropSource,
  ids: readonly number[],
  box: Box,
  frame: { baseline: number; xHeight: number } | undefined,
  x0 = box.left,
  x1 = box.right,
  seams?: Seams,
): { crop: CharCrop; inkBox: Box } | null {
  const isOwn = ownLabelTest(ids);
  const leftSeam = seams?.get(x0), rightSeam = seams?.get(x1);
  // The piece's columns in row y: [from(y), to(y)).
  const from = (y: number) => (leftSeam ? leftSeam[y - box.top] : x0);
  const to = (y: number) => (rightSeam ? rightSeam[y - box.top] : x1);
  let left = Infinity, top = Infinity, right = -1, bottom = -1;
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * src.width;
    for (let x = from(y), end = to(y); x < end; x++) {
      if (!isOwn(src.labels[row + x])) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return null;
  const inkBox: Box = { left, top, right: right + 1, bottom: bottom + 1 };
  const w = inkBox.right - inkBox.left + 2 * MARGIN;
  const h = inkBox.bottom - inkBox.top + 2 * MARGIN;
  // Whether working pixel i (at x, y) is this piece's ink: its components', between its cut lines.
  const inPiece = (i: number, x: number, y: number) => isOwn(src.labels[i]) && (!(leftSeam || rightSeam) || (y >= box.top && y < box.bottom && x >= from(y) && x < to(y)));
  const data = new Uint8ClampedArray(w * h).fill(255);
  for (let y = inkBox.top; y < inkBox.bottom; y++) {
    const row = y * src.width;
    for (let x = inkBox.left; x < inkBox.right; x++) {
      if (inPiece(row + x, x, y)) data[(y - inkBox.top + MARGIN) * w + (x - inkBox.left + MARGIN)] = 0;
    }
  }
  if (src.grey) softenEdges(src, src.grey, inPiece, inkBox, data, w, h);
  const originY = inkBox.top - MARGIN;
  const cropFrame = frame && frame.xHeight > 0 ? { baseline: frame.baseline - originY, xHeight: frame.xHeight } : undefined;
  return { crop: { image: { width: w, height: h, data }, frame: cropFrame }, inkBox };
}

/**
 * Per column of the box: vertical extent of the components' ink (last row - first row + 1) and
 * its pixel count. Where two letters touch, only the joining stroke is in the column, so both
 * dip; inside one letter a stem or bowl spans most of it.
 */
export function columnSpan(src: CropSource, ids: readonly number[], box: Box): { span: Int32Array; count: Int32Array } {
  const isOwn = ownLabelTest(ids);
  const w = box.right - box.left;
  const first = new Int32Array(w).fill(-1);
  const last = new Int32Array(w).fill(-1);
  const count = new Int32Array(w);
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * src.width;
    for (let x = box.left; x < box.right; x++) {
      if (!isOwn(src.labels[row + x])) continue;
      const i = x - box.left;
      if (first[i] < 0) first[i] = y;
      last[i] = y;
      count[i]++;
    }
  }
  return { span: first.map((f, i) => (f < 0 ? 0 : last[i] - f + 1)), count };
}

/**
 * Replace the binary crop with stretched grey levels on the character's pixels and on the
 * paper pixels touching them (other characters' pixels stay white).
 */
function softenEdges(src: CropSource, grey: Uint8ClampedArray, isOwn: (i: number, x: number, y: number) => boolean, inkBox: Box, data: Uint8ClampedArray, w: number, h: number): void {
  // Which pixels are the piece's own, asked once each over the crop and a pixel around it (the
  // neighbour test below would otherwise ask up to nine times per paper pixel).
  const ox = inkBox.left - MARGIN - 1, oy = inkBox.top - MARGIN - 1, ow = w + 2, oh = h + 2;
  const own = new Uint8Array(ow * oh);
  for (let my = Math.max(0, -oy); my < oh && oy + my < src.height; my++) {
    const y = oy + my;
    for (let mx = Math.max(0, -ox); mx < ow && ox + mx < src.width; mx++) {
      const x = ox + mx;
      if (isOwn(y * src.width + x, x, y)) own[my * ow + mx] = 1;
    }
  }
  const ownAt = (x: number, y: number) => own[(y - oy) * ow + (x - ox)] === 1;
  // Grey levels are bytes: histograms give the same percentiles as sorting the values.
  const inkHist = new Uint32Array(256);
  const paperHist = new Uint32Array(256);
  let inkCount = 0, paperCount = 0;
  const x0 = Math.max(0, inkBox.left - MARGIN), x1 = Math.min(src.width, inkBox.right + MARGIN);
  const y0 = Math.max(0, inkBox.top - MARGIN), y1 = Math.min(src.height, inkBox.bottom + MARGIN);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * src.width + x;
      if (ownAt(x, y)) {
        inkHist[grey[i]]++;
        inkCount++;
      } else if (src.labels[i] === 0) {
        paperHist[grey[i]]++;
        paperCount++;
      }
    }
  }
  if (inkCount === 0 || paperCount === 0) return;
  const ink = histogramPercentile(inkHist, inkCount, 0.2);
  const paper = histogramPercentile(paperHist, paperCount, 0.7);
  if (paper - ink < 20) return;
  const scale = 255 / (paper - ink);
  for (let cy = 0; cy < h; cy++) {
    const y = cy + inkBox.top - MARGIN;
    if (y < 0 || y >= src.height) continue;
    for (let cx = 0; cx < w; cx++) {
      const x = cx + inkBox.left - MARGIN;
      if (x < 0 || x >= src.width) continue;
      const i = y * src.width + x;
      // The piece's ink, or paper touching it (8-neighbours; outside the image is not the piece's).
      const near = ownAt(x, y) || (src.labels[i] === 0 &&
        (ownAt(x - 1, y - 1) || ownAt(x, y - 1) || ownAt(x + 1, y - 1) || ownAt(x - 1, y) || ownAt(x + 1, y) || ownAt(x - 1, y + 1) || ownAt(x, y + 1) || ownAt(x + 1, y + 1)));
      if (near) data[cy * w + cx] = Math.max(0, Math.min(255, (grey[i] - ink) * scale));
    }
  }
}

/**
 * Membership in a character's components, checked once per pixel: a character has one to a few
 * components, so comparing them directly beats hashing into a Set.
 */
export function ownLabelTest(ids: readonly number[]): (label: number) => boolean {
  if (ids.length === 1) {
    const a = ids[0];
    return (l) => l === a;
  }
  if (ids.length === 2) {
    const [a, b] = ids;
    return (l) => l === a || l === b;
  }
  const set = new Set(ids);
  return (l) => set.has(l);
}
