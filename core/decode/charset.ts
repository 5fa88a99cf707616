/**
 * Character sets: which classes an answer may come from (`--charset`, the pad's 123/abc toggle).
 *
 * The classifier always scores all of its classes; restricting afterwards and renormalising keeps
 * one model for every setting and lets "digits" settle 0/O and 1/l, which no glyph alone can.
 */
import { CODE_CHARACTERS, DIGITS, LOWER, UPPER } from '../labels';
import { massOf } from '../stats';

export const CHARSET_NAMES = ['code', 'all', 'digits', 'letters', 'upper', 'lower', 'alnum'] as const;
export type CharsetName = (typeof CHARSET_NAMES)[number];

export interface Charset {
  /** The spec it was parsed from, for messages. */
  readonly spec: string;
  /** null = every label of the model. */
  readonly chars: ReadonlySet<string> | null;
}

/** Longest explicit character list accepted; a longer spec is a mistake, not a charset. */
const MAX_EXPLICIT = 256;

const NAMED: Record<CharsetName, string | null> = {
  // Every printable ASCII character but the space: what code is written with.
  code: CODE_CHARACTERS,
  all: null,
  digits: DIGITS,
  letters: UPPER + LOWER,
  upper: UPPER,
  lower: LOWER,
  alnum: DIGITS + UPPER + LOWER,
};

export const ALL_CHARSET: Charset = { spec: 'all', chars: null };

/**
 * Parse `code|all|digits|letters|upper|lower|alnum` or explicit characters. Quotes force the explicit
 * reading (`"upper"` = the letters u,p,e,r); an unquoted string that is not a name is explicit too.
 */
export function parseCharset(spec: string): Charset {
  if (typeof spec !== 'string') throw new Error('Charset must be a string.');
  const trimmed = spec.trim();
  if (trimmed.length === 0) throw new Error('Charset is empty: use code, all, digits, letters, upper, lower, alnum or a list of characters.');
  const quoted = /^(["']).+\1$/s.test(trimmed);
  if (!quoted && (CHARSET_NAMES as readonly string[]).includes(trimmed.toLowerCase())) {
    const chars = NAMED[trimmed.toLowerCase() as CharsetName];
    return { spec: trimmed.toLowerCase(), chars: chars === null ? null : new Set(chars) };
  }
  const body = quoted ? trimmed.slice(1, -1) : trimmed;
  const list = Array.from(body);
  if (list.length > MAX_EXPLICIT) throw new Error(`Charset has ${list.length} characters; at most ${MAX_EXPLICIT} are allowed.`);
  const chars = new Set<string>();
  for (const ch of list) {
    if (/\s/u.test(ch)) continue; // "0 1 2" reads as 012
    if (/\p{C}/u.test(ch)) throw new Error(`Charset contains a control or invisible character (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}).`);
    chars.add(ch);
  }
  if (chars.size === 0) throw new Error(`Charset '${spec}' names no characters.`);
  return { spec: trimmed, chars };
}

/** Label indices a charset allows; throws when none of the model's labels is in it. */
export function allowedIndices(labels: readonly string[], charset: Charset): number[] {
  const out: number[] = [];
  labels.forEach((label, i) => {
    if (charset.chars === null || charset.chars.has(label)) out.push(i);
  });
  if (out.length === 0) throw new Error(`Charset '${charset.spec}' contains none of the model's ${labels.length} classes.`);
  return out;
}

/** Probabilities with every label outside the charset set to 0, renormalised to the reading's total (massOf: 1 but for a clump's share). */
export function restrictToCharset(probs: Float32Array, labels: readonly string[], charset: Charset | string): Float32Array {
  if (probs.length !== labels.length) throw new Error(`Got ${probs.length} probabilities for ${labels.length} labels.`);
  const set = typeof charset === 'string' ? parseCharset(charset) : charset;
  const allowed = allowedIndices(labels, set);
  const out = new Float32Array(probs.length);
  let sum = 0;
  for (const i of allowed) {
    const p = probs[i];
    out[i] = Number.isFinite(p) && p > 0 ? p : 0;
    sum += out[i];
  }
  // Every allowed class underflowed to 0: no evidence inside the set, so every member is equally likely.
  if (!(sum > 0)) {
    for (const i of allowed) out[i] = 1 / allowed.length;
    return out;
  }
  // To the total the reading had (1 but for a clump's share: stats.ts massOf).
  const mass = massOf(probs);
  for (const i of allowed) out[i] *= mass / sum;
  return out;
}
