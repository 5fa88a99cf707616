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
import { facingGap } from './gaps';
import { median } from '../stats';

/**
 * A character at least this wide (share of its line's letter size) may be two letters. Two narrow
 * letters joined ("la" in a leaning hand) are 0.8 wide. On the traced training families (300 lines,
 * seed 777) 0.5 to 0.7 read alike (count right 96.3%, words 94.3%), 0.78 and 0.85 less (96.0%, 94.2%):
 * the largest of the best was kept.
 */
const MIN_SPLIT_WIDTH = 0.7;
/**
 * ...or at least this many times its line's median character width: a narrow hand's letters are far
 * narrower than they are tall, so two of them joined ("et" in "let", "th" with the t's bar over the h,
 * loved-by-the-king) stay under 0.7 of the letter size while twice as wide as the line's letters. On
 * the traced training families (npx tsx bench/padAccuracy.ts --tune-lm) 2.0 and 1.6 read as without
 * (1.4: count right 96.7 -> 96.3%); their code lines (npx tsx bench/code.ts --training-families, pad)
 * lines exact 73.3 -> 73.6% at 1.6 and below, as without at 2.0.
 */
const MIN_SPLIT_TYPICAL = 1.6;
/** Each piece at least this wide (share of the letter size): no cutting off a lone serif or dot. */
const MIN_PIECE_WIDTH = 0.2;
/**
 * Pieces may overlap in x by at most this share of the narrower one (letters side by side, not a t's bar),
 * in the rows where both have ink (a tail that sweeps back under the letter before it is no overlap:
 * npm run bench:pad-accuracy fresh-leaning CER 5.3 -> 5.1%, count right 78.3 -> 80.0%; the traced
 * training families read as before).
 * A leaning hand's l hooks its foot under the letter after it. On the traced training families (300
 * lines, seed 777) 0.5 read count right 96.3 -> 96.7%, words 94.3 -> 94.4%, CER 1.6 -> 1.5% against 0.35
 * (0.42 as 0.35; 0.65 as 0.5).
 */
const MAX_PIECE_OVERLAP = 0.5;
/** How much surer (mean log-probability, nats) the pieces must be than the whole. */
const SPLIT_MARGIN = 0.25;
/**
 * A wide character is tried in pieces unless its whole reads at least this surely (log-probability):
 * the word decoder, not the classifier alone, tells a w and an o that touch from a W read at 0.9.
 * With ALTERNATIVE_CUTTINGS, chosen on the traced training families (npx tsx bench/padAccuracy.ts
 * --tune-lm, weight 0.5): CER 1.9 -> 1.7%, character count right 94.3 -> 95.3% (at -SPLIT_MARGIN
 * with the alternatives: 1.9%; at -0.03 with the best cutting alone: 1.8%).
 */
const TRY_CUTS_BELOW = -0.03;
/** Cuttings offered to the word decoder per character: the classifier's best ones by the pieces' mean sureness. */
const ALTERNATIVE_CUTTINGS = 4;
/** Characters of more strokes are not cut (2^(n-1) cuttings; a scribble is not letters). */
const MAX_PARTS = 8;

/** The classifier's surest class probability (log) for each image, with its frame. */
export type Sureness = (inputs: readonly { image: GreyImage; frame?: LineFrame }[]) => number[];

export function splitTouchingLetters(grouped: StrokeCharacters, sureness: Sureness): StrokeCharacters {
  return applyEdits(grouped, cutsByClassifier(touchingCuts(grouped, sureness)));
}

/** A wide, unsure character and its best cutting by the classifier. */
export interface TouchingCut {
  /** Index of the character in the grouping. */
  readonly index: number;
  readonly pieces: StrokeCharacter[];
  /**
   * The classifier's best cuttings (`pieces` first), for the word decoder to weigh: its best may cut a
   * w in two ("v", "w" of the w's second stroke and the o beside it) where the word reads as "w" "o".
   */
  readonly alternatives: readonly (readonly StrokeCharacter[])[];
  /** Log-probability of the whole's surest class, and the pieces' mean of theirs. */
  readonly whole: number;
  readonly mean: number;
}

/** The cuts the classifier alone makes: where the pieces read surer than the whole by SPLIT_MARGIN. */
export function cutsByClassifier(cuts: readonly TouchingCut[]): GroupingEdit[] {
  return cuts.filter((cut) => cut.mean > cut.whole + SPLIT_MARGIN).map(cutEdit);
}

