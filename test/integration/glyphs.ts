// Known characters as a person draws them: pen strokes in a unit box (x right, y down, 0..1), in writing
// order. The UI tests draw them on the pad; the image-file tests render them into PNG files. One source,
// so both paths read the same handwriting.

export type Point = readonly [number, number];
export type GlyphStrokes = readonly (readonly Point[])[];

export const glyphs: Readonly<Record<string, GlyphStrokes>> = {
  L: [[[0.2, 0], [0.2, 1], [0.85, 1]]],
  T: [[[0, 0], [1, 0]], [[0.5, 0], [0.5, 1]]],
  E: [[[0.85, 0], [0.15, 0], [0.15, 1], [0.85, 1]], [[0.15, 0.5], [0.7, 0.5]]],
  H: [[[0.15, 0], [0.15, 1]], [[0.85, 0], [0.85, 1]], [[0.15, 0.5], [0.85, 0.5]]],
  F: [[[0.85, 0], [0.15, 0], [0.15, 1]], [[0.15, 0.48], [0.7, 0.48]]],
  A: [[[0.05, 1], [0.5, 0], [0.95, 1]], [[0.25, 0.6], [0.75, 0.6]]],
  '4': [[[0.7, 1], [0.7, 0], [0.05, 0.68], [0.95, 0.68]]],
  '7': [[[0.08, 0], [0.92, 0], [0.35, 1]]],
  '1': [[[0.25, 0.2], [0.55, 0]], [[0.55, 0], [0.55, 1]]],
  // A writer's own 'k' in a shape no training hand gives it (a closed triangle with a tail): the
  // profile tests teach it.
  '△': [[[0, 1], [0.42, 0], [0.84, 1], [0, 1]], [[0.84, 1], [1, 0.75]]],
  // c and C are one shape; only their size against the writing line tells them apart.
  c: [openArc()],
  C: [openArc()],
};

/** An arc open to the right, drawn from its top end anticlockwise, as a 'c' is written. */
function openArc(): Point[] {
  const points: Point[] = [];
  for (let deg = -50; deg >= -310; deg -= 10) {
    const a = (deg * Math.PI) / 180;
    points.push([0.55 + 0.45 * Math.cos(a), 0.5 + 0.5 * Math.sin(a)]);
  }
  return points;
}

/** A word laid out on one line: each glyph in a box `size` high and 0.7*size wide, `gap` apart. */
export function layoutWord(word: string, origin: Point, size: number, gap = size * 0.35): Point[][] {
  const strokes: Point[][] = [];
  let x = origin[0];
  for (const char of word) {
    const glyph = glyphs[char];
    if (!glyph) throw new Error(`no strokes for '${char}' in test/integration/glyphs.ts`);
    const width = size * 0.7;
    for (const stroke of glyph) strokes.push(densify(stroke.map(([gx, gy]) => [x + gx * width, origin[1] + gy * size] as Point), size / 20));
    x += width + gap;
  }
  return strokes;
}

/** Points every `step` along each segment, like the pointer moves a real pen produces. */
export function densify(stroke: readonly Point[], step: number): Point[] {
  const out: Point[] = [stroke[0]];
  for (let i = 1; i < stroke.length; i++) {
    const [x0, y0] = stroke[i - 1];
    const [x1, y1] = stroke[i];
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}

/** Grey pixels (255 paper, 0 ink) of strokes drawn with a round pen of `penWidth`. */
export function rasterize(strokes: readonly (readonly Point[])[], width: number, height: number, penWidth: number): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(255);
  const r = penWidth / 2;
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.length; i++) {
      const [x0, y0] = stroke[i - 1];
      const [x1, y1] = stroke[i];
      const minX = Math.max(0, Math.floor(Math.min(x0, x1) - r));
      const maxX = Math.min(width - 1, Math.ceil(Math.max(x0, x1) + r));
      const minY = Math.max(0, Math.floor(Math.min(y0, y1) - r));
      const maxY = Math.min(height - 1, Math.ceil(Math.max(y0, y1) + r));
      const dx = x1 - x0;
      const dy = y1 - y0;
      const len2 = dx * dx + dy * dy || 1;
      for (let y = minY; y <= maxY; y++) {
        for (let x = minX; x <= maxX; x++) {
          const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
          const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
          if (d <= r) pixels[y * width + x] = 0;
        }
      }
    }
  }
  return pixels;
}

