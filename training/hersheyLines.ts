/**
 * Lines of words written as pen strokes with a Hershey stroke font, the way a person writes on the
 * pad: seeded variation in size, slant, baseline, letter and word spacing, pen width and pointer
 * noise. Used by the pad-path benchmark (bench/padAccuracy.ts) and the stroke-grouping tests, each
 * with its own ranges; the ground truth says which strokes make each character.
 */
import { HersheyFont, Point } from './hershey';

type Range = readonly [number, number];

export interface LineRanges {
  /** x-height in pad pixels. */
  readonly xHeight: Range;
  /** Horizontal shift per pixel of height (italic writing leans right). */
  readonly slant: Range;
  readonly inkWidth: Range;
  /** Gap before each word after the first, in x-heights. */
  readonly wordGap: Range;
  /** Gap after each character, in x-heights. */
  readonly letterGap: Range;
  /** Per-character scale. */
  readonly charScale: Range;
  /** Per-character baseline shift, in x-heights. */
  readonly baselineShift: Range;
  /** y of the baseline on the pad. */
  readonly baselineY: number;
}

export interface WrittenLine {
  /** The words joined by single spaces. */
  readonly text: string;
  readonly strokes: Point[][];
  /** Per character (spaces excluded): the indices of its strokes. */
  readonly characters: number[][];
  /** Per character: whether a space comes before it. */
  readonly spaceBefore: boolean[];
  readonly inkWidth: number;
  /** The x-height the line was written at (pad px), on the baseline `ranges.baselineY`. */
  readonly xHeight: number;
}

/** Writes `wordCount` words drawn from `vocab` with `font`; `rnd` supplies every random choice. */
export function writeHersheyLine(font: HersheyFont, vocab: readonly string[], ranges: LineRanges, rnd: () => number, wordCount = 3): WrittenLine {
  const words = Array.from({ length: wordCount }, () => vocab[Math.floor(rnd() * vocab.length)]);
  return writeHersheyWords(font, words, ranges, rnd);
}

/** Writes the given words (e.g. a line of code split at its spaces) with `font`. */
export function writeHersheyWords(font: HersheyFont, words: readonly string[], ranges: LineRanges, rnd: () => number): WrittenLine {
  const between = ([a, b]: Range) => a + (b - a) * rnd();
  const xh = between(ranges.xHeight);
  const unit = xh / (font.baseline - font.xHeightTop);
  const slant = between(ranges.slant);
  const inkWidth = between(ranges.inkWidth);
  const strokes: Point[][] = [];
  const characters: number[][] = [];
  const spaceBefore: boolean[] = [];
  const noise: Range = [-0.4, 0.4];
  let x = 20;
  words.forEach((word, wi) => {
    if (wi > 0) x += xh * between(ranges.wordGap);
    [...word].forEach((c, ci) => {
      const g = font.glyphs.get(c);
      if (!g) throw new Error(`${font.id} has no '${c}'`);
      const size = between(ranges.charScale);
      const dy = between(ranges.baselineShift) * xh;
      const mine: number[] = [];
      for (const st of g.strokes) {
        mine.push(strokes.length);
        strokes.push(
          st.map((p) => {
            const px = (p.x - g.left) * unit * size, py = (p.y - font.baseline) * unit * size;
            return { x: x + px - py * slant + between(noise), y: ranges.baselineY + py + dy + between(noise) };
          }),
        );
      }
      characters.push(mine);
      spaceBefore.push(wi > 0 && ci === 0);
      x += (g.right - g.left) * unit * size + between(ranges.letterGap) * xh;
    });
  });
  return { text: words.join(' '), strokes, characters, spaceBefore, inkWidth, xHeight: xh };
}