/** A cut as an edit of the grouping: the character replaced by its pieces. */
export function cutEdit(cut: TouchingCut): GroupingEdit {
  return { index: cut.index, count: 1, characters: cut.pieces };
}

/**
 * Each wide character that reads unsurely whole, with its best cutting between strokes (by the
 * pieces' mean sureness; a cutting into more pieces must read strictly surer than one into fewer).
 */
export function touchingCuts(grouped: StrokeCharacters, sureness: Sureness): TouchingCut[] {
  const widths = grouped.characters.map(widthOf);
  const typical = grouped.lines.map((l) => median(l.characterIndices.map((i) => widths[i])));
  const wide = grouped.characters.flatMap((c, index) => (mayBeTwoLetters(c, widths[index], grouped.lines[c.line], typical[c.line]) ? [index] : []));
  if (wide.length === 0) return [];
  // Only the unsure ones are cut and their pieces classified, in one batch.
  const wholeSure = sureness(wide.map((i) => grouped.characters[i]));
  const trials = wide
    .map((index, k) => ({ index, whole: wholeSure[k] }))
    .filter((t) => t.whole < TRY_CUTS_BELOW)
    .map((t) => {
      const c = grouped.characters[t.index];
      return { ...t, ...cuttingsOf(c, grouped.lines[c.line], grouped.inkWidth, grouped.renderSize) };
    })
    .filter((t) => t.cuttings.length > 0);
  if (trials.length === 0) return [];
  const sure = sureness(trials.flatMap((t) => t.pieces));
  const out: TouchingCut[] = [];
  let k = 0;
  for (const t of trials) {
    const pieceSure = sure.slice(k, k + t.pieces.length);
    k += t.pieces.length;
    // Fewest pieces first and a stable sort: a cutting into more pieces must read strictly surer.
    const ranked = t.cuttings
      .map((cutting) => ({ cutting, mean: cutting.reduce((sum, p) => sum + pieceSure[p], 0) / cutting.length }))
      .filter((c) => c.mean > -Infinity)
      .sort((a, b) => b.mean - a.mean)
      .slice(0, ALTERNATIVE_CUTTINGS);
    if (ranked.length === 0) continue;
    const alternatives = ranked.map((c) => c.cutting.map((p) => t.pieces[p]));
    out.push({ index: t.index, whole: t.whole, mean: ranked[0].mean, pieces: alternatives[0], alternatives });
  }
  return out;
}

/** `count` neighbouring characters from `index` replaced by `characters` (a cut: 1 by its pieces; a merge: 2 by 1). */
export interface GroupingEdit {
  readonly index: number;
  readonly count: number;
  readonly characters: readonly StrokeCharacter[];
}

/** The grouping with the given edits made (edits must not overlap). */
export function applyEdits(grouped: StrokeCharacters, edits: readonly GroupingEdit[]): StrokeCharacters {
  if (edits.length === 0) return grouped;
  const at = new Map(edits.map((e) => [e.index, e]));
  const characters: StrokeCharacter[] = [];
  const spaceBefore: boolean[] = [];
  const lineBreakBefore: boolean[] = [];
  /** Old index -> the new indices its place in the line now holds (none for a character merged into the one before). */
  const newIndices: number[][] = grouped.characters.map(() => []);
  for (let i = 0; i < grouped.characters.length; ) {
    const edit = at.get(i);
    const count = edit ? edit.count : 1;
    const replacement = edit ? edit.characters : [grouped.characters[i]];
    newIndices[i] = replacement.map((_, j) => characters.length + j);
    characters.push(...replacement);
    spaceBefore.push(grouped.spaceBefore[i], ...replacement.slice(1).map(() => false));
    lineBreakBefore.push(grouped.lineBreakBefore[i], ...replacement.slice(1).map(() => false));
    i += count;
  }
  const lines = grouped.lines.map((l) => ({ ...l, characterIndices: l.characterIndices.flatMap((i) => newIndices[i]) }));
  return { ...grouped, characters, spaceBefore, lineBreakBefore, lines };
}

