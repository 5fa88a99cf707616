/**
 * Spaces that code and prose never write, whatever the gap: after an opening bracket, before a closing
 * one, a comma or a semicolon, and inside a two-character operator. Hands and fonts leave room around
 * brackets and between the strokes of != or ||; the gap alone made them spaces (`f (g( h ( 1 ) ) )`,
 * `a ! = b`, `b | | c`). Judged on each character's best class, and only where it is sure.
 */

import { isLetterOrDigit } from '../labels';
import { argmax } from '../stats';

/** No space follows these... */
const OPENING_BRACKETS = '([';
/** ...and none comes before these... */
const HUGS_ITS_LEFT = ')],;';
/**
 * ...unless, for these, a letter follows in the same word: then it is more likely a letter misread (a J
 * read ], "Linda ]ohn") than a bracket that opens a word.
 */
const LETTER_LOOKALIKES = ')]';
/**
 * Written without a space between their two characters. Not >=: a generic's > is followed by a
 * written space and = (`Vec<u8> = []`).
 */
const COMPOUND_OPERATORS = new Set(['==', '!=', '<=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '&&', '||', '++', '--', '=>', '->']);
/** How sure the classifier must be of a character for it to take a space away (an l read '(' at 0.5 keeps its space: "total +="). */
export const SURE_SPACING = 0.9;

/**
 * Whether a space between characters read `left` and `right` (each '' when not read surely) is one no
 * one writes; `next`: the best class of the character after `right` in its word ('' at a word's end).
 */
export function spaceUnwritten(left: string, right: string, next: string): boolean {
  if (left.length === 1 && OPENING_BRACKETS.includes(left)) return true;
  if (right.length === 1 && HUGS_ITS_LEFT.includes(right)) return !(LETTER_LOOKALIKES.includes(right) && isLetterOrDigit(next));
  return COMPOUND_OPERATORS.has(left + right);
}

/** What comes before each character of a line or grouping: nothing, a space, or a line break. */
export type Break = 'none' | 'space' | 'line';

/**
 * Which spaces in a run of characters no one writes (spaceUnwritten), from each character's class
 * probabilities (undefined for a blank): the indices i whose space before them goes. A character counts
 * as read surely when its best class reaches SURE_SPACING and `mayBeSure(i)` allows it; a line break is
 * never taken away, and ends a word as a space does.
 */
export function unwrittenSpaces(
  readings: readonly (Float32Array | undefined)[],
  labels: readonly string[],
  before: readonly Break[],
  mayBeSure: (i: number) => boolean = () => true,
): Set<number> {
  const best = readings.map((p) => (p ? argmax(p) : -1));
  const label = best.map((b) => labels[b] ?? '');
  const sure = readings.map((p, i) => (p && p[best[i]] >= SURE_SPACING && mayBeSure(i) ? label[i] : ''));
  const nextInWord = (i: number) => (i + 1 < label.length && before[i + 1] === 'none' ? label[i + 1] : '');
  const out = new Set<number>();
  for (let i = 1; i < readings.length; i++) if (before[i] === 'space' && spaceUnwritten(sure[i - 1], sure[i], nextInWord(i))) out.add(i);
  return out;
}