/**
 * Characters of a line of code as a person writes them, in line units: x right from the character's
 * left edge, y down from the baseline (the x-height at y = -1, capitals and ascenders reach -1.45,
 * descenders 0.45). Where a mark sits on the line is part of what it is (',' under the baseline,
 * '=' about half the x-height up), so these carry their own place instead of filling a box.
 */
export interface LineGlyph {
  readonly width: number;
  readonly strokes: GlyphStrokes;
}

export const lineGlyphs: Readonly<Record<string, LineGlyph>> = {
  x: { width: 0.6, strokes: [[[0, -1], [0.6, 0]], [[0.6, -1], [0, 0]]] },
  '=': { width: 0.65, strokes: [[[0, -0.72], [0.65, -0.72]], [[0, -0.3], [0.65, -0.3]]] },
  f: { width: 0.55, strokes: [[[0.6, -1.3], [0.45, -1.45], [0.3, -1.42], [0.22, -1.25], [0.22, 0]], [[0, -0.95], [0.5, -0.95]]] },
  '(': { width: 0.3, strokes: [arc(0.45, -0.55, 0.45, 0.95, 240, 120)] },
  ')': { width: 0.3, strokes: [arc(-0.15, -0.55, 0.45, 0.95, -60, 60)] },
  a: { width: 0.62, strokes: [[...arc(0.3, -0.5, 0.3, 0.5, -30, -330), [0.6, -1], [0.6, 0]]] },
  b: { width: 0.6, strokes: [[[0, -1.45], [0, 0]], arc(0.3, -0.5, 0.3, 0.5, 180, -180)] },
  ',': { width: 0.12, strokes: [[[0.1, -0.08], [0.1, 0.05], [0.0, 0.32]]] },
  // One plain bar as tall as a capital: l, 1, I and | are all this shape; only context tells them apart.
  '|': { width: 0.15, strokes: [[[0.08, -1.45], [0.08, 0]]] },
  ';': { width: 0.12, strokes: [[[0.08, -0.72], [0.1, -0.7]], [[0.1, -0.08], [0.1, 0.05], [0.0, 0.32]]] },
};

/** Points on an elliptical arc from `fromDeg` to `toDeg` (y down, so positive angles turn clockwise on screen). */
function arc(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number): Point[] {
  const points: Point[] = [];
  const steps = Math.max(2, Math.ceil(Math.abs(toDeg - fromDeg) / 15));
  for (let k = 0; k <= steps; k++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * k) / steps) * Math.PI) / 180;
    points.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return points;
}

/**
 * A line of code on the pad: characters standing on `baseline` (canvas px) with the given x-height,
 * a quarter x-height between characters and one x-height for a space.
 */
export function layoutLine(text: string, x0: number, baseline: number, xHeight: number): Point[][] {
  const strokes: Point[][] = [];
  let x = x0;
  for (const char of text) {
    if (char === ' ') {
      x += xHeight;
      continue;
    }
    const glyph = lineGlyphs[char];
    if (!glyph) throw new Error(`no line strokes for '${char}' in test/integration/glyphs.ts`);
    for (const stroke of glyph.strokes) strokes.push(densify(stroke.map(([gx, gy]) => [x + gx * xHeight, baseline + gy * xHeight] as Point), xHeight / 12));
    x += (glyph.width + 0.28) * xHeight;
  }
  return strokes;
}
