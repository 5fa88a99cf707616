/**
 * Spaces the gaps leave in doubt, settled by the language model.
 *
 * A hand that leaves room after a round letter or before a tall one writes gaps inside a word as wide as
 * some of its spaces (`c ount++;`, `item s.push`, `@ O verride`, `list(range(1 0))`); the gaps alone
 * cannot tell them apart, the text can. Where a space's gap is in doubt (the caller says which), the
 * two words on either side are decoded apart and as one word, and the space goes when the one word
 * reads better by JOIN_MARGIN, counting what the space itself costs the n-gram. A binary operator
 * standing as a word keeps its spaces whatever the n-gram says: code spaces them on both sides, and
 * joined to a name their characters read as letters (`a &&` read `ass`).
 *
 * `npx tsx bench/code.ts --only pad`: held-out pad lines CER 3.1 -> 2.9% without the document's
 * identifiers, 2.6 -> 2.4% with them; the training families' 2.5 / 2.1 -> 2.0 / 1.8%.
 *
 * An image's words come already decoded (readText weighs each word's cuttings), so there textJoins judges
 * the space alone, on the words as read (joinGain): `npx tsx bench/code.ts --only images` 5.2 / 4.6 ->
 * 5.1 / 4.5%, the training families' 3.7 / 3.3 -> 3.5 / 3.2%.
 */
import { labelIndex } from '../labels';
import { CharGeometry } from './caseGeometry';
import { DecodedWord, decodeWord, DecodeOptions, DEFAULT_LM_WEIGHT, TYPICAL_LM_NATS_PER_CHAR } from './beam';
import { DecodeContext } from './context';
import { NgramModel } from './ngram';
import { BINARY_OPERATORS, Break } from './spacing';

/**
 * Whether a space's gap is in doubt: under `bound` times the widest of `inside`, the gaps between two
 * characters of one word on its line (the pad's bound strokes/spaces.ts DOUBTFUL_SPACE, images'
 * segment/joinWords.ts DOUBTFUL_WORD_GAP). Never on a line with no gap inside a word, nor against
 * characters that overlap.
 */
export function spaceInDoubt(inside: readonly number[], bound: number): (gap: number) => boolean {
  const widest = inside.length > 0 ? Math.max(...inside) : -Infinity;
  return (gap) => widest > 0 && gap < bound * widest;
}

/**
 * Nats the one word must read better by. Chosen on the training families' pad lines (`npx tsx
 * bench/code.ts --training-families --only pad`, every space in doubt scored both ways): at 0 a
 * comment's `# TODO` joined (0.01 nats); at 0.3 no written space joined and 19 of 28 gaps inside a word
 * went; at 0.5, 16.
 */
export const JOIN_MARGIN = 0.3;

/**
 * Operators code spaces on both sides: a word that is one of them is never joined to its neighbour. The
 * always-binary ones (spacing.ts), and standing as a word of their own the ones that may be unary or close
 * a generic too, and a conditional's `?` and `:`.
 */
const SPACED_OPERATORS = new Set([...BINARY_OPERATORS, '<', '>', '+', '-', '*', '/', '%', '?', ':']);
/** Nor is a comment's mark standing as a word (`# TODO`), which a directive's is not (`#include`). */
const COMMENT_MARKS = new Set(['#', '//', '/*', '*/']);
/**
 * A word of two or three characters each of which the classifier gave at least this to the matching
 * character of a spaced operator may be that operator misread (dekko's `&&` read `ss`): the line's code
 * passes (codeStatements.ts) read it so between two operands, joined to a name they cannot.
 */
const MAY_BE_OPERATOR = 0.01;

/** A word that keeps its spaces on both sides: a spaced operator or a comment's mark. */
function standsApart(word: string): boolean {
  return SPACED_OPERATORS.has(word) || COMMENT_MARKS.has(word);
}

/** One character as the decoder takes it: class probabilities and where its ink sits on the line. */
export interface DoubtfulSpaceChar {
  readonly probs: Float32Array;
  readonly geometry?: CharGeometry | null;
}

/**
 * The indices i (into `chars`) whose space before them goes: each a space in `doubtful` between two
 * words that the n-gram reads better as one. Left to right: a word joined to the one before it may
 * join the next too. `before` is each character's break as grouped; `opts` decodes as the line will be
 * (charset, lexicon, writer's references), its `context` the text before the first character.
 */
