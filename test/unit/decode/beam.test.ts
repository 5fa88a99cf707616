import * as assert from 'node:assert/strict';
import { decodeWord } from '../../../core/decode/beam';
import { decodeCharacters, decodeLine } from '../../../core/decode/line';
import { writerReferences } from '../../../core/decode/caseGeometry';
import { Lexicon } from '../../../core/decode/lexicon';
import { CODE_CHARACTERS, DIGITS } from '../../../core/labels';
import { argmaxLabel, confidentWord, LABELS, probs, randomProbs, seededRandom, shippedNgram } from './helpers';

describe('decode/beam', () => {
  it('reads a lone l in running text as the 1 or I the classifier offers beside it, but an l inside a name, or read on its own, as written', () => {
    const labels = Array.from(CODE_CHARACTERS);
    const ell = () => probs({ l: 0.5, '1': 0.3, I: 0.1 }, labels);
    assert.equal(decodeWord([ell()], labels, { context: 'x -= ' }).text, '1', 'x -= l');
    assert.equal(decodeWord([ell()], labels).text, 'l', 'a character read on its own');
    const sure = (c: string) => probs({ [c]: 0.9 }, labels);
    assert.equal(decodeWord([sure('h'), sure('('), ell(), sure(')')], labels).text, 'h(1)', 'h(l)');
    assert.equal(decodeWord([sure('n'), sure('u'), ell(), ell()], labels).text, 'null', 'null');
    // With the file's names as lexicon the readings are weighed again, the lone l's cost with them
    // (bench:code images: kalam's and edu-qld-beginner's `f(g(h(1)))` read `h(l)` with the lexicon only).
    const lexicon = Lexicon.from(['null', 'idx']);
    assert.equal(decodeWord([sure('h'), sure('('), ell(), sure(')')], labels, { lexicon }).text, 'h(1)', 'h(l), lexicon');
    assert.equal(decodeWord([ell()], labels, { context: 'x -= ', lexicon }).text, '1', 'x -= l, lexicon');
    assert.equal(decodeWord([sure('n'), sure('u'), ell(), ell()], labels, { lexicon }).text, 'null', 'null, lexicon');
  });

  it('returns the per-character argmax when the LM and digit weights are 0 (and with no LM)', () => {
    const rand = seededRandom(42);
    const ngram = shippedNgram();
    for (let trial = 0; trial < 50; trial++) {
      const word = Array.from({ length: 1 + (trial % 9) }, () => randomProbs(rand));
      const argmax = word.map((p) => argmaxLabel(p)).join('');
      assert.equal(decodeWord(word, LABELS, { ngram, lmWeight: 0, digitWeight: 0, context: 'let 0x' }).text, argmax);
      assert.equal(decodeWord(word, LABELS, { digitWeight: 0 }).text, argmax);
    }
  });

  it('scoreOnly gives the full decode\'s text and score, without the per-character work', () => {
    const rand = seededRandom(17);
    const ngram = shippedNgram();
    for (let n = 1; n <= 8; n++) {
      const word = Array.from({ length: n }, () => randomProbs(rand));
      const full = decodeWord(word, LABELS, { ngram, context: 'let ' });
      const only = decodeWord(word, LABELS, { ngram, context: 'let ', scoreOnly: true });
      assert.equal(only.text, full.text);
      assert.equal(only.score, full.score);
      assert.deepEqual(only.chars, []);
      assert.ok(Number.isNaN(only.confidence));
      assert.equal(full.chars.length, n);
    }
  });

  it('the text before the cursor changes the decision: 0x + an O-like glyph gives 0', () => {
    const ngram = shippedNgram();
    const oLike = [probs({ O: 0.45, '0': 0.38, o: 0.12 })];
    assert.equal(decodeWord(oLike, LABELS, { ngram }).text, 'O');
    assert.equal(decodeWord(oLike, LABELS, { ngram, context: 'the ' }).text, 'O');
    assert.equal(decodeWord(oLike, LABELS, { ngram, context: 'const mask = 0x' }).text, '0');
  });

  it('digits lean to digits among digits (0x1F, 2026, x1)', () => {
    const ngram = shippedNgram();
    const year = [probs({ '2': 0.9 }), probs({ O: 0.45, '0': 0.4, o: 0.1 }), probs({ '2': 0.9 }), probs({ '6': 0.9 })];
    assert.equal(decodeWord(year, LABELS, { ngram }).text, '2026');
    const hex = [probs({ '0': 0.9 }), probs({ x: 0.9 }), probs({ l: 0.45, '1': 0.4, I: 0.1 }), probs({ F: 0.9 })];
    assert.equal(decodeWord(hex, LABELS, { ngram }).text, '0x1F');
    const x1 = [probs({ x: 0.9 }), probs({ l: 0.45, '1': 0.4, I: 0.1 })];
    assert.equal(decodeWord(x1, LABELS, { ngram, context: 'const ' }).text, 'x1');
  });

  it('identifiers survive: no dictionary rewriting of idx2, camelCase, snake-like or odd text', () => {
    const ngram = shippedNgram();
    const ids = ['idx2', 'idx', 'camelCase', 'getX2', 'snake', 'case', 'tmp', 'cfg', 'ptr', 'buf', 'qwfpgj', 'xyzzy', 'tmp9b', 'nTx', 'Kq7', 'utf8', 'i18n'];
    for (const id of ids) {
      assert.equal(decodeWord(confidentWord(id, 0.8), LABELS, { ngram }).text, id);
      assert.equal(decodeWord(confidentWord(id, 0.8), LABELS, { ngram, context: 'for (let ' }).text, id);
    }
    // The glyph leans 8:1 to the written character, the LM strongly to a word: the glyph wins.
    // ('id' + 'e' is far likelier than 'id' + 'x' in the corpus; the LM's pull is bounded.)
    const idx = [probs({ i: 0.9 }), probs({ d: 0.9 }), probs({ x: 0.8, e: 0.1 })];
    assert.equal(decodeWord(idx, LABELS, { ngram, context: 'for (let ' }).text, 'idx');
    const idx2 = [probs({ i: 0.9 }), probs({ d: 0.9 }), probs({ x: 0.9 }), probs({ '2': 0.55, z: 0.35 })];
    assert.equal(decodeWord(idx2, LABELS, { ngram }).text, 'idx2');
    const tmp9 = [probs({ t: 0.9 }), probs({ m: 0.9 }), probs({ p: 0.9 }), probs({ '9': 0.6, g: 0.3 })];
    assert.equal(decodeWord(tmp9, LABELS, { ngram }).text, 'tmp9');
  });

  it("a j whose top stays under the x-height is a semicolon; one whose dot stands above it stays j", () => {
    // bench:code's images: loved-by-the-king's `return;` read `returnj` (j 0.91, ; 0.03), its top at the x-height's 0.7.
    const labels = Array.from(CODE_CHARACTERS);
    const word = [...'return'].map((c) => probs({ [c]: 0.9 }, labels)).concat(probs({ j: 0.7, ';': 0.2 }, labels));
    const letters = [1.0, 1.0, 1.3, 1.0, 1.0, 1.0].map((top) => ({ top, bottom: 0 }));
    assert.equal(decodeWord(word, labels, { geometry: [...letters, { top: 0.7, bottom: -0.3 }] }).text, 'return;');
    assert.equal(decodeWord(word, labels, { geometry: [...letters, { top: 1.25, bottom: -0.4 }] }).text, 'returnj');
  });

  it('case from geometry: a small c among x-high letters is c, a tall one is C', () => {
    // The classifier cannot tell c from C by shape: equal odds.
    const word = [probs({ c: 0.45, C: 0.45 }), probs({ a: 0.9 }), probs({ b: 0.9 })];
    const small = [{ top: 1.0, bottom: 0 }, { top: 1.0, bottom: 0 }, { top: 1.5, bottom: 0 }];
    const tall = [{ top: 1.5, bottom: 0 }, { top: 1.0, bottom: 0 }, { top: 1.5, bottom: 0 }];
    assert.equal(decodeWord(word, LABELS, { geometry: small }).text, 'cab');
    assert.equal(decodeWord(word, LABELS, { geometry: tall }).text, 'Cab');
    // The word's own heights count, not the frame's: a word written large all over.
    const big = [{ top: 2.9, bottom: 0 }, { top: 2.0, bottom: 0 }, { top: 3.0, bottom: 0 }];
    assert.equal(decodeWord(word, LABELS, { geometry: big }).text, 'Cab');
    const s = [probs({ e: 0.9 }), probs({ s: 0.4, S: 0.45, '5': 0.1 })];
    assert.equal(decodeWord(s, LABELS, { geometry: [{ top: 1, bottom: 0 }, { top: 1.02, bottom: -0.02 }] }).text, 'es');
    // Descent: g/q descend, 9 sits on the baseline.
    const nine = [probs({ '1': 0.9 }), probs({ g: 0.5, '9': 0.4 })];
    assert.equal(decodeWord(nine, LABELS, { geometry: [{ top: 1.45, bottom: 0 }, { top: 1.45, bottom: 0 }] }).text, '19');
    // A 3 whose tail dips below the baseline (as many hands write it) is as much a 3 as one on it:
    // bench:text's slanted group read dataMaxUser3 as dataMaxUserg, the g barely offered.
    const three = [probs({ U: 0.9 }), probs({ s: 0.9 }), probs({ e: 0.9 }), probs({ r: 0.9 }), probs({ '3': 0.93, g: 0.01 })];
    const flat = { top: 1, bottom: 0 };
    const p3 = (last: { top: number; bottom: number }) =>
      decodeWord(three, LABELS, { geometry: [{ top: 1.45, bottom: 0 }, flat, flat, flat, last] }).chars[4].candidates.find((c) => c.label === '3')!.p;
    assert.ok(p3({ top: 1.05, bottom: -0.5 }) > p3({ top: 1.45, bottom: 0 }) - 0.02, `${p3({ top: 1.05, bottom: -0.5 })}`);
  });

  it("a word with no x-high or cap-high letter of its own measures its case against its line's", () => {
    // bench:pad-accuracy: "pop JSON Count" and "PrTTP foX Number", where the word alone has nothing
    // to measure by and the line frame's x-height is off.
    const cox = [probs({ c: 0.45, C: 0.45 }), probs({ o: 0.45, O: 0.45 }), probs({ x: 0.45, X: 0.45 })];
    const and = [probs({ a: 0.9 }), probs({ n: 0.9 }), probs({ d: 0.9 })];
    const at = (top: number) => ({ top, bottom: 0 });
    // Written large: x-high letters reach 1.5 frame x-heights, the d 2.3.
    const large = [[at(1.5), at(1.5), at(2.3)], [at(1.5), at(1.5), at(1.5)]];
    assert.equal(decodeWord(cox, LABELS, { geometry: large[1] }).text, 'COX', 'alone, the word looks tall');
    assert.equal(decodeLine([and, cox], LABELS, { geometry: large }).text, 'and cox');
    // Digits are no measure of the line's capitals: hands write them short (a 42 at 1.25 x-heights).
    const an = [probs({ a: 0.9 }), probs({ n: 0.9 })];
    const four2 = [probs({ '4': 0.9 }), probs({ '2': 0.9 })];
    assert.equal(decodeLine([an, cox, four2], LABELS, { geometry: [[at(1), at(1)], [at(1.2), at(1.2), at(1.2)], [at(1.25), at(1.25)]] }).text, 'an cox 42');
  });

  it("a word with nothing to measure by is measured by the writer's own heights (their profile)", () => {
    // bench:adapt: hands whose capitals stand barely above their small letters (gochi-hand, the
    // girl next door) had every lone C, U, V, W read small against a typical hand's capitals.
    const c = [probs({ c: 0.45, C: 0.45 })];
    const at = (top: number, bottom = 0) => [{ top, bottom }];
    const writer = { xTop: 0.9, capTop: 1.12, baseline: NaN, descender: NaN, labelTops: {}, labelSpread: 0.12 };
    assert.equal(decodeWord(c, LABELS, { geometry: at(1.1) }).text, 'c', 'against a typical hand: small');
    assert.equal(decodeWord(c, LABELS, { geometry: at(1.1), writerReferences: writer }).text, 'C');
    assert.equal(decodeWord(c, LABELS, { geometry: at(0.9), writerReferences: writer }).text, 'c');
    // The word's own letters still come first: beside an x-high 'a' at 1.1, the c is small.
    const ca = [probs({ c: 0.45, C: 0.45 }), probs({ a: 0.9 })];
    assert.equal(decodeWord(ca, LABELS, { geometry: [...at(1.1), ...at(1.1)], writerReferences: writer }).text, 'ca');
    // Unknown heights (too few samples) change nothing.
    const unknown = { xTop: NaN, capTop: NaN, baseline: NaN, descender: NaN, labelTops: {}, labelSpread: 0.12 };
    assert.equal(decodeWord(c, LABELS, { geometry: at(1.1), writerReferences: unknown }).text, 'c');
  });

  it("a writer's own look-alikes and where their letters stand decide a lone character", () => {
    // bench:adapt, indie-flower: an O smaller than the other capitals, read o; nanum-pen-script: letters
    // standing 0.3 x-heights above the frame's baseline, so its p (which stops at the baseline) read P.
    const ring = [probs({ o: 0.45, O: 0.45 })];
    const at = (top: number, bottom = 0) => [{ top, bottom }];
    const base = { xTop: 1, capTop: 1.5, baseline: NaN, descender: NaN, labelSpread: 0.12 };
    const smallO = { ...base, labelTops: { o: 1.0, O: 1.2 } };
    assert.equal(decodeWord(ring, LABELS, { geometry: at(1.2), writerReferences: { ...base, labelTops: {} } }).text, 'o', 'by a typical hand: small');
    assert.equal(decodeWord(ring, LABELS, { geometry: at(1.2), writerReferences: smallO }).text, 'O');
    assert.equal(decodeWord(ring, LABELS, { geometry: at(1.0), writerReferences: smallO }).text, 'o');
    const p = [probs({ p: 0.45, P: 0.45 })];
    const floating = { ...base, labelTops: {}, baseline: 0.3, descender: -0.1 };
    assert.equal(decodeWord(p, LABELS, { geometry: at(1.2, 0) }).text, 'P', 'on the frame\'s baseline: no descender');
    assert.equal(decodeWord(p, LABELS, { geometry: at(1.2, 0), writerReferences: floating }).text, 'p');
    assert.equal(decodeWord(p, LABELS, { geometry: at(1.5, 0.3), writerReferences: floating }).text, 'P');
  });

  it('writerReferences: median tops, bottoms and look-alike tops of labelled samples, none from too few', () => {
    const sample = (label: string, top: number, bottom = 0) => ({ label, geometry: { top, bottom } });
    const refs = writerReferences([
      sample('a', 0.9, 0.1), sample('o', 1.0, 0.2), sample('o', 1.0, 0.2), sample('x', 0.95, 0.1), sample('C', 1.1), sample('A', 1.2),
      sample('U', 1.15), sample('l', 2), sample('.', 0.2), sample('p', 0.9, -0.4), sample('g', 0.9, -0.5), sample('y', 0.9, -0.6),
    ]);
    const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    near(refs.xTop, 0.975); // a o o x
    near(refs.capTop, 1.15); // C A U (not the l)
    near(refs.baseline, 0.05); // the standing letters' bottoms
    near(refs.descender, -0.5); // p g y
    assert.deepEqual(refs.labelTops, { o: 1.0 }, 'look-alikes with two samples or more');
    assert.equal(refs.labelSpread, 0.12, 'no less than the least spread');
    const few = writerReferences([sample('a', 0.9), sample('C', 1.1), sample('A', 1.2), sample('U', 1.15), { label: 'o', geometry: null }]);
    assert.ok(Number.isNaN(few.xTop) && Number.isNaN(few.descender));
    assert.equal(few.capTop, 1.15);
  });

  it('ink reaching a quarter of the x-height is a mark, not a letter: map.get, not mapoget', () => {
    // bench:code, pad, rowmand: the full stop drawn as a small loop, classified o 0.74, . 0.04.
    const code = [...CODE_CHARACTERS];
    const p = (m: Record<string, number>) => probs(m, code);
    const word = [p({ m: 0.99 }), p({ a: 0.99 }), p({ p: 0.99 }), p({ o: 0.74, e: 0.07, '.': 0.04 }), p({ g: 0.99 }), p({ e: 0.97 }), p({ t: 0.99 })];
    const flat = { top: 1, bottom: 0 };
    const geometry = [flat, flat, { top: 1, bottom: -0.5 }, { top: 0.25, bottom: -0.14 }, { top: 1, bottom: -0.5 }, flat, { top: 1.3, bottom: 0 }];
    assert.equal(decodeWord(word, code, { geometry }).text, 'map.get');
    // An o written small, at two thirds of the x-height, is still an o.
    const small = [...geometry.slice(0, 3), { top: 0.65, bottom: 0 }, ...geometry.slice(4)];
    assert.equal(decodeWord(word, code, { geometry: small }).text, 'mapoget');
  });

  it('a flat stroke on the baseline is an underscore, one half an x-height up a minus, whatever the n-gram prefers', () => {
    // The classifier's reading of sue-ellen-francisco's _ in bench:code's `name_2` (0.68 against 0.29 for -);
    // the n-gram (code that names things in camelCase) likes name-2 better by 4.75 nats.
    const code = [...CODE_CHARACTERS];
    const p = (m: Record<string, number>) => probs(m, code);
    const ngram = shippedNgram();
    const word = [p({ n: 0.95 }), p({ a: 0.95 }), p({ m: 0.95 }), p({ e: 0.95 }), p({ _: 0.68, '-': 0.29 }), p({ '2': 0.95 })];
    const x = { top: 1, bottom: 0 };
    const low = [x, x, x, x, { top: 0.15, bottom: -0.02 }, { top: 1.4, bottom: 0 }];
    assert.equal(decodeWord(word, code, { ngram }).text, 'name-2', 'without geometry the n-gram decides');
    assert.equal(decodeWord(word, code, { ngram, geometry: low }).text, 'name_2');
    // The same stroke half an x-height up is a minus, however the classifier leaned.
    const mid = [...low.slice(0, 4), { top: 0.6, bottom: 0.45 }, low[5]];
    const leaning = [...word.slice(0, 4), p({ _: 0.6, '-': 0.35 }), word[5]];
    assert.equal(decodeWord(leaning, code, { ngram, geometry: mid }).text, 'name-2');
    // A glyph read as something else keeps its reading: a ~ with some of the underscore's mass is no minus.
    const tilde = [p({ '~': 0.45, '-': 0.3, _: 0.2 })];
    assert.equal(decodeWord(tilde, code, { geometry: [{ top: 0.65, bottom: 0.4 }] }).text, '~');
  });

  it('an f or a k measures the cap height as b, d, h and l do (either case of them is tall)', () => {
    // bench:code's images, kranky: `if (s === "")` read `if (S ==== "")`, its s a little above the
    // x-height; the cap height guessed from the x-height (1.45 times) put it halfway, and S won at 0.81.
    for (const tall of ['f', 'k']) {
      const word = [probs({ S: 0.6, s: 0.35 }), probs({ e: 0.95 }), probs({ [tall]: 0.95 })];
      const geometry = [{ top: 1.2, bottom: 0 }, { top: 1, bottom: 0 }, { top: 1.9, bottom: 0 }];
      assert.equal(decodeWord(word, LABELS, { geometry }).text, `se${tall}`);
    }
  });

  it('a j misread as J does not measure the word: "jumps" stays lowercase (J is no capital reference)', () => {
    // Pad-path bench, timesib: the j hangs half an x-height below the baseline and its top is at the
    // x-height; taken as a capital it made the whole word look small, so s became S as well.
    const word = [probs({ J: 0.6, j: 0.08, g: 0.06 }), probs({ u: 0.9 }), probs({ m: 0.9 }), probs({ p: 0.9 }), probs({ s: 0.73, S: 0.18 })];
    const geometry = [{ top: 1.07, bottom: -0.54 }, { top: 1.0, bottom: 0 }, { top: 1.0, bottom: 0 }, { top: 1.0, bottom: -0.5 }, { top: 1.06, bottom: -0.05 }];
    assert.equal(decodeWord(word, LABELS, { geometry }).text, 'jumps');
  });

  it("geometry mode 'group' moves mass only inside a look-alike group", () => {
    const word = [probs({ e: 0.5, c: 0.3, C: 0.1 })];
    const r = decodeWord(word, LABELS, { geometry: [{ top: 1.5, bottom: 0 }], geometryMode: 'group', geometryWeight: 1 });
    assert.equal(r.text, 'e');
  });

  it("geometry mode 'all' (default) weighs every label by fit: a tall glyph on the baseline read as q is 1", () => {
    const digits = [probs({ '2': 0.9 }), probs({ q: 0.5, '1': 0.3, '9': 0.05 }), probs({ '7': 0.9 })];
    const g = [{ top: 1.45, bottom: 0 }, { top: 1.45, bottom: 0 }, { top: 1.45, bottom: 0 }];
    assert.equal(decodeWord(digits, LABELS, { geometry: g, digitWeight: 0 }).text, '217');
    assert.equal(decodeWord(digits, LABELS, { geometry: g, digitWeight: 0, geometryMode: 'group' }).text, '297');
    assert.equal(decodeWord(digits, LABELS, { digitWeight: 0 }).text, '2q7');
  });

  it('a look-alike the classifier ranked in its top K stays among the alternatives after geometry', () => {
    // A hand that writes capitals at x-height (gochi-hand): geometry reads V as v, rightly for most
    // hands, and without this rule V dropped out of the three alternatives the writer can pick from.
    const lowV = [probs({ V: 0.4, v: 0.35, u: 0.15, e: 0.06 })];
    const r = decodeWord(lowV, LABELS, { geometry: [{ top: 1.0, bottom: 0 }], topK: 3 });
    assert.equal(r.text, 'v');
    assert.deepEqual(r.chars[0].candidates.map((c) => c.label), ['v', 'u', 'V']);
    // Only what the classifier itself ranked in its top K is kept: here V was fourth.
    const unlikelyV = [probs({ v: 0.5, u: 0.2, e: 0.1, V: 0.05 })];
    const s = decodeWord(unlikelyV, LABELS, { geometry: [{ top: 1.0, bottom: 0 }], topK: 3 });
    assert.deepEqual(s.chars[0].candidates.map((c) => c.label), ['v', 'u', 'e']);
    // With one candidate there is no room: the chosen label alone.
    assert.deepEqual(decodeWord(lowV, LABELS, { geometry: [{ top: 1.0, bottom: 0 }], topK: 1 }).chars[0].candidates.map((c) => c.label), ['v']);
  });

  it('a charset holds inside the beam: digits never yields a letter', () => {
    const rand = seededRandom(7);
    const ngram = shippedNgram();
    for (let trial = 0; trial < 30; trial++) {
      const word = Array.from({ length: 4 }, () => randomProbs(rand));
      const r = decodeWord(word, LABELS, { ngram, charset: 'digits', context: 'let name = ' });
      assert.match(r.text, /^[0-9]{4}$/);
      for (const c of r.chars) for (const cand of c.candidates) assert.ok(DIGITS.includes(cand.label));
    }
  });

  it('reports per-character probabilities, sorted candidates and a confidence in (0, 1]', () => {
    const r = decodeWord(confidentWord('ab3', 0.7), LABELS, { ngram: shippedNgram(), topK: 3 });
    assert.equal(r.chars.length, 3);
    assert.ok(r.confidence > 0 && r.confidence <= 1);
    for (const c of r.chars) {
      assert.equal(c.candidates.length, 3);
      assert.equal(c.candidates[0].label, c.label);
      assert.ok(c.candidates[0].p >= c.candidates[1].p && c.candidates[1].p >= c.candidates[2].p);
    }
    assert.deepEqual(decodeWord([], LABELS), { text: '', confidence: 1, score: 0, chars: [] });
  });

  it('a line passes each word the words before it; decodeCharacters splits at spaces', () => {
    const ngram = shippedNgram();
    const oLike = probs({ O: 0.45, '0': 0.38, o: 0.12 });
    const line = decodeLine([confidentWord('mask'), [probs({ '0': 0.9 }), probs({ x: 0.9 }), oLike]], LABELS, { ngram, context: 'let ' });
    assert.equal(line.text, 'mask 0x0');
    assert.deepEqual(line.words, ['mask', '0x0']);
    const chars = decodeCharacters([...confidentWord('ab'), ...confidentWord('cd')], LABELS, { ngram, spaceBefore: [false, false, true, false] });
    assert.deepEqual(chars.words, ['ab', 'cd']);
    assert.equal(chars.text, 'ab cd');
    assert.equal(decodeCharacters([oLike], LABELS, { ngram, context: '0x' }).text, '0');
  });

  it('rejects malformed input with a clear message', () => {
    assert.throws(() => decodeWord([new Float32Array(5)], LABELS), /5 probabilities; the model has 62 labels/);
    assert.throws(() => decodeWord(confidentWord('ab'), LABELS, { geometry: [{ top: 1, bottom: 0 }] }), /geometry for 1 characters/);
    assert.throws(() => decodeWord(confidentWord('a'.repeat(300)), LABELS), /too long/);
    assert.throws(() => decodeWord(confidentWord('ab'), LABELS, { ngram: shippedNgram(), lmWeight: NaN }), /lmWeight must be a finite number/);
    assert.throws(() => decodeWord(confidentWord('ab'), LABELS, { charset: '' }), /Charset is empty/);
    assert.throws(() => decodeCharacters(confidentWord('ab'), LABELS, { spaceBefore: [true] }), /spaceBefore has 1 entries/);
  });
});
