/**
 * A decoded character with the alternatives the classifier gave it, and the one test the line-level
 * passes (caseConsistency.ts, codeStatements.ts, quotePairs.ts) share before changing it: only to an
 * alternative the classifier itself offered, and the character set allows.
 */

/** One decoded character and the alternatives the classifier gave it (best first). */
export interface CharReading {
  readonly text: string;
  readonly candidates: readonly { readonly text: string; readonly p: number }[];
}

/** An alternative offered with at least this probability may be taken. */
export const MIN_OFFERED = 0.01;

/** Whether `text` is allowed and the classifier offered it for `char` at least MIN_OFFERED. */
export function offered(char: Pick<CharReading, 'candidates'>, text: string, allowed: (label: string) => boolean): boolean {
  return offeredProbability(char, text, allowed) > 0;
}

/** The probability the classifier gave `text` for `char` where offered() holds, else 0. */
export function offeredProbability(char: Pick<CharReading, 'candidates'>, text: string, allowed: (label: string) => boolean): number {
  return allowed(text) ? char.candidates.find((c) => c.text === text && c.p >= MIN_OFFERED)?.p ?? 0 : 0;
}
