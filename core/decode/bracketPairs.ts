/**
 * A bracket closes the kind it opened: `[x, y)` and `arr[k - 1)` are a `]` read as `)`, or a `(` read as
 * `[`. Each character was read on its own, so an opening and its closing bracket may disagree; a line's
 * brackets pair as they nest, and a pair that disagrees takes the kind both make likeliest together,
 * when the classifier offered it for both. Angle brackets are left out: `<` and `>` compare as often
 * as they enclose.
 */
import { CharReading, offeredProbability } from './charReading';

/** The bracket kinds that pair: opening and closing. */
const PAIRS: readonly (readonly [string, string])[] = [['(', ')'], ['[', ']'], ['{', '}']];
const OPENING = new Set(PAIRS.map(([o]) => o));
const CLOSING = new Set(PAIRS.map(([, c]) => c));

/**
 * The line's words with each pair of disagreeing brackets made one kind: the kind whose probability for
 * both together (the product of the classifier's offers) is highest. A closing bracket with no opening
 * one before it pairs with none. `texts`: the words' current texts (one string per character).
 */
export function pairedBrackets(words: readonly (readonly Pick<CharReading, 'candidates'>[])[], texts: readonly (readonly string[])[], allowed: (label: string) => boolean): string[][] {
  const out = texts.map((w) => [...w]);
  const open: [number, number][] = [];
  out.forEach((t, wi) =>
    t.forEach((ch, ci) => {
      if (OPENING.has(ch)) open.push([wi, ci]);
      if (!CLOSING.has(ch)) return;
      const opening = open.pop();
      if (!opening) return;
      const [ow, oc] = opening;
      if (PAIRS.some(([o, c]) => out[ow][oc] === o && ch === c)) return;
      let best: readonly [string, string] | undefined;
      let bestP = 0;
      for (const pair of PAIRS) {
        const p = offeredProbability(words[ow][oc], pair[0], allowed) * offeredProbability(words[wi][ci], pair[1], allowed);
        if (p > bestP) [best, bestP] = [pair, p];
      }
      if (best) [out[ow][oc], t[ci]] = best;
    }),
  );
  return out;
}

/** Whether every bracket `text` opens closes after it, in order (quotes not looked into: a statement's strings rarely hold one). */
export function bracketsClose(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    const pair = PAIRS.find(([o]) => o === ch);
    if (pair) open.push(pair[1]);
    else if (CLOSING.has(ch) && open.pop() !== ch) return false;
  }
  return open.length === 0;
}

/**
 * Where a line's brackets of one kind go unmatched as they nest: the `opening` ones that close nowhere
 * after them, and the `closing` ones with no opening one before them, as [word, character] positions.
 */
export function unmatchedBrackets(texts: readonly (readonly string[])[], opening: string, closing: string): { unclosed: [number, number][]; unopened: [number, number][] } {
  const unclosed: [number, number][] = [];
  const unopened: [number, number][] = [];
  texts.forEach((t, wi) =>
    t.forEach((ch, ci) => {
      if (ch === opening) unclosed.push([wi, ci]);
      else if (ch === closing && !unclosed.pop()) unopened.push([wi, ci]);
    }),
  );
  return { unclosed, unopened };
}
