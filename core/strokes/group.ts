/**
 * Groups clean strokes into characters, lines and spaces, the way a reader would.
 *
 * - Lines: horizontal bands of the writing, top to bottom (lines.ts).
 * - Characters: strokes that overlap, cross or meet make one letter; dots join the letter below (characters.ts).
 * - Each line's frame (baseline, x-height) from its letters' sizes (lineFrame.ts).
 * - Spaces: the wide group of the line's own gaps, or gaps wide against its letter size (gaps.ts, spaces.ts).
 *
 * All sizes are relative to the writing itself, so the same word written large or small groups alike.
 */
import { Box } from '../image';
import { estimateLineFrame, PadLineFrame } from './lineFrame';
import { facingGap } from './gaps';
import { clipToColumn, groupLine } from './characters';
import { findLines } from './lines';
import { findSpaces } from './spaces';
import { median } from '../stats';
import { estimateSlant, shear } from './slant';
import { StrokePoint, boundsOf, quantile, unionBounds } from './types';

export interface GroupOptions {
  /** Pen width in pad pixels (the ink width setting); default 4. */
  readonly inkWidth?: number;
  /**
   * When a line's gaps do not fall into letter gaps and word gaps (one gap, or all alike), a gap wider
   * than this times the line's x-height (or ~0.75 of its letter height) is a space; default 0.9.
   */
  readonly spaceFactor?: number;
  /**
   * The pad's ruled line (baseline and x-height, pad coordinates), when it draws one. Used for a line
   * whose own letters show no frame (a lone character, letters of one height) if that line sits on
   * it: then a lone 'c' written at the guide's x-height reads small and a 'C' reads tall.
   */
  readonly guide?: PadLineFrame;
  /** Several ruled lines (a pad with room for more than one line): each line of writing uses the nearest. */
  readonly guides?: readonly PadLineFrame[];
}

export interface CharacterGroup {
  /** Indices of the strokes forming this character, in writing order. */
  readonly strokeIndices: number[];
  /**
   * The centre lines drawn for this character, stood upright when the line leans (see slant.ts): its
   * strokes, except that a crossbar shared with a neighbour ('tt') is cut at the gap between them, so
   * each letter holds its part (and the bar's index is in both characters' strokeIndices).
   */
  readonly parts: readonly (readonly StrokePoint[])[];
  /** For each of `parts`, the index of the stroke it comes from. */
  readonly partStrokes: readonly number[];
  /** Pen extent of all its strokes as drawn, pad coordinates (right/bottom exclusive like every Box). */
  readonly box: Box;
  /** Pen extent of `parts` without attached marks (the i without its dot): what size against neighbours uses. */
  readonly bodyBox: Box;
  /** Which line (0 = top). */
  readonly line: number;
  /** Made only of small marks (. , ' - :): it takes no part in the line estimate. */
  readonly mark: boolean;
}

export interface WritingLine {
  /** Baseline and x-height in pad coordinates, when the line's letters show them. */
  readonly frame?: PadLineFrame;
  /** Indices into `characters` of this line's characters, left to right. */
  readonly characterIndices: number[];
  /** Typical letter size of the line (upper quartile of letter heights, pen centre line, pad px). */
  readonly letterSize: number;
  /** The line's slant (slant.ts): 0 for upright writing; `parts` are deslanted by it. */
  readonly slant: number;
}

export interface Grouping {
  /** Characters in reading order: lines top to bottom, each left to right. */
  readonly characters: CharacterGroup[];
  /** spaceBefore[i]: a word gap precedes character i on its line (false for a line's first). */
  readonly spaceBefore: boolean[];
  /** lineBreakBefore[i]: character i starts a new line (false for the very first). */
  readonly lineBreakBefore: boolean[];
  readonly lines: WritingLine[];
}

/** Segments measured for the slant: an eighth of the typical stroke size, longer than a pen's tremor. */
const SLANT_STEP = 0.125;