/**
 * A union no wider than this share of the letter size may be one letter written in two pieces. An m
 * is wider than the letter size (1.2-1.5 x-heights), and at 1.0 one written as 'r' and 'n' was never
 * offered ("Prornise", "carnelCase": 6 of the 38 held-out pad lines whose character count was wrong).
 * 1.2, 1.3 and 1.5 read the traced training families alike (the 300 lines of npx tsx
 * bench/padAccuracy.ts --tune-lm at weight 0.5: CER 1.37 -> 1.39%, one line worse at each: zeyada's
 * "x1" joined into N); held out (npm run bench:pad-accuracy) unseen CER 2.9 -> 2.7% at 1.2 and 1.3,
 * worst group 6.0 -> 5.4 / 5.3%; the pad's code lines (npx tsx bench/code.ts) 4.7 -> 4.6% with the lexicon.
 */
const MAX_MERGED_WIDTH = 1.3;
/** ...and three pieces, this (a %: bench:code pad 5.7% at 1.3, 5.6% at 1.5 and 2). */
const MAX_MERGED_WIDTH_OF_THREE = 1.5;
/** Pieces at most this share of the letter size apart (a gap; overlap is fine). */
const MAX_MERGE_GAP = 0.25;

/**
 * Neighbouring characters of one word narrow enough together to be one letter written in two
 * strokes that do not touch (an x as '>' and '<', an N as '(' and 'V'): each pair as one character;
 * with `count` 3, each three (a % as 'o' '/' 'o'). Whether to merge is the word decoder's to say;
 * these are only the candidates.
 */
export function mergeCandidates(grouped: StrokeCharacters, count: 2 | 3 = 2): { index: number; merge: () => StrokeCharacter }[] {
  const out: { index: number; merge: () => StrokeCharacter }[] = [];
  for (const line of grouped.lines) {
    const idx = line.characterIndices;
    for (let k = 0; k + count <= idx.length; k++) {
      const run = idx.slice(k, k + count);
      if (run.some((i, n) => n > 0 && (i !== run[0] + n || grouped.spaceBefore[i] || grouped.lineBreakBefore[i]))) continue;
      const merge = joinedCharacter(grouped, run.map((i) => grouped.characters[i]));
      if (merge) out.push({ index: run[0], merge });
    }
  }
  return out;
}

/**
 * Neighbouring characters of one line (two or three, left to right) as one, rendered only when asked
 * for (most pairs are two letters and never need it); null where together they are too wide for one
 * letter (MAX_MERGED_WIDTH, MAX_MERGED_WIDTH_OF_THREE) or stand too far apart (MAX_MERGE_GAP).
 */
export function joinedCharacter(grouped: StrokeCharacters, chars: readonly StrokeCharacter[]): (() => StrokeCharacter) | null {
  const line = grouped.lines[chars[0].line];
  const bounds = chars.map((c) => unionBounds(c.parts.map(boundsOf)));
  const whole = unionBounds(bounds);
  if (whole.right - whole.left > (chars.length === 2 ? MAX_MERGED_WIDTH : MAX_MERGED_WIDTH_OF_THREE) * line.letterSize) return null;
  if (bounds.some((b, n) => n > 0 && b.left - bounds[n - 1].right > MAX_MERGE_GAP * line.letterSize)) return null;
  const parts = chars.flatMap((c) => c.parts);
  return () => ({
    ...renderGroup(parts, line, grouped.inkWidth, grouped.renderSize),
    box: unionBounds(chars.map((c) => c.box)),
    strokeIndices: [...new Set(chars.flatMap((c) => c.strokeIndices))].sort((x, y) => x - y),
    line: chars[0].line,
    parts,
    partStrokes: chars.flatMap((c) => c.partStrokes),
  });
}

/** The characters [from, to) of the word holding character `index` (words end at spaces and line breaks). */
export function wordAround(grouped: StrokeCharacters, index: number): { from: number; to: number } {
  let from = index, to = index + 1;
  while (from > 0 && !grouped.spaceBefore[from] && !grouped.lineBreakBefore[from]) from--;
  while (to < grouped.characters.length && !grouped.spaceBefore[to] && !grouped.lineBreakBefore[to]) to++;
  return { from, to };
}

/** A way to cut a character: indices into its pieces, left to right. */
type Cutting = number[];

/** Several strokes, and wide for its line (`width`: widthOf(c)): possibly two letters the pen joined. */
function mayBeTwoLetters(c: StrokeCharacter, width: number, line: RenderLine, typicalWidth: number): boolean {
  if (c.parts.length < 2 || !(line.letterSize > 0)) return false;
  return width >= MIN_SPLIT_WIDTH * line.letterSize || (typicalWidth > 0 && width >= MIN_SPLIT_TYPICAL * typicalWidth);
}

