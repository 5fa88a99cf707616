/**
 * Character crops for the classifier: only the pixels of the character's own components
 * (a neighbour's overhanging stroke inside the box is left out), dark ink on white, with a
 * small margin, plus the line frame translated into the crop's coordinates.
 */
import { Box, GreyImage } from '../image';
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
}

/**
 * Crop the pixels of components `ids` inside columns [x0, x1) (whole box when omitted).
 * Returns null when no ink falls in that range. `inkBox` is the ink's box in working coordinates.
 */
export function cropCharacter(
  src: CropSource,
  ids: readonly number[],
  box: Box,
  frame: { baseline: number; xHeight: number } | undefined,
  x0 = box.left,
  x1 = box.right,
): { crop: CharCrop; inkBox: Box } | null {
  const idSet = new Set(ids);
  let left = Infinity, top = Infinity, right = -1, bottom = -1;
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * src.width;
    for (let x = x0; x < x1; x++) {
      if (!idSet.has(src.labels[row + x])) continue;
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
  const data = new Uint8ClampedArray(w * h).fill(255);
  for (let y = inkBox.top; y < inkBox.bottom; y++) {
    const row = y * src.width;
    for (let x = inkBox.left; x < inkBox.right; x++) {
      if (idSet.has(src.labels[row + x])) data[(y - inkBox.top + MARGIN) * w + (x - inkBox.left + MARGIN)] = 0;
    }
  }
  const originY = inkBox.top - MARGIN;
  const cropFrame = frame && frame.xHeight > 0 ? { baseline: frame.baseline - originY, xHeight: frame.xHeight } : undefined;
  return { crop: { image: { width: w, height: h, data }, frame: cropFrame }, inkBox };
}

/** Ink pixels of the given components in each column of the box. */
export function columnInk(src: CropSource, ids: readonly number[], box: Box): Int32Array {
  const idSet = new Set(ids);
  const cols = new Int32Array(box.right - box.left);
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * src.width;
    for (let x = box.left; x < box.right; x++) if (idSet.has(src.labels[row + x])) cols[x - box.left]++;
  }
  return cols;
}
