/**
 * Facts about the 62 character classes that decoding and benchmarks need.
 * The model's own label order lives in its model.json; these helpers work on label strings.
 */

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const ALL_CHARACTERS = DIGITS + UPPER + LOWER;

/** EMNIST-Balanced folds these lowercase letters into their capitals (same shape, size aside). */
export const MERGED_LOWERCASE = 'cijklmopsuvwxyz';

/** The EMNIST-Balanced 47-class label of a character. */
export function mergedLabel(label: string): string {
  return MERGED_LOWERCASE.includes(label) ? label.toUpperCase() : label;
}
