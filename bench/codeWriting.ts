/**
 * The code bench's pad lines as written: each line by the next font of its group that can write it,
 * as pen strokes on the pad's ruled line, one seeded generator for the whole group (so a line's strokes
 * depend on the lines before it). The bench (bench/code.ts) and the tests read the same strokes.
 */
import type { Stroke } from '../core/strokes';
import { HersheyFont } from '../training/hershey';
import { writeHersheyWords } from '../training/hersheyLines';
import { lcg } from '../training/prng';
import { RANGES, TRACED_RANGES } from './padLines';

export interface WrittenCodeLine {
  readonly line: string;
  readonly font: HersheyFont;
  readonly strokes: Stroke[];
  readonly inkWidth: number;
  /** The pad's ruled line: a line whose own letters give no frame ('x = a', all x-high) uses it. */
  readonly guide: { readonly baseline: number; readonly xHeight: number };
}

/** Lines a font can write (a traced family may lack a symbol it draws as something else). */
function writable(font: HersheyFont, line: string): boolean {
  return [...line.replace(/ /g, '')].every((c) => font.glyphs.has(c));
}

/** `lines` written by `fonts` in turn (traced families or Hershey fonts), seeded; a line no font can write is left out. */
export function writeCodeLines(fonts: readonly HersheyFont[], lines: readonly string[], traced: boolean, seed: number): WrittenCodeLine[] {
  const rnd = lcg(seed);
  const ranges = traced ? TRACED_RANGES : RANGES;
  return lines.flatMap((line, i) => {
    const font = [...fonts.slice(i % fonts.length), ...fonts].find((f) => writable(f, line));
    if (!font) return [];
    const w = writeHersheyWords(font, line.split(' '), ranges, rnd);
    return [{ line, font, strokes: w.strokes, inkWidth: w.inkWidth, guide: { baseline: ranges.baselineY, xHeight: w.xHeight } }];
  });
}
