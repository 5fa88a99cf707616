/**
 * Hershey stroke fonts (Debian hershey-fonts-data, plain-text .jhf): the centre line of each glyph
 * as pen strokes, which is what a person draws on the pad.
 *
 * Record format: columns 1-5 a number, 6-8 the count of coordinate pairs (including the bounds
 * pair), then the pairs, each value = char code - code of 'R'; the first pair is the left and right
 * bound; ' R' lifts the pen. A record may continue on following lines when it is long, so records are
 * read by their declared length, not by line. Glyphs are in ASCII order from space.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HERSHEY_DIR } from './fonts';

export interface Point {
  x: number;
  y: number;
}

/** A glyph: pen-down polylines in font units, y downward. */
export interface HersheyGlyph {
  readonly left: number;
  readonly right: number;
  readonly strokes: Point[][];
}

export interface HersheyFont {
  readonly id: string;
  /** Glyphs by character, printable ASCII from ' '. */
  readonly glyphs: ReadonlyMap<string, HersheyGlyph>;
  /** y of the baseline and of the x-height line, measured from the glyph 'x'. */
  readonly baseline: number;
  readonly xHeightTop: number;
}

const R = 'R'.charCodeAt(0);

export function parseJhf(text: string): HersheyGlyph[] {
  const lines = text.split(/\r?\n/);
  const glyphs: HersheyGlyph[] = [];
  let i = 0;
  while (i < lines.length) {
    let line = lines[i++];
    if (line.trim() === '') continue;
    const count = Number.parseInt(line.slice(5, 8), 10);
    if (!Number.isFinite(count) || count < 1) throw new Error(`Bad Hershey record at line ${i}: '${line.slice(0, 20)}'`);
    let body = line.slice(8);
    // Continuation lines carry the rest of a long record.
    while (body.length < count * 2 && i < lines.length) body += lines[i++];
    if (body.length < count * 2) throw new Error(`Truncated Hershey record at line ${i}.`);
    const left = body.charCodeAt(0) - R;
    const right = body.charCodeAt(1) - R;
    const strokes: Point[][] = [];
    let current: Point[] = [];
    for (let k = 1; k < count; k++) {
      const a = body[2 * k];
      const b = body[2 * k + 1];
      if (a === ' ' && b === 'R') {
        if (current.length) strokes.push(current);
        current = [];
        continue;
      }
      current.push({ x: a.charCodeAt(0) - R, y: b.charCodeAt(0) - R });
    }
    if (current.length) strokes.push(current);
    glyphs.push({ left, right, strokes });
  }
  return glyphs;
}

const cache = new Map<string, HersheyFont>();

export function loadHersheyFont(id: string, dir = HERSHEY_DIR): HersheyFont {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = path.join(dir, `${id}.jhf`);
  if (!fs.existsSync(file)) throw new Error(`Hershey font missing: ${file} (vendored under training/data/hershey).`);
  const list = parseJhf(fs.readFileSync(file, 'latin1'));
  const glyphs = new Map<string, HersheyGlyph>();
  list.forEach((g, k) => glyphs.set(String.fromCharCode(32 + k), g));
  const x = glyphs.get('x');
  if (!x) throw new Error(`Hershey font ${id} has no 'x'.`);
  const ys = x.strokes.flat().map((p) => p.y);
  const font = { id, glyphs, baseline: Math.max(...ys), xHeightTop: Math.min(...ys) };
  cache.set(id, font);
  return font;
}