/** A character's width as grouped (deslanted when its line leans). */
function widthOf(c: StrokeCharacter): number {
  const whole = unionBounds(c.parts.map(boundsOf));
  return whole.right - whole.left;
}

/**
 * The ways to cut a wide character between its strokes (ordered left to right, in each of ORDERS) into
 * two pieces or more, each piece a run of neighbouring strokes: "mis" written in one go is three
 * letters. Each distinct piece is rendered once; the cuttings list the pieces they use, fewest first.
 */
function cuttingsOf(c: StrokeCharacter, line: RenderLine, inkWidth: number, size = RENDER_SIZE): { cuttings: Cutting[]; pieces: StrokeCharacter[] } {
  const letter = line.letterSize;
  const strokes = c.parts.map((p, i) => ({ i, b: boundsOf(p) }));
  const n = strokes.length;
  if (n > MAX_PARTS) return { cuttings: [], pieces: [] };
  const pieceAt = new Map<string, number>();
  const pieces: StrokeCharacter[] = [];
  const cuttings: Cutting[] = [];
  const seen = new Set<string>();
  for (const key of ORDERS) {
    const order = [...strokes].sort((a, b) => key(a.b) - key(b.b));
    // Runs [a, b) of the ordered strokes that are wide enough to be a letter.
    const span = (a: number, b: number) => unionBounds(order.slice(a, b).map((o) => o.b));
    const partsOf = (a: number, b: number) => order.slice(a, b).map((o) => c.parts[o.i]);
    const pieceOf = (a: number, b: number) => {
      const indices = order.slice(a, b).map((o) => o.i);
      const id = [...indices].sort((x, y) => x - y).join(',');
      let index = pieceAt.get(id);
      if (index === undefined) {
        index = pieces.length;
        pieceAt.set(id, index);
        pieces.push(piece(c, indices, line, inkWidth, size));
      }
      return index;
    };
    const wideEnough = (a: number, b: number) => {
      const s = span(a, b);
      return s.right - s.left >= MIN_PIECE_WIDTH * letter;
    };
    // Whether runs [a, b) and [b, c) stand side by side, not stacked (a t's bar is not a letter of its
    // own). Measured where both have ink (gaps.ts), so a tail that sweeps back under its neighbour does
    // not count. Once per pair of runs: the cuttings below share most of their neighbours.
    const sideBySide = new Map<string, boolean>();
    const besideEachOther = (a: number, b: number, c: number) => {
      const key = `${a}:${b}:${c}`;
      let ok = sideBySide.get(key);
      if (ok === undefined) {
        const lb = span(a, b), rb = span(b, c);
        const overlap = -facingGap(partsOf(a, b), partsOf(b, c), letter / 8, 0, rb.left - lb.right);
        ok = overlap <= MAX_PIECE_OVERLAP * Math.min(lb.right - lb.left, rb.right - rb.left);
        sideBySide.set(key, ok);
      }
      return ok;
    };
    // Every way to place cuts between ordered strokes (2^(n-1) - 1 ways with at least one cut).
    for (let mask = 1; mask < 1 << (n - 1); mask++) {
      const bounds = [0];
      for (let k = 1; k < n; k++) if (mask & (1 << (k - 1))) bounds.push(k);
      bounds.push(n);
      let ok = true;
      for (let j = 0; ok && j + 1 < bounds.length; j++) ok = wideEnough(bounds[j], bounds[j + 1]);
      for (let j = 0; ok && j + 2 < bounds.length; j++) ok = besideEachOther(bounds[j], bounds[j + 1], bounds[j + 2]);
      if (!ok) continue;
      const cutting = bounds.slice(1).map((b, j) => pieceOf(bounds[j], b));
      const id = cutting.join('|');
      if (seen.has(id)) continue;
      seen.add(id);
      cuttings.push(cutting);
    }
  }
  cuttings.sort((a, b) => a.length - b.length);
  return { cuttings, pieces };
}

/**
 * Orders in which a character's strokes are cut into runs: by centre, then by left and by right edge
 * (a leaning x's tail sweeps back under the e before it: by centre it sits between the e and the
 * rest of the x, so "ex" could only be cut as "e and the tail" and "the x's arms").
 */
const ORDERS: readonly ((b: { left: number; right: number }) => number)[] = [
  (b) => b.left + b.right,
  (b) => b.left,
  (b) => b.right,
];

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
