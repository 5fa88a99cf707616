import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { NgramModel } from '../../../core/decode/ngram';
import { buildNgramModel, countNgrams, DEFAULT_VOCAB } from '../../../core/decode/ngramBuild';
import { shippedNgram, SHIPPED_NGRAM_PATH } from './helpers';
import { shippedRecognizer } from '../runtime/fixtures';
import { readBenchCodeImage } from '../segment/helpers';

describe('decode/ngram', () => {
  it('the shipped model is small, loads and sums to ~1 in any context', () => {
    assert.ok(fs.statSync(SHIPPED_NGRAM_PATH).size < 300_000);
    const m = shippedNgram();
    for (const h of [' ', 'con', '0x', 'zq#', 'idx']) {
      let sum = 0;
      for (const c of DEFAULT_VOCAB) sum += Math.exp(m.lnProb(h, c));
      assert.ok(sum > 0.85 && sum < 1.15, `context '${h}' sums to ${sum}`);
    }
  });

  it('gives every next character at once exactly what it gives each alone', () => {
    const m = shippedNgram();
    // Quotes and characters the model does not know stand for others: several slots share one.
    const nexts = [...DEFAULT_VOCAB, '"', '\u00e9', 'a'];
    for (const h of ['', ' ', 'con', 'x = "a', '0x', 'zq#', 'idx', 'return ']) {
      const all = m.lnProbs(h, nexts);
      nexts.forEach((c, i) => assert.equal(all[i], m.lnProb(h, c), `'${c}' after '${h}'`));
    }
  });

  it('knows code: 0x is followed by a digit, not O', () => {
    const m = shippedNgram();
    assert.ok(m.lnProb('0x', '0') > m.lnProb('0x', 'O') + 2);
    assert.ok(m.lnProb('idx', '2') > m.lnProb('idx', 'z'));
  });

  it("scores a string's closing \" as its closing ' (the corpus quotes with ')", () => {
    const m = shippedNgram();
    assert.equal(m.lnProb('x = "a', '"'), m.lnProb("x = 'a", "'"));
    assert.ok(m.lnProbOfText('', 'x = "a"') > m.lnProbOfText('', 'x = "a') - 3);
  });

  it('reads a string opened with " (bench:code, the-girl-next-door camera)', async function () {
    // Scored as the corpus's rare ", the slash after it read as a comma: `",api/v2"`.
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    assert.equal(readBenchCodeImage(recognizer, 'const url = "/api/v2";', 'the-girl-next-door', 'camera'), 'const url = "/api/v2";');
  });

  it('a model built from a tiny corpus learns its n-grams and round-trips through JSON', () => {
    const json = buildNgramModel(countNgrams(['abcabc abd', 'abcab'], 3), { minCount: [0, 0, 1, 1] });
    const m = NgramModel.fromJson(JSON.parse(JSON.stringify(json)));
    assert.ok(m.lnProb('ab', 'c') > m.lnProb('ab', 'd'));
    assert.ok(m.lnProb('ab', 'd') > m.lnProb('ab', 'z'));
    assert.equal(m.order, 3);
    // Unknown characters read as a space; whitespace runs collapse.
    assert.equal(m.normalize('a\t\t\u00e9b'), 'a b');
  });

  it('counting and building are deterministic', () => {
    const a = JSON.stringify(buildNgramModel(countNgrams(['the cat sat', 'x1 = x2'], 4)));
    const b = JSON.stringify(buildNgramModel(countNgrams(['the cat sat', 'x1 = x2'], 4)));
    assert.equal(a, b);
  });

  it('rejects malformed model files with a clear message', () => {
    assert.throws(() => NgramModel.fromJson(null), /not a JSON object/);
    assert.throws(() => NgramModel.fromJson({ format: 'x' }), /Unknown n-gram format/);
    assert.throws(() => NgramModel.fromJson({ format: 'inkwell-char-ngram', formatVersion: 1, order: 99 }), /Bad n-gram order/);
    assert.throws(
      () => NgramModel.fromJson({ format: 'inkwell-char-ngram', formatVersion: 1, order: 3, vocab: 'ab ', step: 0.1, bowOffset: 2, contexts: {} }),
      /no unigram/,
    );
  });
});
