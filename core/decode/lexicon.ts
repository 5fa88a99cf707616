/**
 * A lexicon: the identifiers of the document being edited (and its language's keywords), which
 * the word decoder prefers over near-misses (beam.ts). Built once per list the host sends (or the
 * CLI's `--lexicon FILE`), then read by every decode.
 *
 * Only identifier-like words of two or more characters are kept: one-letter names are everywhere
 * and say nothing about what was written, and anything else cannot be an identifier run of a token.
 */

/** Most words kept; the host sends its most frequent identifiers first. */
export const MAX_LEXICON_WORDS = 5000;
/** Longest word kept (longer names are rare and cost the most to score). */
export const MAX_LEXICON_WORD_LENGTH = 64;
export const MIN_LEXICON_WORD_LENGTH = 2;

/** An identifier: a letter or underscore, then letters, digits and underscores (ASCII: what the classifier reads). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A character an identifier run is made of. */
const IDENTIFIER_CHAR = /^[A-Za-z0-9_]$/;

/** Whether `ch` is a character a name is made of: a letter, a digit or an underscore. */
export function isIdentifierChar(ch: string): boolean {
  return IDENTIFIER_CHAR.test(ch);
}

export class Lexicon {
  private readonly words: ReadonlySet<string>;
  private readonly byLength = new Map<number, string[]>();

  private constructor(words: ReadonlySet<string>) {
    this.words = words;
    for (const w of words) {
      const list = this.byLength.get(w.length);
      if (list) list.push(w);
      else this.byLength.set(w.length, [w]);
    }
  }

  static readonly empty = new Lexicon(new Set());

  /**
   * The identifier-like words of `words`, in order, duplicates dropped, at most MAX_LEXICON_WORDS;
   * anything else (symbols, spaces, one letter, too long, not a string) is skipped.
   */
  static from(words: Iterable<unknown>): Lexicon {
    const kept = new Set<string>();
    for (const w of words) {
      if (kept.size >= MAX_LEXICON_WORDS) break;
      if (isLexiconWord(w)) kept.add(w);
    }
    return kept.size === 0 ? Lexicon.empty : new Lexicon(kept);
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The words of exactly `length` characters. */
  ofLength(length: number): readonly string[] {
    return this.byLength.get(length) ?? [];
  }
}

export function isLexiconWord(w: unknown): w is string {
  return typeof w === 'string' && w.length >= MIN_LEXICON_WORD_LENGTH && w.length <= MAX_LEXICON_WORD_LENGTH && IDENTIFIER.test(w);
}

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/**
 * The identifier runs of a token given as its characters, left to right: `f(a,` has f and a,
 * `idx);` has idx, `foo.bar` has foo and bar.
 */
export function identifierRuns(chars: readonly string[]): Span[] {
  const runs: Span[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const inRun = i < chars.length && isIdentifierChar(chars[i]);
    if (inRun && start < 0) start = i;
    else if (!inRun && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

/** Most words one written name is taken to have been split into (`c o unt`). */
const MAX_SPLIT_PARTS = 5;
/** Words of one letter that prose writes on their own: never taken for a piece of a name ("a round" stays). */
const ONE_LETTER_WORDS = new Set(['a', 'A', 'I']);
/** A run of identifier characters at a word's end, at its start, and a word that is one whole run. */
const TRAILING_RUN = /[A-Za-z0-9_]+$/;
const LEADING_RUN = /^[A-Za-z0-9_]+/;
const WHOLE_RUN = /^[A-Za-z0-9_]+$/;

/**
 * Which spaces between a line's words split one of the document's names (`c ount++`, `item s.push`,
 * `print(f"{n ame}")`): per word, whether the space before it goes. A space goes where the identifier run
 * ending one word, the words wholly of identifier characters after it and the run starting the last
 * word spell a lexicon word, unless every one of those pieces is a lexicon word itself (`in to` stays
 * apart: both are words; one letter never is). Word gaps in a hand's writing are judged on their size
 * alone, and a letter written a little apart made a space inside a name the file already has.
 */
export function splitNameJoins(words: readonly string[], lexicon: Lexicon): boolean[] {
  const join = words.map(() => false);
  if (lexicon.size === 0) return join;
  for (let i = 0; i < words.length - 1; ) {
    let joined = 0;
    for (let k = Math.min(MAX_SPLIT_PARTS, words.length - i); k >= 2 && joined === 0; k--) {
      const parts = words.slice(i, i + k);
      if (parts.some((p) => ONE_LETTER_WORDS.has(p))) continue;
      const head = TRAILING_RUN.exec(parts[0])?.[0];
      const tail = LEADING_RUN.exec(parts[k - 1])?.[0];
      const middle = parts.slice(1, -1);
      if (!head || !tail || !middle.every((p) => WHOLE_RUN.test(p))) continue;
      const pieces = [head, ...middle, tail];
      if (lexicon.has(pieces.join('')) && !pieces.every((p) => lexicon.has(p))) joined = k;
    }
    for (let j = 1; j < joined; j++) join[i + j] = true;
    i += Math.max(1, joined - 1);
  }
  return join;
}
