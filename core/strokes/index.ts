/**
 * Pad strokes -> character images with their writing line: the part of recognition that only the
 * drawing pad needs. Platform-neutral (no DOM, no Node).
 *
 * API
 *   strokesToCharacters(strokes, options?) -> StrokeCharacters
 *     strokes: StrokePoint[][] in pad coordinates (CSS pixels, y down), one array per pen-down..pen-up,
 *              in writing order. Hostile input is defended against: non-finite points and empty strokes
 *              are dropped, work is bounded (STROKE_LIMITS); more than STROKE_LIMITS.maxStrokes strokes,
 *              or a non-array, throws StrokeInputError. No strokes (or none left) -> no characters.
 *     options: { inkWidth?: pen width in pad px (default 4, the setting's default); the images use it
 *                           kept within 4.5%..15% of the line's letter size (classifierPenWidth),
 *                spaceFactor?: word gap in x-heights when a line's gaps do not split into letter and
 *                              word gaps (default 0.9),
 *                guide?: { baseline, xHeight } the pad's ruled line in pad px (guides?: several; each line of
 *                        writing uses the nearest), for lines (a lone
 *                        character) whose letters show no frame of their own,
 *                renderSize?: longer ink side of each rendered character in px (64) }
 *     returns, in reading order (lines top to bottom, each left to right):
 *       characters[i].image         GreyImage, dark ink on white, ready for normalizeCharacter
 *       characters[i].frame         LineFrame in that image's pixels (measured on the pen's centre line,
 *                                   as training measures it), or undefined when the geometry is unknown
 *                                   (a lone character off any guide, a line of one letter height)
 *                                   -> normalizeCharacter(c.image, { frame: c.frame })
 *       characters[i].box           pen extent in pad coordinates (draw candidate rows under it)
 *       characters[i].strokeIndices indices into the caller's `strokes` (a crossbar drawn through two
 *                                   letters, as in 'tt', is cut between them and listed in both)
 *       characters[i].line          line number, 0 = top
 *       spaceBefore[i]              a word gap precedes character i on its line
 *       lineBreakBefore[i]          character i starts a new line
 *       lines[k].frame              the line's baseline/x-height in pad coordinates (for the decoder)
 *       reduced                     true when points were sampled away to stay within the limits
 *   groupStrokes(strokes, options?) -> the same grouping without rendering (cheap: for drawing boxes).
 *   renderCharacter(strokes, inkBox, inkWidth, size?) -> GreyImage of strokes inside a pad-coordinate box.
 *   sanitizeStrokes(input) -> the clean, bounded strokes and where each came from.
 */
import { Box, GreyImage } from '../image';
import { LineFrame } from '../preprocess';
import { CharacterGroup, DEFAULT_INK_WIDTH, GroupOptions, Grouping, groupCleanStrokes } from './group';
import { PadLineFrame } from './lineFrame';
import { RENDER_SIZE, maxPenRadius, renderTransform, renderWith } from './render';
import { sanitizeStrokes } from './sanitize';
import { Stroke, boundsOf, unionBounds } from './types';

export { STROKE_LIMITS, StrokeInputError } from './types';
export type { Stroke, StrokePoint } from './types';
export type { GroupOptions, CharacterGroup, Grouping, WritingLine } from './group';
export type { PadLineFrame } from './lineFrame';
export { estimateLineFrame } from './lineFrame';
export { renderCharacter, renderTransform, penRadius, RENDER_SIZE } from './render';
export type { RenderTransform } from './render';
export { sanitizeStrokes } from './sanitize';
export { facingGap } from './gaps';
export { DOUBTFUL_SPACE, findSpaces } from './spaces';
export type { CleanStrokes } from './sanitize';
export { simplifyRdp, decimate } from './simplify';

export interface StrokesToCharactersOptions extends GroupOptions {
  /** Longer ink side of each rendered character, in pixels (default RENDER_SIZE = 64). */
  readonly renderSize?: number;
}

export interface StrokeCharacter {
  readonly image: GreyImage;
  readonly frame?: LineFrame;
  readonly box: Box;
  readonly strokeIndices: number[];
  readonly line: number;
  /** The centre lines the image was drawn from (upright when the line leans), one per stroke or part. */
  readonly parts: readonly Stroke[];
  /** For each of `parts`, the index (into the caller's strokes) of the stroke it comes from. */
  readonly partStrokes: readonly number[];
}

/** What rendering a character needs of its line. */
export interface RenderLine {
  readonly frame?: PadLineFrame;
  readonly letterSize: number;
}

