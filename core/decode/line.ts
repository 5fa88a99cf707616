/**
 * Decoding a line of words, and the one call the CLI, the pad and the importer make.
 *
 * Each word is decoded with the text before it (the caller's context, then the words already
 * decoded) as its LM context, so "x = 0x1F" primes the "0x" before the ambiguous O/0.
 */
import { CharGeometry } from './caseGeometry';
import { decodeWord, DecodedChar, DecodeOptions, lineReferences } from './beam';
import { DecodeContext } from './context';

export interface LineDecodeResult {
  /** Words joined by single spaces. */
  readonly text: string;
  /** Geometric mean of every character's p. */
  readonly confidence: number;
  /** Characters in order; spaces are not listed. */
  readonly chars: DecodedChar[];
  /** Each word's text, in order. */
  readonly words: string[];
}

/** Decode consecutive words (each a list of character probability vectors) as one line. */
export function decodeLine(
  words: readonly (readonly Float32Array[])[],
  labels: readonly string[],
  opts: Omit<DecodeOptions, 'geometry'> & { geometry?: readonly (readonly (CharGeometry | null | undefined)[] | undefined)[] } = {},
): LineDecodeResult {
  if (opts.geometry && opts.geometry.length !== words.length) throw new Error(`Got geometry for ${opts.geometry.length} words, ${words.length} words to decode.`);
  const context = new DecodeContext(opts.context);
  // A word without an x-high or a cap-high letter of its own ("fox", "Count") measures case against its line's.
  const references = opts.geometry ? lineReferences(words.flat(), labels, opts.geometry.flatMap((g, i) => g ?? words[i].map(() => undefined)), opts.charset) : undefined;
  const out: string[] = [];
  const chars: DecodedChar[] = [];
  let lnConf = 0;
  words.forEach((w, i) => {
    if (i > 0) context.add(' ');
    const r = decodeWord(w, labels, { ...opts, context: context.recent, geometry: opts.geometry?.[i], lineReferences: references });
    out.push(r.text);
    chars.push(...r.chars);
    lnConf += r.chars.reduce((s, c) => s + Math.log(Math.max(c.p, 1e-12)), 0);
    context.add(r.text);
  });
  return { text: out.join(' '), confidence: chars.length ? Math.exp(lnConf / chars.length) : 1, chars, words: out };
}

/**
 * The decoder's entry point for callers holding per-character probabilities in reading order
 * (CLI `--charset/--context`, pad, importer). `spaceBefore[i]` marks a word break before
 * character i (from gaps); without it the characters are one word.
 */
export function decodeCharacters(
  charProbs: readonly Float32Array[],
  labels: readonly string[],
  opts: DecodeOptions & { spaceBefore?: readonly boolean[] } = {},
): LineDecodeResult {
  const { spaceBefore, geometry, ...rest } = opts;
  if (spaceBefore && spaceBefore.length !== charProbs.length) throw new Error(`spaceBefore has ${spaceBefore.length} entries for ${charProbs.length} characters.`);
  if (geometry && geometry.length !== charProbs.length) throw new Error(`Got geometry for ${geometry.length} characters, probabilities for ${charProbs.length}.`);
  const words: Float32Array[][] = [];
  const geo: (CharGeometry | null | undefined)[][] = [];
  charProbs.forEach((p, i) => {
    if (i === 0 || spaceBefore?.[i]) {
      words.push([]);
      geo.push([]);
    }
    words[words.length - 1].push(p);
    geo[geo.length - 1].push(geometry?.[i]);
  });
  return decodeLine(words, labels, { ...rest, geometry: geometry ? geo : undefined });
}
