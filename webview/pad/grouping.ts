/**
 * Strokes to character images for recognition.
 *
 * TEMPORARY: a plain x-overlap grouping and canvas rendering until core/strokes' groupStrokes
 * lands; then this file becomes a thin call into it.
 */
import { GreyImage, greyFromRgba } from '../../core/image';
import { LineFrame } from '../../core/preprocess';
import { PadStroke } from './document';

export interface CharacterGroup {
  /** Ids of the strokes in this character (the key of a candidate choice). */
  readonly key: string;
  readonly image: GreyImage;
  readonly frame?: LineFrame;
  /** Pad coordinates of the character's ink. */
  readonly box: { left: number; top: number; right: number; bottom: number };
  /** A space comes before this character (a wide gap). */
  readonly spaceBefore: boolean;
}

interface Span {
  ids: number[];
  strokes: PadStroke[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function groupCharacters(strokes: readonly PadStroke[], inkWidth: number): CharacterGroup[] {
  const spans = strokes
    .filter((s) => s.points.length > 0)
    .map((s): Span => {
      const xs = s.points.map((p) => p.x);
      const ys = s.points.map((p) => p.y);
      return { ids: [s.id], strokes: [s], left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    })
    .sort((a, b) => a.left - b.left);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    const overlap = last ? Math.min(last.right, s.right) - Math.max(last.left, s.left) : -1;
    const narrower = last ? Math.max(1, Math.min(last.right - last.left, s.right - s.left)) : 1;
    if (last && overlap >= 0.3 * narrower) {
      last.ids.push(...s.ids);
      last.strokes.push(...s.strokes);
      last.left = Math.min(last.left, s.left);
      last.right = Math.max(last.right, s.right);
      last.top = Math.min(last.top, s.top);
      last.bottom = Math.max(last.bottom, s.bottom);
    } else merged.push(s);
  }
  const heights = merged.map((m) => m.bottom - m.top).sort((a, b) => a - b);
  const typical = Math.max(8, heights[heights.length >> 1] ?? 8);
  return merged.map((m, i) => ({
    key: m.ids.sort((a, b) => a - b).join(','),
    image: render(m, inkWidth),
    box: { left: m.left, top: m.top, right: m.right, bottom: m.bottom },
    spaceBefore: i > 0 && m.left - merged[i - 1].right > 0.6 * typical,
  }));
}

function render(span: Span, inkWidth: number): GreyImage {
  const pad = inkWidth * 2 + 2;
  const w = Math.ceil(span.right - span.left + 2 * pad);
  const h = Math.ceil(span.bottom - span.top + 2 * pad);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D canvas for rendering strokes.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = inkWidth;
  for (const s of span.strokes) {
    const pts = s.points.map((p) => ({ x: p.x - span.left + pad, y: p.y - span.top + pad }));
    ctx.beginPath();
    if (pts.length === 1) {
      ctx.arc(pts[0].x, pts[0].y, inkWidth / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.moveTo(pts[0].x, pts[0].y);
    for (const p of pts.slice(1)) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
  return greyFromRgba(ctx.getImageData(0, 0, w, h).data, w, h);
}
