/** Decoding with context: charsets, character n-gram, beam search, case from geometry. */
export { parseCharset, restrictToCharset, allowedIndices, CHARSET_NAMES, ALL_CHARSET } from './charset';
export type { Charset, CharsetName } from './charset';
export { NgramModel, NGRAM_FORMAT } from './ngram';
export type { NgramModelJson } from './ngram';
export { decodeWord, DEFAULT_LM_WEIGHT, DEFAULT_BEAM_WIDTH, DEFAULT_LEXICON_BONUS } from './beam';
export { Lexicon, isLexiconWord, MAX_LEXICON_WORDS, MAX_LEXICON_WORD_LENGTH } from './lexicon';
export type { DecodeOptions, DecodedChar, DecodedWord } from './beam';
export { decodeLine, decodeCharacters } from './line';
export type { LineDecodeResult } from './line';
export { applyCaseGeometry, charGeometry, tooShortForLetter, wordMetrics } from './caseGeometry';
export type { CharGeometry, WordMetrics } from './caseGeometry';
