import * as assert from 'node:assert/strict';
import { evenlySpacedNumbers, wordBreaks } from '../../../core/segment/words';

describe('segment/words: word breaks from a line\'s gaps', () => {
  it('a line of prose: the wide gaps between words break, the letter gaps do not', () => {
    // Body 20 px; letters 0-5 px apart, words 14-16 px.
    const gaps = [2, 4, 0, 15, 3, 5, 1, 2, 14, 4, 3, 16, 2];
    assert.deepEqual([...wordBreaks(gaps, 20)].sort((a, b) => a - b), [3, 8, 11]);
  });

  it('a line of code whose gaps are mostly spaces ("a = b; c = d;") keeps its spaces', () => {
    // bench:code, caveat: body 16, gaps a|=|b|;|c|=|d|; measured 12 17 4 14 13 16 4; read "a=b;c=d;".
    assert.deepEqual([...wordBreaks([12, 17, 4, 14, 13, 16, 4], 16)].sort((a, b) => a - b), [0, 1, 3, 4, 5]);
    // "x -= 1": the gaps beside marks only (the minus and the equals sign), 11 3 16 at body 11.7.
    assert.deepEqual([...wordBreaks([11, 3, 16], 11.7, [false, false, false])].sort((a, b) => a - b), [0, 2]);
  });

  it('gaps that are all spaces break everywhere ("x = y": nothing narrower to compare them with)', () => {
    assert.deepEqual([...wordBreaks([10, 11], 20)].sort((a, b) => a - b), [0, 1]);
  });

  it('one word, however its letters are spaced, stays one word', () => {
    assert.equal(wordBreaks([3, 6, 2, 5, 4], 20).size, 0);
    assert.equal(wordBreaks([], 20).size, 0);
  });
});

describe('segment/words: a number whose digits are spaced evenly but wide', () => {
  const digitsAt = (text: string) => Array.from(text, (c) => c >= '0' && c <= '9');

  it('is one number ("1 9 72" in bench:text reads 1972; "1 960" reads 1960)', () => {
    // caveat, page clean: "button 1972" measured gaps 14 | 9 8 7 at threshold 7.5: breaks after the 1 and the 9.
    const text = 'button1972';
    const gaps = [4, 3, 4, 4, 3, 14, 9, 8, 7];
    const breaks = wordBreaks(gaps, 13.8);
    assert.deepEqual([...breaks].sort((a, b) => a - b), [5, 6, 7]);
    assert.deepEqual([...evenlySpacedNumbers(gaps, breaks, digitsAt(text))].sort((a, b) => a - b), [6, 7]);
    // "stone 1960": the gap after a 1 is wider than the rest (10 against 7 and 5) but not twice as wide.
    assert.deepEqual([...evenlySpacedNumbers([4, 15, 10, 7, 5], new Set([1, 2]), digitsAt('ab1960'))], [2]);
  });

  it('keeps two numbers apart, and a name that ends in a digit apart from the number after it', () => {
    // "1999 2026": the space is five times the digits' gaps.
    assert.equal(evenlySpacedNumbers([3, 3, 3, 15, 3, 3, 3], new Set([3]), digitsAt('19992026')).size, 0);
    // "Index4 613" (cute-font, a training family): the 4 belongs to the name, however close the gaps.
    assert.equal(evenlySpacedNumbers([2, 2, 9, 6, 5], new Set([2]), digitsAt('ex4613')).size, 0);
    // Two digits say nothing of a number's spacing.
    assert.equal(evenlySpacedNumbers([9], new Set([0]), digitsAt('12')).size, 0);
  });
});