export interface StrokeCharacters {
  readonly characters: StrokeCharacter[];
  readonly spaceBefore: boolean[];
  readonly lineBreakBefore: boolean[];
  readonly lines: (RenderLine & { readonly characterIndices: number[] })[];
  /** The pen width and image size the characters were rendered with (for re-rendering parts of one). */
  readonly inkWidth: number;
  readonly renderSize: number;
  readonly reduced: boolean;
}

export interface StrokeGrouping extends Grouping {
  readonly reduced: boolean;
}

/** Group strokes into characters, spaces and lines; stroke indices refer to the caller's array. */
export function groupStrokes(strokes: readonly Stroke[], options: GroupOptions = {}): StrokeGrouping {
  const clean = sanitizeStrokes(strokes);
  const grouping = groupCleanStrokes(clean.strokes, options);
  const characters: CharacterGroup[] = grouping.characters.map((c) => ({
    ...c,
    strokeIndices: c.strokeIndices.map((i) => clean.sourceIndex[i]),
    partStrokes: c.partStrokes.map((i) => clean.sourceIndex[i]),
  }));
  return { ...grouping, characters, reduced: clean.reduced };
}

/**
 * The pen width the classifier sees: the user's width, kept within the range of pen widths relative
 * to letter size that training draws (about 4% to 15% of the cap height), so a fat pen on small
 * writing does not blot letters shut and a thin pen on huge writing does not vanish. The pad shows
 * the user's own width; only the character images use this one.
 */
export function classifierPenWidth(inkWidth: number, letterSize: number): number {
  if (!(letterSize > 0)) return inkWidth;
  return Math.min(MAX_PEN_SHARE * letterSize, Math.max(MIN_PEN_SHARE * letterSize, inkWidth));
}
const MIN_PEN_SHARE = 0.045;
const MAX_PEN_SHARE = 0.15;

export function strokesToCharacters(strokes: readonly Stroke[], options: StrokesToCharactersOptions = {}): StrokeCharacters {
  const clean = sanitizeStrokes(strokes);
  const grouping = groupCleanStrokes(clean.strokes, options);
  const inkWidth = options.inkWidth !== undefined && options.inkWidth > 0 && Number.isFinite(options.inkWidth) ? options.inkWidth : DEFAULT_INK_WIDTH;
  const size = options.renderSize !== undefined && options.renderSize >= 8 && options.renderSize <= 512 ? Math.round(options.renderSize) : RENDER_SIZE;
  const characters = grouping.characters.map((c): StrokeCharacter => ({
    ...renderGroup(c.parts, grouping.lines[c.line], inkWidth, size),
    box: c.box,
    strokeIndices: c.strokeIndices.map((i) => clean.sourceIndex[i]),
    line: c.line,
    parts: c.parts,
    partStrokes: c.partStrokes.map((i) => clean.sourceIndex[i]),
  }));
  return {
    characters,
    spaceBefore: grouping.spaceBefore,
    lineBreakBefore: grouping.lineBreakBefore,
    lines: grouping.lines.map((l) => ({ frame: l.frame, letterSize: l.letterSize, characterIndices: l.characterIndices })),
    inkWidth,
    renderSize: size,
    reduced: clean.reduced,
  };
}

/** One character's image from its centre lines, with its line's frame in the image's pixels. */
export function renderGroup(parts: readonly Stroke[], line: RenderLine, inkWidth: number, size: number = RENDER_SIZE): { image: GreyImage; frame?: LineFrame } {
  // Rendered box: centre line plus the widest pen radius (pressure can widen the pen beyond nominal).
  const pen = classifierPenWidth(inkWidth, line.letterSize);
  const r = maxPenRadius(parts, pen);
  const b = unionBounds(parts.map(boundsOf));
  const inkBox: Box = { left: b.left - r, top: b.top - r, right: b.right + r, bottom: b.bottom + r };
  const tf = renderTransform(inkBox, size);
  const lineFrame = line.frame;
  return {
    image: renderWith(parts, tf, pen),
    frame: lineFrame && { baseline: (lineFrame.baseline - tf.originY) * tf.scale, xHeight: lineFrame.xHeight * tf.scale },
  };
}

/**
 * All the strokes as one character on the given ruled line (the teaching page: the writer was asked
 * for one character, so nothing is grouped or split). Undefined when there is no ink.
 */
export function strokesAsOneCharacter(strokes: readonly Stroke[], guide: PadLineFrame, inkWidth: number = DEFAULT_INK_WIDTH): { image: GreyImage; frame?: LineFrame } | undefined {
  const clean = sanitizeStrokes(strokes);
  if (clean.strokes.length === 0) return undefined;
  const b = unionBounds(clean.strokes.map(boundsOf));
  return renderGroup(clean.strokes, { frame: guide, letterSize: Math.max(1, b.bottom - b.top) }, inkWidth);
}
