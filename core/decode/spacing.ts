/**
 * Spaces that code and prose never write, whatever the gap: after an opening bracket, before a closing
 * one, a comma or a semicolon, and inside a two-character operator. Hands and fonts leave room around
 * brackets and between the strokes of != or ||; the gap alone made them spaces (`f (g( h ( 1 ) ) )`,
 * `a ! = b`, `b | | c`). Judged on each character's best class, and only where it is sure.
 */

import { isLetterOrDigit } from '../labels';

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
