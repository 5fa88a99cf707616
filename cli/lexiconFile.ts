/**
 * `inkwell recognize --lexicon FILE`: a word list (one word per line, e.g. the identifiers of the file
 * the writing belongs to) that the decoder prefers over near-misses. Read bounded, as UTF-8 text.
 */
import { Lexicon, MAX_LEXICON_WORD_LENGTH, MAX_LEXICON_WORDS } from '../core/decode/lexicon';
import { readRegularFile } from './regularFile';

/** Room for MAX_LEXICON_WORDS words of any length with their line breaks, and some comment lines. */
export const MAX_LEXICON_FILE_BYTES = 1024 * 1024;

/**
 * The lexicon in FILE: its identifier-like lines (trimmed), the first MAX_LEXICON_WORDS of them; other
 * lines (blank, `#` comments, anything not an identifier) are skipped. Throws a one-line Error for a
 * missing, special, huge or binary file, or one without a single identifier.
 */
export function readLexiconFile(file: string): Lexicon {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_LEXICON_FILE_BYTES, 'word list');
  } catch (err) {
    throw new Error(`Cannot read the lexicon: ${(err as Error).message}`);
  }
  if (bytes.includes(0)) throw new Error(`${file} is not a word list (it holds binary data): give one word per line.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not a word list (not UTF-8 text): give one word per line.`);
  }
  const lexicon = Lexicon.from(text.split(/\r?\n/).map((line) => line.trim()));
  if (lexicon.size === 0) {
    throw new Error(`${file} has no words: give one identifier per line (letters, digits, _; 2 to ${MAX_LEXICON_WORD_LENGTH} characters; the first ${MAX_LEXICON_WORDS} are used).`);
  }
  return lexicon;
}
