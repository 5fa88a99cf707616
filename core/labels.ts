/**
 * Facts about the character classes (62 letters and digits, 94 with the printable symbols) that
 * decoding and benchmarks need.
 * The model's own label order lives in its model.json; these helpers work on label strings.
 */

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const ALL_CHARACTERS = DIGITS + UPPER + LOWER;
/** The printable ASCII symbols code is written with, in ASCII order. */
export const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** The marks a string opens and closes with. */
export const QUOTE_MARKS = '"\'`';
/** Every printable ASCII character but the space: the 94 classes of a code-reading model. */
export const CODE_CHARACTERS = ALL_CHARACTERS + SYMBOLS;

/**
 * The class of a crop that holds several touching characters, not one ("uth" of a marker, "ke" of a
 * joined hand). A model trained with it reads such a clump as a clump instead of as the nearest
 * letter (uth -> m), so the readers cut it. Never a reading: CharClassifier leaves its column out of
 * the probabilities, which then sum to less than one by the clump's share.
 */
export const CLUMP = '\u2591';

/** EMNIST-Balanced folds these lowercase letters into their capitals (same shape, size aside). */
export const MERGED_LOWERCASE = 'cijklmopsuvwxyz';

const labelIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Index of a label in the model's labels, -1 when it has none (one map per label list). */
export function labelIndex(labels: readonly string[], label: string): number {
  let index = labelIndexes.get(labels);
  if (!index) labelIndexes.set(labels, (index = new Map(labels.map((l, k) => [l, k]))));
  return index.get(label) ?? -1;
}

/** Whether a label is one of the ten digits. */
export function isDigit(label: string): boolean {
  return label.length === 1 && label >= '0' && label <= '9';
}

/** Whether a label is one of the 62 letters and digits (not a symbol). */
export function isLetterOrDigit(label: string): boolean {
  return label.length === 1 && ALL_CHARACTERS.includes(label);
}

/** The EMNIST-Balanced 47-class label of a character. */
export function mergedLabel(label: string): string {
  return MERGED_LOWERCASE.includes(label) ? label.toUpperCase() : label;
}
