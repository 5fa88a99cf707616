import * as assert from 'node:assert/strict';
import { wordBreaks } from '../../../core/segment/words';
import { shippedRecognizer } from '../runtime/fixtures';
import { readBenchCodeImage } from './helpers';

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

  it('leaves the gaps beside an underscore out of the letter spacing: it reaches under its neighbours', async function () {
    // bench:code's images: bad-script's `name_2`, its e, _ and 2 2 and 0 px apart, its letters 5 px: with
    // those two gaps measured the letters' looked like word gaps ("n a m e-2 = _").
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = readBenchCodeImage(recognizer, 'name_2 = "_"', 'bad-script', 'camera');
    assert.match(read, /^name\S2 = /, read);
  });
});
