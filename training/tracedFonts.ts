/**
 * A handwriting font family turned into pen strokes: each glyph is rendered large, thinned to its
 * centre line, and the centre line traced into polylines in a writing order (strokes starting at
 * their top-left end first, loops last). The result has the shape of a Hershey font, so the same
 * line writer (training/hersheyLines.ts) writes words with it as a person writes on the pad. Used by
 * bench/padAccuracy.ts to write with held-out families, whose hands the model has never seen.
 */
import { createCanvas } from '@napi-rs/canvas';
import { CODE_CHARACTERS } from '../core/labels';
import { familyDraws, FontFamily, registerFamily } from './fonts';
import { HersheyFont, HersheyGlyph, Point } from './hershey';
import { inkFromCanvas, thin, withDotsKept } from './inkOps';

const SIZE = 220;
const BASELINE = 160;
const ORIGIN_X = 50;
/** Cap height of the renders, in pixels: large enough that thinning keeps the glyph's topology. */
const CAP = 64;

const cache = new Map<string, HersheyFont>();

export function traceFamily(family: FontFamily, chars: string = CODE_CHARACTERS): HersheyFont {
  const key = `${family.id}|${chars}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const metrics = registerFamily(family);
  const px = CAP / metrics.capPerPx;
  const canvas = createCanvas(SIZE, SIZE);
  const ctx = canvas.getContext('2d');
  ctx.font = `${px.toFixed(2)}px "${metrics.fontName}"`;
  const glyphs = new Map<string, HersheyGlyph>();
  for (const ch of chars) {
    // A symbol the family lacks or draws as something else (vetted on the symbol contact sheet) is left out.
    if (!familyDraws(family.id, ch)) continue;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = '#000';
    ctx.fillText(ch, ORIGIN_X, BASELINE);
    const ink = inkFromCanvas(ctx, SIZE, SIZE);
    const strokes = traceSkeleton(withDotsKept(thin(ink), ink), SIZE, SIZE);
    if (strokes.length === 0) continue;
    // Bounds from the font's advance, as Hershey's are: the family's own letter spacing.
    glyphs.set(ch, { left: ORIGIN_X, right: ORIGIN_X + ctx.measureText(ch).width, strokes });
  }
  const font: HersheyFont = { id: `traced:${family.id}`, glyphs, baseline: BASELINE, xHeightTop: BASELINE - px * metrics.xPerPx };
  cache.set(key, font);
  return font;
}

const NEIGHBOURS: readonly [number, number][] = [
  [0, -1], [1, 0], [0, 1], [-1, 0], // 4-connected first: a walk follows the line, not its corners
  [1, -1], [1, 1], [-1, 1], [-1, -1],
];

/**
 * Polylines along a one-pixel skeleton. Walks start at end points (top-left first), then in what is
 * left (closed loops); spurs shorter than a few pixels that hang off a junction are dropped, isolated
 * dots are kept (the dot of an i). Points are every second pixel.
 */
export function traceSkeleton(skel: Uint8Array, width: number, height: number): Point[][] {
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && skel[y * width + x] === 1;
  const degree = (x: number, y: number) => NEIGHBOURS.reduce((n, [dx, dy]) => n + (on(x + dx, y + dy) ? 1 : 0), 0);
  const visited = new Uint8Array(width * height);
  const ends: [number, number][] = [];
  const rest: [number, number][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!on(x, y)) continue;
      (degree(x, y) <= 1 ? ends : rest).push([x, y]);
    }
  }
  const byWritingOrder = (a: [number, number], b: [number, number]) => a[1] + 0.5 * a[0] - (b[1] + 0.5 * b[0]);
  ends.sort(byWritingOrder);
  rest.sort(byWritingOrder);
  const strokes: Point[][] = [];
  const walk = (sx: number, sy: number) => {
    const path: [number, number][] = [[sx, sy]];
    visited[sy * width + sx] = 1;
    let [x, y] = [sx, sy];
    let touchedJunction = degree(sx, sy) >= 3;
    for (;;) {
      const open = NEIGHBOURS.filter(([dx, dy]) => on(x + dx, y + dy) && !visited[(y + dy) * width + x + dx]);
      let next: [number, number] | undefined = open.length ? [x + open[0][0], y + open[0][1]] : undefined;
      // Where the line branches (a crossing: t, +, x, f), go on in the direction the pen was going, as a
      // hand draws a crossing stroke straight through; the other branch is walked later and ends on it.
      const branches = open.some(([ax, ay]) => open.some(([bx, by]) => Math.max(Math.abs(ax - bx), Math.abs(ay - by)) > 1));
      if (branches && path.length >= 4) {
        const [hx, hy] = [x - path[path.length - 4][0], y - path[path.length - 4][1]];
        const along = ([dx, dy]: [number, number]) => (dx * hx + dy * hy) / Math.hypot(dx, dy);
        const [bx, by] = open.reduce((best, d) => (along(d) > along(best) ? d : best));
        next = [x + bx, y + by];
      }
      if (!next) {
        // Join the line this one runs into (a stroke ending on another stroke), so no gap opens.
        for (const [dx, dy] of NEIGHBOURS) {
          const [nx, ny] = [x + dx, y + dy];
          const prev = path[path.length - 2];
          if (on(nx, ny) && (!prev || prev[0] !== nx || prev[1] !== ny) && path.length > 1) {
            path.push([nx, ny]);
            touchedJunction = true;
            break;
          }
        }
        break;
      }
      visited[next[1] * width + next[0]] = 1;
      if (degree(next[0], next[1]) >= 3) touchedJunction = true;
      path.push(next);
      [x, y] = next;
    }
    // A short spur left by thinning a thick outline: drop it; a short isolated piece is a dot: keep it.
    if (path.length < 6 && touchedJunction) return;
    strokes.push(path.filter((_, i) => i % 2 === 0 || i === path.length - 1).map(([px, py]) => ({ x: px, y: py })));
  };
  for (const [x, y] of ends) if (!visited[y * width + x]) walk(x, y);
  for (const [x, y] of rest) if (!visited[y * width + x]) walk(x, y);
  return strokes;
}
