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
    const inRun = i < chars.length && IDENTIFIER_CHAR.test(chars[i]);
    if (inRun && start < 0) start = i;
    else if (!inRun && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}
