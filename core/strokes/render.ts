/**
 * Rasterises pad strokes into a GreyImage the way a round pen puts ink on paper: dark ink on white,
 * round caps and joins, anti-aliased edges, width from the pen setting and (when the device reports
 * it) pressure. Plain typed arrays, no canvas: the core has no DOM.
 *
 * Each character is drawn on its own, scaled so its longer ink side is RENDER_SIZE pixels: big enough
 * for clean edges after normalizeCharacter shrinks it to 20 px, small enough to stay cheap.
 */
import { Box, GreyImage, createGreyImage } from '../image';
import { Stroke, StrokePoint } from './types';

export const RENDER_SIZE = 64;
/** Blank border around the ink, in output pixels, so the pen's edge is never clipped. */
const MARGIN_PX = 2;
/** Below this radius in output pixels a line would turn grey and broken; real pens never do. */
const MIN_RADIUS_PX = 0.7;

/** Where pad coordinates land in the rendered image: image = (pad - origin) * scale. */
export interface RenderTransform {
  readonly originX: number;
  readonly originY: number;
  readonly scale: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Pen radius at a point, in pad pixels. Pressure 0.5 (what a mouse reports) is the nominal width;
 * a pen pressing hard draws up to 1.4x as wide, a light touch 0.6x.
 */
export function penRadius(p: StrokePoint, inkWidth: number): number {
  const factor = p.pressure === undefined ? 1 : 0.6 + 0.8 * p.pressure;
  return (inkWidth / 2) * factor;
}

/** Largest pen radius any point of these strokes reaches. */
export function maxPenRadius(strokes: readonly Stroke[], inkWidth: number): number {
  let r = 0;
  for (const s of strokes) for (const p of s) r = Math.max(r, penRadius(p, inkWidth));
  return r;
}

/** The transform that fits `inkBox` (pad coordinates) into RENDER_SIZE plus the margin. */
export function renderTransform(inkBox: Box, size = RENDER_SIZE): RenderTransform {
  const w = Math.max(inkBox.right - inkBox.left, 1e-3);
  const h = Math.max(inkBox.bottom - inkBox.top, 1e-3);
  const scale = size / Math.max(w, h);
  return {
    originX: inkBox.left - MARGIN_PX / scale,
    originY: inkBox.top - MARGIN_PX / scale,
    scale,
    width: Math.max(1, Math.ceil(w * scale)) + 2 * MARGIN_PX,
    height: Math.max(1, Math.ceil(h * scale)) + 2 * MARGIN_PX,
  };
}

/** Render strokes inside `inkBox` (pad coordinates, the pen's full extent) with a pen `inkWidth` pad pixels wide. */
export function renderCharacter(strokes: readonly Stroke[], inkBox: Box, inkWidth: number, size = RENDER_SIZE): GreyImage {
  return renderWith(strokes, renderTransform(inkBox, size), inkWidth);
}

export function renderWith(strokes: readonly Stroke[], tf: RenderTransform, inkWidth: number): GreyImage {
  const ink = new Float32Array(tf.width * tf.height);
  const toPx = (p: StrokePoint) => ({
    x: (p.x - tf.originX) * tf.scale,
    y: (p.y - tf.originY) * tf.scale,
    r: Math.max(MIN_RADIUS_PX, penRadius(p, inkWidth) * tf.scale),
  });
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    let a = toPx(stroke[0]);
    if (stroke.length === 1) stampCapsule(ink, tf.width, tf.height, a, a);
    for (let i = 1; i < stroke.length; i++) {
      const b = toPx(stroke[i]);
      stampCapsule(ink, tf.width, tf.height, a, b);
      a = b;
    }
  }
  const image = createGreyImage(tf.width, tf.height);
  for (let i = 0; i < ink.length; i++) image.data[i] = Math.round(255 * (1 - ink[i]));
  return image;
}

interface PenPoint {
  x: number;
  y: number;
  r: number;
}

/** Max-composite a capsule from a to b (radius interpolated along it) with a one-pixel soft edge. */
function stampCapsule(ink: Float32Array, w: number, h: number, a: PenPoint, b: PenPoint): void {
  const rMax = Math.max(a.r, b.r) + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - rMax));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(a.x, b.x) + rMax));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - rMax));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(a.y, b.y) + rMax));
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      let t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = a.x + t * dx - px, ey = a.y + t * dy - py;
      const d = Math.sqrt(ex * ex + ey * ey);
      const r = a.r + t * (b.r - a.r);
      const cover = r + 0.5 - d;
      if (cover <= 0) continue;
      const v = cover >= 1 ? 1 : cover;
      const i = y * w + x;
      if (v > ink[i]) ink[i] = v;
    }
  }
}
