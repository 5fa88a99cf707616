import * as assert from 'node:assert/strict';
import { parseCharset, restrictToCharset, CHARSET_NAMES } from '../../../core/decode/charset';
import { DIGITS, LOWER, UPPER } from '../../../core/labels';
import { argmaxLabel, LABELS, probs, randomProbs, seededRandom } from './helpers';

// LABELS are a 62-class model's: 'code' and 'all' keep all of them.
const EXPECTED: Record<string, string> = {
  code: DIGITS + UPPER + LOWER,
  all: DIGITS + UPPER + LOWER,
  digits: DIGITS,
  letters: UPPER + LOWER,
  upper: UPPER,
  lower: LOWER,
  alnum: DIGITS + UPPER + LOWER,
};

describe('decode/charset', () => {
  for (const name of CHARSET_NAMES) {
    it(`'${name}' keeps the answer inside the set and renormalises`, () => {
      const rand = seededRandom(name.length * 7919);
      const set = parseCharset(name);
      for (let trial = 0; trial < 200; trial++) {
        const r = restrictToCharset(randomProbs(rand), LABELS, set);
        assert.ok(EXPECTED[name].includes(argmaxLabel(r)), `${name} gave ${argmaxLabel(r)}`);
        let sum = 0;
        r.forEach((p, i) => {
          if (!EXPECTED[name].includes(LABELS[i])) assert.equal(p, 0, `${LABELS[i]} outside ${name} kept ${p}`);
          sum += p;
        });
        assert.ok(Math.abs(sum - 1) < 1e-5, `sum ${sum}`);
      }
    });
  }

  it("'code' is every printable ASCII character but the space; 'alnum' leaves the symbols out", () => {
    const code = parseCharset('code').chars!, alnum = parseCharset('alnum').chars!;
    assert.equal(code.size, 94);
    for (const c of '(){}[];=_.,\'"~`') assert.ok(code.has(c) && !alnum.has(c), c);
    assert.ok(!code.has(' '));
  });

  it('digits turns an O-like glyph into 0 and an l-like glyph into 1', () => {
    assert.equal(argmaxLabel(restrictToCharset(probs({ O: 0.5, o: 0.3, '0': 0.1 }), LABELS, 'digits')), '0');
    assert.equal(argmaxLabel(restrictToCharset(probs({ l: 0.6, I: 0.3, '1': 0.05 }), LABELS, 'digits')), '1');
  });

  it('keeps the ratios inside the set', () => {
    const r = restrictToCharset(probs({ a: 0.5, b: 0.2, '7': 0.1 }), LABELS, 'lower');
    const ia = LABELS.indexOf('a'), ib = LABELS.indexOf('b');
    assert.ok(Math.abs(r[ia] / r[ib] - 2.5) < 1e-4);
  });

  it('explicit characters, quoted names and spaces', () => {
    assert.deepEqual([...parseCharset('abc123').chars!].sort(), ['1', '2', '3', 'a', 'b', 'c']);
    assert.deepEqual([...parseCharset('"upper"').chars!].sort(), ['e', 'p', 'r', 'u']);
    assert.deepEqual([...parseCharset('0 1').chars!].sort(), ['0', '1']);
    assert.equal(parseCharset('DIGITS').chars!.size, 10);
    assert.equal(parseCharset('all').chars, null);
    const hex = restrictToCharset(probs({ O: 0.6, D: 0.2, '0': 0.1 }), LABELS, '0123456789abcdefABCDEF');
    assert.equal(argmaxLabel(hex), 'D');
  });

  it('an all-zero slice of the set becomes uniform inside the set', () => {
    const p = new Float32Array(LABELS.length);
    p[LABELS.indexOf('a')] = 1;
    const r = restrictToCharset(p, LABELS, 'digits');
    for (const d of DIGITS) assert.ok(Math.abs(r[LABELS.indexOf(d)] - 0.1) < 1e-6);
  });

  it('rejects empty, invisible, oversized and foreign charsets with a clear message', () => {
    assert.throws(() => parseCharset(''), /empty/);
    assert.throws(() => parseCharset('   '), /empty/);
    assert.throws(() => parseCharset('ab\u0007'), /control or invisible/);
    assert.throws(() => parseCharset('x'.repeat(300)), /at most 256/);
    assert.throws(() => restrictToCharset(probs({}), LABELS, '@#$'), /none of the model's 62 classes/);
    assert.throws(() => restrictToCharset(new Float32Array(3), LABELS, 'all'), /3 probabilities for 62 labels/);
  });
});
