/**
 * Letters that touch: grouping joins strokes that meet, so two letters written close ("ne" in "new",
 * "ap" in "Map") come out as one wide character. Like the text reader's cuts between touching letters
 * in images, the pad tries the cuts between a wide character's strokes (left to right) and asks the
 * classifier: a cut stays when both pieces read as letters more surely than the whole.
 */
import { GreyImage } from '../image';
import { LineFrame } from '../preprocess';
import { RENDER_SIZE } from './render';
import { RenderLine, StrokeCharacters, StrokeCharacter, renderGroup } from './index';
import { Stroke, boundsOf, unionBounds } from './types';

/** A character at least this wide (share of its line's letter size) may be two letters. */
const MIN_SPLIT_WIDTH = 0.85;
/** Each piece at least this wide (share of the letter size): no cutting off a lone serif or dot. */
const MIN_PIECE_WIDTH = 0.2;
/** Pieces may overlap in x by at most this share of the narrower one (letters side by side, not a t's bar). */
const MAX_PIECE_OVERLAP = 0.35;
/** How much surer (mean log-probability, nats) the pieces must be than the whole. */
const SPLIT_MARGIN = 0.25;

/** The classifier's surest class probability (log) for each image, with its frame. */
export type Sureness = (inputs: readonly { image: GreyImage; frame?: LineFrame }[]) => number[];

export function splitTouchingLetters(grouped: StrokeCharacters, sureness: Sureness): StrokeCharacters {
  const wide = grouped.characters.flatMap((c, index) => (mayBeTwoLetters(c, grouped.lines[c.line]) ? [index] : []));
  if (wide.length === 0) return grouped;
  // A whole read surer than e^-SPLIT_MARGIN cannot lose to pieces (their mean log-probability is at
  // most 0): only the unsure ones are cut and their pieces classified, in one batch.
  const wholeSure = sureness(wide.map((i) => grouped.characters[i]));
  type Trial = { index: number; whole: number; cuts: { left: StrokeCharacter; right: StrokeCharacter }[] };
  const trials: Trial[] = wide
    .map((index, k) => ({ index, whole: wholeSure[k], cuts: [] as Trial['cuts'] }))
    .filter((t) => t.whole < -SPLIT_MARGIN)
    .map((t) => {
      const c = grouped.characters[t.index];
      return { ...t, cuts: candidateCuts(c, grouped.lines[c.line], grouped.inkWidth, grouped.renderSize) };
    })
    .filter((t) => t.cuts.length > 0);
  if (trials.length === 0) return grouped;
  const sure = sureness(trials.flatMap((t) => t.cuts.flatMap((c) => [c.left, c.right])));
  const chosen = new Map<number, { left: StrokeCharacter; right: StrokeCharacter }>();
  let k = 0;
  for (const t of trials) {
    let best: { left: StrokeCharacter; right: StrokeCharacter } | undefined;
    let bestScore = t.whole + SPLIT_MARGIN;
    for (const cut of t.cuts) {
      const score = (sure[k++] + sure[k++]) / 2;
      if (score > bestScore) {
        bestScore = score;
        best = cut;
      }
    }
    if (best) chosen.set(t.index, best);
  }
  if (chosen.size === 0) return grouped;
  const characters: StrokeCharacter[] = [];
  const spaceBefore: boolean[] = [];
  const lineBreakBefore: boolean[] = [];
  const newIndex: number[] = [];
  grouped.characters.forEach((c, i) => {
    const cut = chosen.get(i);
    newIndex.push(characters.length);
    characters.push(...(cut ? [cut.left, cut.right] : [c]));
    spaceBefore.push(grouped.spaceBefore[i], ...(cut ? [false] : []));
    lineBreakBefore.push(grouped.lineBreakBefore[i], ...(cut ? [false] : []));
  });
  const lines = grouped.lines.map((l) => ({
    ...l,
    characterIndices: l.characterIndices.flatMap((i) => (chosen.has(i) ? [newIndex[i], newIndex[i] + 1] : [newIndex[i]])),
  }));
  return { ...grouped, characters, spaceBefore, lineBreakBefore, lines };
}

/** Several strokes, and wide for its line: possibly two letters the pen joined. */
function mayBeTwoLetters(c: StrokeCharacter, line: RenderLine): boolean {
  if (c.parts.length < 2 || !(line.letterSize > 0)) return false;
  const whole = unionBounds(c.parts.map(boundsOf));
  return whole.right - whole.left >= MIN_SPLIT_WIDTH * line.letterSize;
}

/** The ways to cut a wide character between its strokes, left to right. */
function candidateCuts(c: StrokeCharacter, line: RenderLine, inkWidth: number, size = RENDER_SIZE): { left: StrokeCharacter; right: StrokeCharacter }[] {
  const letter = line.letterSize;
  const order = c.parts.map((p, i) => ({ i, b: boundsOf(p) })).sort((a, b) => a.b.left + a.b.right - (b.b.left + b.b.right));
  const cuts: { left: StrokeCharacter; right: StrokeCharacter }[] = [];
  for (let k = 1; k < order.length; k++) {
    const left = order.slice(0, k), right = order.slice(k);
    const leftIdx = left.map((o) => o.i), rightIdx = right.map((o) => o.i);
    const lb = unionBounds(left.map((o) => o.b)), rb = unionBounds(right.map((o) => o.b));
    const lw = lb.right - lb.left, rw = rb.right - rb.left;
    if (lw < MIN_PIECE_WIDTH * letter || rw < MIN_PIECE_WIDTH * letter) continue;
    if (lb.right - rb.left > MAX_PIECE_OVERLAP * Math.min(lw, rw)) continue;
    cuts.push({ left: piece(c, leftIdx, line, inkWidth, size), right: piece(c, rightIdx, line, inkWidth, size) });
  }
  return cuts;
}

function piece(c: StrokeCharacter, indices: number[], line: RenderLine, inkWidth: number, size: number): StrokeCharacter {
  const parts: Stroke[] = indices.map((i) => c.parts[i]);
  const partStrokes = indices.map((i) => c.partStrokes[i]);
  // Parts are upright when the line leans, the box is as drawn: the piece takes its share of the box.
  const whole = unionBounds(c.parts.map(boundsOf));
  const b = unionBounds(parts.map(boundsOf));
  const at = (x: number) => c.box.left + ((x - whole.left) / Math.max(1e-6, whole.right - whole.left)) * (c.box.right - c.box.left);
  const r = inkWidth / 2;
  return {
    ...renderGroup(parts, line, inkWidth, size),
    box: { left: at(b.left) - r, top: c.box.top, right: at(b.right) + r, bottom: c.box.bottom },
    strokeIndices: [...new Set(partStrokes)].sort((a, b2) => a - b2),
    line: c.line,
    parts,
    partStrokes,
  };
}
