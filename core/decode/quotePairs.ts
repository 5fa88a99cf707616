/**
 * A string's two quotes are the same mark: `"key'` and `'{name}"` are a hand's " whose two ticks ran
 * into one, or a ' drawn with a second stroke. Each character was read on its own, so the opening and
 * closing quote may disagree; a line's quotes pair left to right, and a pair that disagrees takes the
 * mark both quotes make likeliest together.
 */
import { isLetterOrDigit, QUOTE_MARKS } from '../labels';
import { CharReading } from './charReading';

/** A character's alternatives, best first. */
type Offers = Pick<CharReading, 'candidates'>;

/**
 * The line's words with each pair of disagreeing quotes made one mark: the one whose probability for
 * both quotes together (the product of the classifier's offers) is highest, when it is offered for
 * both. A quote between two letters or digits of a word is an apostrophe (it's) and pairs with none.
 * `texts`: the words' current texts (one string per character), returned changed where a pair agreed.
 */
export function pairedQuotes(words: readonly (readonly Offers[])[], texts: readonly (readonly string[])[], allowed: (label: string) => boolean): string[][] {
  const out = texts.map((w) => [...w]);
  const places: [number, number][] = [];
  words.forEach((w, wi) =>
    w.forEach((_, ci) => {
      const t = out[wi];
      if (!QUOTE_MARKS.includes(t[ci])) return;
      const apostrophe = ci > 0 && ci + 1 < t.length && isLetterOrDigit(t[ci - 1]) && isLetterOrDigit(t[ci + 1]);
      if (!apostrophe) places.push([wi, ci]);
    }),
  );
  for (let k = 0; k + 1 < places.length; k += 2) {
    const [open, close] = [places[k], places[k + 1]];
    if (out[open[0]][open[1]] === out[close[0]][close[1]]) continue;
    const offer = (at: [number, number], mark: string) => words[at[0]][at[1]].candidates.find((c) => c.text === mark)?.p ?? 0;
    let best = '', bestP = 0;
    for (const mark of QUOTE_MARKS) {
      const p = offer(open, mark) * offer(close, mark);
      if (allowed(mark) && p > bestP) [best, bestP] = [mark, p];
    }
    if (best) out[open[0]][open[1]] = out[close[0]][close[1]] = best;
  }
  return out;
}
