// A bracket closes the kind it opened (core/decode/bracketPairs.ts, applied by consistentLine).
import { strict as assert } from 'node:assert';
import { CharReading, consistentLine } from '../../../core/decode/caseConsistency';
import { pairedBrackets } from '../../../core/decode/bracketPairs';

/** A word as decoded; `offers` gives a character's alternatives by its index in the word. */
function word(text: string, offers: Record<number, Record<string, number>> = {}): CharReading[] {
  return [...text].map((c, i) => ({ text: c, candidates: Object.entries(offers[i] ?? { [c]: 0.9 }).map(([t, p]) => ({ text: t, p })) }));
}
const all = () => true;
const texts = (ws: CharReading[][], allowed: (label: string) => boolean = all) => pairedBrackets(ws, ws.map((w) => w.map((c) => c.text)), allowed).map((t) => t.join(''));

describe('decode: a bracket closes the kind it opened', () => {
  it('makes a pair that disagrees the kind both brackets make likeliest together', () => {
    // bench:code, gluten on the pad: `arr[k - 1);`, the ] read ) at 0.6 with ] at 0.35.
    const line = [word('arr[k'), word('-'), word('1);', { 1: { ')': 0.6, ']': 0.35 } })];
    assert.deepEqual(consistentLine(line), ['arr[k', '-', '1];']);
    // The other way round: an opening ( that the classifier also read [ ; the closing ] is sure.
    assert.deepEqual(texts([word('return'), word('(x,', { 0: { '(': 0.55, '[': 0.4 } }), word('y];', { 1: { ']': 0.9, ')': 0.05 } })]), ['return', '[x,', 'y];']);
  });

  it('pairs brackets as they nest, left to right', () => {
    // f(g[i)]: the inner [ closes with ), the outer ( with ]: both read the other way round.
    const line = [word('f(g[i)]', { 1: { '(': 0.9, '[': 0.05 }, 3: { '[': 0.9, '(': 0.05 }, 5: { ')': 0.7, ']': 0.25 }, 6: { ']': 0.7, ')': 0.25 } })];
    assert.deepEqual(texts(line), ['f(g[i])']);
    assert.deepEqual(texts([word('{a:'), word('(b)}')]), ['{a:', '(b)}'], 'nested pairs that agree stay');
  });

  it('leaves lone brackets, angle brackets, kinds never offered for both, and kinds the charset rules out', () => {
    assert.deepEqual(texts([word('a)'), word('b]')]), ['a)', 'b]'], 'closing brackets with no opening one');
    assert.deepEqual(texts([word('(a')]), ['(a'], 'an opening bracket never closed');
    assert.deepEqual(texts([word('if'), word('(x'), word('<'), word('n)')]), ['if', '(x', '<', 'n)'], 'a < is no bracket');
    assert.deepEqual(texts([word('[a)', { 0: { '[': 0.9 }, 2: { ')': 0.9 } })]), ['[a)'], 'neither kind offered for both');
    const noSquare = (l: string) => l !== '[' && l !== ']';
    assert.deepEqual(texts([word('[a)', { 0: { '[': 0.6, '(': 0.3 }, 2: { ')': 0.5, ']': 0.45 } })], noSquare), ['(a)']);
  });
});