export function doubtfulSpacesToJoin(
  chars: readonly DoubtfulSpaceChar[],
  before: readonly Break[],
  doubtful: ReadonlySet<number>,
  labels: readonly string[],
  ngram: NgramModel,
  opts: Omit<DecodeOptions, 'ngram' | 'geometry' | 'scoreOnly'> = {},
): Set<number> {
  if (before.length !== chars.length) throw new Error(`Got ${before.length} breaks for ${chars.length} characters.`);
  const lmWeight = opts.lmWeight ?? DEFAULT_LM_WEIGHT;
  const decode = (from: number, to: number, context: string) =>
    decodeWord(chars.slice(from, to).map((c) => c.probs), labels, {
      ...opts,
      ngram,
      lmWeight,
      context,
      geometry: chars.slice(from, to).map((c) => c.geometry),
      scoreOnly: true,
    });
  const wordEnd = (from: number) => {
    let to = from + 1;
    while (to < chars.length && before[to] === 'none') to++;
    return to;
  };
  /** Whether the word read `text` from characters [from, to) is an operator or comment mark, or may be an operator misread. */
  const keepsItsSpaces = (text: string, from: number, to: number): boolean => {
    if (standsApart(text)) return true;
    const n = to - from;
    if (n < 2) return false;
    return [...SPACED_OPERATORS].some((op) => op.length === n && [...op].every((ch, k) => (chars[from + k].probs[labelIndex(labels, ch)] ?? 0) >= MAY_BE_OPERATOR));
  };
  const out = new Set<number>();
  const read = new DecodeContext(opts.context);
  // The word after a space that stays was decoded after the one before it already: it starts the next round.
  let carried: DecodedWord | undefined;
  for (let from = 0; from < chars.length; ) {
    const context = read.recent;
    let to = wordEnd(from);
    let word = carried ?? decode(from, to, context);
    carried = undefined;
    while (to < chars.length && before[to] === 'space' && doubtful.has(to)) {
      const next = wordEnd(to);
      const after = decode(to, next, context + word.text + ' ');
      carried = after;
      if (keepsItsSpaces(word.text, from, to) || keepsItsSpaces(after.text, to, next)) break;
      const joined = decode(from, next, context);
      // The space is a character of the n-gram's text like any other, credited as each one is.
      const space = lmWeight * (ngram.lnProb(ngram.normalize(context + word.text), ' ') + TYPICAL_LM_NATS_PER_CHAR);
      if (!(joined.score > word.score + space + after.score + JOIN_MARGIN)) break;
      out.add(to);
      to = next;
      word = joined;
      carried = undefined;
    }
    read.add(word.text + (to < chars.length && before[to] === 'line' ? '\n' : ' '));
    from = to;
  }
  return out;
}

/**
 * Nats the n-gram gains (weighted, less the credit the space would earn as a character) by reading `left`
 * and `right` as one word rather than two, after `context`: the characters as read, only the space in question.
 */
export function joinGain(ngram: NgramModel, context: string, left: string, right: string, lmWeight = DEFAULT_LM_WEIGHT): number {
  const history = ngram.normalize(context);
  const joined = ngram.lnProbOfText(history, ngram.normalize(left + right));
  const apart = ngram.lnProbOfText(history, ngram.normalize(left + ' ' + right));
  return lmWeight * (joined - apart - TYPICAL_LM_NATS_PER_CHAR);
}

/**
 * The same judgement on words already read (an image's: readText decoded each among its cuttings, and
 * only its characters' best classes remain): for each word after the first, whether it joins the word
 * before it, where the gap between them is `doubtful` and the words as read gain JOIN_MARGIN as one
 * (joinGain). `context`: the text before the first word.
 */
export function textJoins(words: readonly string[], doubtful: readonly boolean[], ngram: NgramModel, context = ''): boolean[] {
  const join = words.map(() => false);
  const read = new DecodeContext(context);
  let word = words[0] ?? '';
  for (let i = 1; i < words.length; i++) {
    const before = read.recent;
    if (doubtful[i] && !spacedBetween(word, words[i]) && joinGain(ngram, before, word, words[i]) > JOIN_MARGIN) {
      join[i] = true;
      word += words[i];
      continue;
    }
    read.add(word + ' ');
    word = words[i];
  }
  return join;
}

/**
 * Whether a space stays between two words whatever the n-gram says: beside an operator or a comment's mark
 * standing as a word, or one the words end or start with that code spaces on both sides (`x% 8` had its
 * space before the %, and `x^ y`).
 */
function spacedBetween(left: string, right: string): boolean {
  return standsApart(left) || standsApart(right) || OPERATOR_EDGE_END.test(left) || OPERATOR_EDGE_START.test(right);
}
const OPERATOR_EDGE_END = /[%^=|&?]$/;
const OPERATOR_EDGE_START = /^[%^=|&?]/;