/** The pad's default ink width setting (inkwell.inkWidth). */
export const DEFAULT_INK_WIDTH = 4;
const DEFAULT_SPACE_FACTOR = 0.9;
/** A stroke whose larger side is under this share of the typical stroke size is a mark (dot, comma). */
const SMALL_MARK = 0.3;
/**
 * How much of the paper hidden by an overhang (a 'y' tail under the next letter, a 'T' bar over it)
 * counts towards a gap: half, measured best on Hershey-drawn lines (all of it splits loose writing).
 */
const FACING_SHARE = 0.5;
/** A stroke no taller than this share of its width is a bar. */
const FLAT_BAR = 0.35;

/** Group already-sanitised strokes (every stroke non-empty, finite). Indices refer to `strokes`. */
export function groupCleanStrokes(strokes: readonly (readonly StrokePoint[])[], options: GroupOptions = {}): Grouping {
  const inkWidth = options.inkWidth !== undefined && options.inkWidth > 0 && Number.isFinite(options.inkWidth) ? options.inkWidth : DEFAULT_INK_WIDTH;
  const spaceFactor = options.spaceFactor !== undefined && options.spaceFactor > 0 && Number.isFinite(options.spaceFactor) ? options.spaceFactor : DEFAULT_SPACE_FACTOR;
  const r = inkWidth / 2;
  const n = strokes.length;
  if (n === 0) return { characters: [], spaceBefore: [], lineBreakBefore: [], lines: [] };

  // Working strokes: the input, then the parts of crossbars cut between letters (origin: whose part).
  const work: (readonly StrokePoint[])[] = strokes.slice();
  const origin = strokes.map((_, i) => i);
  const bounds = work.map(boundsOf);
  const extent = bounds.map((b) => Math.max(b.right - b.left, b.bottom - b.top));
  // Typical stroke size: upper quartile, so dots and bars do not drag it down.
  const ref = Math.max(quantile(extent, 0.75), inkWidth);
  const small = extent.map((e) => e < SMALL_MARK * ref);

  const bands = findLines(bounds, small, ref);
  const characters: CharacterGroup[] = [];
  /** Each character's pen extent in the upright coordinates its line was grouped in (gaps are measured there). */
  const uprightBoxes: Box[] = [];
  const lines: WritingLine[] = [];
  bands.forEach((members, lineIndex) => {
    // Leaning letters overlap in x: group them stood upright, then report boxes as drawn.
    const slant = estimateSlant(members.filter((i) => !small[i]).map((i) => work[i]), SLANT_STEP * ref);
    const y0 = median(members.map((i) => bounds[i].bottom));
    if (slant !== 0) {
      for (const i of members) {
        work[i] = shear(work[i], slant, y0);
        bounds[i] = boundsOf(work[i]);
      }
    }
    const drawnBounds = (i: number) => (slant === 0 ? bounds[i] : boundsOf(shear(work[i], -slant, y0)));
    const { groups, shared } = groupLine(members, work, bounds, small, ref, r);
    for (const bar of shared) {
      const edges = [-Infinity, ...bar.cuts, Infinity];
      bar.letters.forEach((letter, k) => {
        const target = groups.find((g) => g.includes(letter));
        for (const part of clipToColumn(work[bar.bar], edges[k], edges[k + 1])) {
          work.push(part);
          bounds.push(boundsOf(part));
          small.push(false);
          origin.push(bar.bar);
          target?.push(work.length - 1);
        }
      });
    }
    const chars = groups.map((g) => {
      const body = g.filter((i) => !small[i]);
      const centre = unionBounds((body.length ? body : g).map((i) => bounds[i]));
      return {
        strokeIndices: [...new Set(g.map((i) => origin[i]))].sort((a, b) => a - b),
        parts: g.map((i) => work[i]),
        partStrokes: g.map((i) => origin[i]),
        box: inflate(unionBounds(g.map(drawnBounds)), r),
        uprightBox: inflate(unionBounds(g.map((i) => bounds[i])), r),
        bodyBox: inflate(centre, r),
        centre,
        line: lineIndex,
        mark: body.length === 0,
        // A mark over the body: the dot of an i or j.
        dotted: body.length > 0 && g.some((i) => small[i] && bounds[i].bottom <= centre.top),
        // Every stroke a bar: - = _ (a ~ or an m is taller for its width).
        flat: body.length > 0 && body.every((i) => bounds[i].bottom - bounds[i].top <= FLAT_BAR * (bounds[i].right - bounds[i].left)),
      };
    });
    chars.sort((a, b) => a.bodyBox.left + a.bodyBox.right - (b.bodyBox.left + b.bodyBox.right));
    // Pen centre lines, as training measures its frames (Hershey centre lines, font metrics).
    const lettersOfLine = chars.filter((c) => !c.mark);
    const bodies = lettersOfLine.map((c) => c.centre);
    const frame = estimateLineFrame(bodies, lettersOfLine.map((c) => c.dotted), lettersOfLine.map((c) => c.flat)) ?? guideFor(bodies, options.guides ?? (options.guide ? [options.guide] : []));
    const start = characters.length;
    characters.push(...chars.map(({ centre: _centre, uprightBox: _upright, dotted: _dotted, flat: _flat, ...c }) => c));
    uprightBoxes.push(...chars.map((c) => c.uprightBox));
    const sizes = (bodies.length ? bodies : chars.map((c) => c.centre)).map((b) => Math.max(b.bottom - b.top, 0.5 * (b.right - b.left)));
    lines.push({ frame, characterIndices: chars.map((_, k) => start + k), letterSize: quantile(sizes, 0.75), slant });
  });

  const spaceBefore = characters.map(() => false);
  const lineBreakBefore = characters.map((c, i) => i > 0 && c.line !== characters[i - 1].line);
  for (const line of lines) {
    const idx = line.characterIndices;
    const letters = idx.map((i) => characters[i]).filter((c) => !c.mark);
    const size = line.frame?.xHeight ?? 0.75 * median(letters.map((c) => c.bodyBox.bottom - c.bodyBox.top));
    const unit = Number.isFinite(size) && size > 0 ? size : ref;
    // Rows an eighth of the letter size high: fine enough to see past a descender, coarse enough to
    // ignore the pen's wobble.
    const band = line.letterSize / 8;
    const inkOf = (i: number) => characters[i].parts;
    const gaps = idx.slice(1).map((i, k) => {
      const boxGap = uprightBoxes[i].left - uprightBoxes[idx[k]].right;
      const facing = facingGap(inkOf(idx[k]), inkOf(i), band, 2 * r, boxGap);
      return boxGap + FACING_SHARE * Math.max(0, facing - boxGap);
    });
    findSpaces(gaps, unit, spaceFactor).forEach((space, k) => (spaceBefore[idx[k + 1]] = space));
  }
  return { characters, spaceBefore, lineBreakBefore, lines };
}

/** The nearest ruled line as this line's frame when the line's letters stand on it (bottoms within half an x-height). */
function guideFor(bodies: readonly Box[], guides: readonly PadLineFrame[]): PadLineFrame | undefined {
  if (bodies.length === 0) return undefined;
  const bottom = median(bodies.map((b) => b.bottom));
  const usable = guides.filter((g) => g.xHeight > 0 && Number.isFinite(g.baseline));
  const guide = usable.sort((a, b) => Math.abs(a.baseline - bottom) - Math.abs(b.baseline - bottom))[0];
  if (!guide) return undefined;
  return Math.abs(bottom - guide.baseline) <= 0.5 * guide.xHeight ? { baseline: guide.baseline, xHeight: guide.xHeight } : undefined;
}

function inflate(b: Box, r: number): Box {
  return { left: b.left - r, top: b.top - r, right: b.right + r, bottom: b.bottom + r };
}
