// A string's two quotes read as one mark (core/decode/quotePairs.ts, applied by consistentLine).
import { strict as assert } from 'node:assert';
import { CharReading, consistentLine } from '../../../core/decode/caseConsistency';
import { pairedQuotes } from '../../../core/decode/quotePairs';
import { shippedRecognizer } from '../runtime/fixtures';
import { readBenchCodeImage } from '../segment/helpers';

/** A word as decoded; `offers` gives a character's alternatives by its index in the word. */
function word(text: string, offers: Record<number, Record<string, number>> = {}): CharReading[] {
  return [...text].map((c, i) => ({ text: c, candidates: Object.entries(offers[i] ?? { [c]: 0.9 }).map(([t, p]) => ({ text: t, p })) }));
}
const all = () => true;

describe('decode: a string\'s quotes are one mark', () => {
  it('makes a pair that disagrees the mark both quotes make likeliest together', () => {
    // print(f'{name}"): the opening tick read ' at 0.6 with " at 0.35; the closing " is sure.
    const line = [word(`print(f'{name}")`, { 7: { "'": 0.6, '"': 0.35 }, 14: { '"': 0.9, "'": 0.08 } })];
    assert.deepEqual(consistentLine(line), ['print(f"{name}")']);
    // The other way round, when the closing quote is the unsure one.
    const key = [word(`dict["key']`, { 5: { '"': 0.9, "'": 0.05 }, 9: { "'": 0.55, '"': 0.4 } }), word('='), word('1')];
    assert.deepEqual(consistentLine(key), ['dict["key"]', '=', '1']);
  });

  it('leaves apostrophes, agreeing pairs, a lone quote and marks the classifier never offered', () => {
    const texts = (ws: CharReading[][]) => pairedQuotes(ws, ws.map((w) => w.map((c) => c.text)), all).map((t) => t.join(''));
    // it's 'x": the apostrophe between letters pairs with none; the string's quotes pair.
    assert.deepEqual(texts([word("it's"), word(`'x"`, { 0: { "'": 0.5, '"': 0.45 }, 2: { '"': 0.9, "'": 0.1 } })]), ["it's", '"x"']);
    assert.deepEqual(texts([word(`'a'`), word(`"b"`)]), [`'a'`, `"b"`], 'two strings, each agreeing');
    assert.deepEqual(texts([word(`x'`)]), [`x'`], 'a lone quote has no pair');
    // Neither mark offered for both: nothing to agree on, both stay as read.
    assert.deepEqual(texts([word(`'a"`, { 0: { "'": 0.9 }, 2: { '"': 0.9 } })]), [`'a"`]);
    // The charset rules a mark out.
    const noDouble = (l: string) => l !== '"';
    const ws = [word(`'a"`, { 0: { "'": 0.4, '"': 0.55 }, 2: { '"': 0.9, "'": 0.1 } })];
    assert.deepEqual(pairedQuotes(ws, ws.map((w) => w.map((c) => c.text)), noDouble).map((t) => t.join('')), [`'a'`]);
  });

  it('reads the quotes of code lines in images as one mark (bench:code)', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = (line: string, family: string, look: 'clean' | 'camera') => readBenchCodeImage(recognizer, line, family, look);
    // Before: print(f'{name}"), path = "C:\tmp', if (s === '") return;
    assert.equal(read('print(f"{name}")', 'playwrite-nz', 'camera').endsWith('print(f"{name}")'), true);
    assert.equal(read('path = "C:\\tmp"', 'just-another-hand', 'clean'), 'path = "C:\\tmp"');
    assert.equal(read('if (s === "") return;', 'swanky-and-moo-moo', 'clean'), 'if (s === "") return;');
  });
});
