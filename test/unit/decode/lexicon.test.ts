import * as assert from 'node:assert/strict';
import { decodeWord, DEFAULT_LEXICON_BONUS } from '../../../core/decode/beam';
import { decodeLine } from '../../../core/decode/line';
import { identifierRuns, Lexicon, MAX_LEXICON_WORD_LENGTH, MAX_LEXICON_WORDS, splitNameJoins } from '../../../core/decode/lexicon';
import { joinWords, TextWord } from '../../../core/segment';
import { CODE_CHARACTERS } from '../../../core/labels';
import { Classifier, Recognizer } from '../../../core/recognizer';
import { createGreyImage } from '../../../core/image';
import { confidentWord, LABELS, probs, shippedNgram } from './helpers';

const CODE_LABELS: readonly string[] = Array.from(CODE_CHARACTERS);

describe('decode/lexicon', () => {
  it('keeps only identifier-like words of 2..64 characters, once each, in order', () => {
    const lex = Lexicon.from(['idx', 'idx', 'x', '2fast', 'a b', 'f(a)', 'snake_case', '_private', 'a'.repeat(MAX_LEXICON_WORD_LENGTH + 1), 42, null, 'Ünïcode']);
    assert.equal(lex.size, 3);
    assert.ok(lex.has('idx') && lex.has('snake_case') && lex.has('_private'));
    assert.deepEqual(lex.ofLength(3), ['idx']);
    assert.deepEqual(lex.ofLength(7), []);
  });

  it('is bounded: a huge list keeps the first MAX_LEXICON_WORDS words', () => {
    const words = Array.from({ length: MAX_LEXICON_WORDS * 4 }, (_, i) => `w${i}`);
    const lex = Lexicon.from(words);
    assert.equal(lex.size, MAX_LEXICON_WORDS);
    assert.ok(lex.has('w0') && lex.has(`w${MAX_LEXICON_WORDS - 1}`) && !lex.has(`w${MAX_LEXICON_WORDS}`));
    assert.equal(Lexicon.from([]).size, 0);
    // Decoding with the full lexicon (900 of its words have four characters) still reads what is written.
    assert.equal(decodeWord(confidentWord('idx2'), LABELS, { ngram: shippedNgram(), lexicon: lex }).text, 'idx2');
    assert.equal(decodeWord(confidentWord('idx2'), LABELS, { lexicon: Lexicon.from([]) }).text, 'idx2');
  });

  it('finds the identifier runs of a token', () => {
    const runs = (t: string) => identifierRuns(Array.from(t)).map((r) => t.slice(r.start, r.end));
    assert.deepEqual(runs('f(a,'), ['f', 'a']);
    assert.deepEqual(runs('idx);'), ['idx']);
    assert.deepEqual(runs('foo.bar_2'), ['foo', 'bar_2']);
    assert.deepEqual(runs('();'), []);
  });

  it('a near-miss reads as the lexicon word: 1dx with idx in the file gives idx', () => {
    const ngram = shippedNgram();
    const word = [probs({ '1': 0.5, i: 0.3, l: 0.1 }), probs({ d: 0.9 }), probs({ x: 0.9 })];
    assert.equal(decodeWord(word, LABELS, { ngram }).text, '1dx');
    assert.equal(decodeWord(word, LABELS, { ngram, lexicon: Lexicon.from(['idx', 'count']) }).text, 'idx');
    // Found even where the beam never held it: every glyph leans a little to another letter.
    const second = Array.from('hxmzq').map((c, i) => probs({ [c]: 0.45, ['seven'[i]]: 0.4 }));
    assert.equal(decodeWord(second, LABELS, { beamWidth: 2 }).text, 'hxmzq');
    assert.equal(decodeWord(second, LABELS, { beamWidth: 2, lexicon: Lexicon.from(['seven']) }).text, 'seven');
    // But not where the glyphs are clearly against it (ln(0.5/0.2) + ln(0.6/0.3) + ... > the bonus).
    const far = [probs({ r: 0.5, n: 0.2 }), probs({ o: 0.6, a: 0.3 }), probs({ w: 0.5, v: 0.35 })];
    assert.equal(decodeWord(far, LABELS, { ngram, lexicon: Lexicon.from(['nav']) }).text, 'row');
  });

  it('a clearly written new word reads as written: idx2 stays idx2, idx1 is not pulled to idx2', () => {
    const ngram = shippedNgram();
    const lexicon = Lexicon.from(['idx', 'idx2', 'count']);
    assert.equal(decodeWord(confidentWord('idx2'), LABELS, { ngram, lexicon }).text, 'idx2');
    const idx1 = [probs({ i: 0.9 }), probs({ d: 0.9 }), probs({ x: 0.9 }), probs({ '1': 0.85, '2': 0.05 })];
    assert.equal(decodeWord(idx1, LABELS, { ngram, lexicon }).text, 'idx1');
    assert.equal(decodeWord(confidentWord('tmp9'), LABELS, { ngram, lexicon: Lexicon.from(['tmp', 'tmp1', 'temp']) }).text, 'tmp9');
    // Turned off, the near-miss reads as the glyphs say.
    const word = [probs({ '1': 0.5, i: 0.3 }), probs({ d: 0.9 }), probs({ x: 0.9 })];
    assert.equal(decodeWord(word, LABELS, { ngram, lexicon, lexiconBonus: 0 }).text, '1dx');
  });

  it('the bonus is per lexicon identifier run, and shows in the score', () => {
    const word = confidentWord('idx');
    const plain = decodeWord(word, LABELS, {});
    const withLex = decodeWord(word, LABELS, { lexicon: Lexicon.from(['idx']) });
    assert.ok(Math.abs(withLex.score - plain.score - DEFAULT_LEXICON_BONUS) < 1e-9);
  });

  it('identifier runs inside tokens with symbols: idx); and f(count, read with the lexicon', () => {
    // No LM here: the glyphs alone lean to the near-miss.
    const lexicon = Lexicon.from(['idx', 'count']);
    const p = (masses: Record<string, number>) => probs(masses, CODE_LABELS);
    const call = [p({ '1': 0.5, i: 0.3, l: 0.1 }), p({ d: 0.9 }), p({ x: 0.9 }), p({ ')': 0.9 }), p({ ';': 0.9 })];
    assert.equal(decodeWord(call, CODE_LABELS, {}).text, '1dx);');
    assert.equal(decodeWord(call, CODE_LABELS, { lexicon }).text, 'idx);');
    const args = [p({ f: 0.9 }), p({ '(': 0.9 }), ...Array.from('c0unt').map((c) => (c === '0' ? p({ '0': 0.5, o: 0.35 }) : p({ [c]: 0.9 }))), p({ ',': 0.9 })];
    assert.equal(decodeWord(args, CODE_LABELS, {}).text, 'f(c0unt,');
    assert.equal(decodeWord(args, CODE_LABELS, { lexicon }).text, 'f(count,');
  });

  it('respects the charset: a lexicon word with letters outside it is never produced', () => {
    const word = [probs({ '1': 0.5, i: 0.3 }), probs({ '0': 0.5, o: 0.4 })];
    assert.equal(decodeWord(word, LABELS, { charset: 'digits', lexicon: Lexicon.from(['io']) }).text, '10');
  });

  it('decodeLine threads the lexicon to every word', () => {
    const nearMiss = [probs({ '1': 0.5, i: 0.3 }), probs({ d: 0.9 }), probs({ x: 0.9 })];
    const line = decodeLine([confidentWord('let'), nearMiss], LABELS, { ngram: shippedNgram(), lexicon: Lexicon.from(['idx']) });
    assert.equal(line.text, 'let idx');
    assert.equal(line.chars[3].label, 'i');
  });

  it('the Recognizer threads the lexicon (a Lexicon or a word list) to every word it decodes', () => {
    // A classifier that reads "1dx" from any three inked images, leaning only a little to the 1.
    const word = [probs({ '1': 0.5, i: 0.3 }), probs({ d: 0.9 }), probs({ x: 0.9 })];
    const classifier: Classifier = { labels: LABELS, probabilities: (chars) => chars.map((_, i) => word[i % 3]) };
    const recognizer = new Recognizer(classifier);
    const ink = createGreyImage(20, 30);
    for (let y = 5; y < 25; y++) ink.data.fill(0, y * 20 + 8, y * 20 + 12);
    const inputs = [{ image: ink }, { image: ink }, { image: ink }];
    assert.equal(recognizer.recognizeSequence(inputs, {}).text, '1dx');
    const words = ['idx', 'count'];
    assert.equal(recognizer.recognizeSequence(inputs, { lexicon: words }).text, 'idx');
    assert.equal(recognizer.recognizeSequence(inputs, { lexicon: Lexicon.from(words) }).text, 'idx');
  });
});

describe('decode/lexicon: names written with a gap inside', () => {
  const lexicon = Lexicon.from(['count', 'items', 'name', 'print', 'into', 'in', 'to', 'around']);

  it('joins the pieces of a name the document has', () => {
    assert.deepEqual(splitNameJoins(['c', 'ount++;'], lexicon), [false, true]);
    assert.deepEqual(splitNameJoins(['item', 's.push(next);'], lexicon), [false, true]);
    assert.deepEqual(splitNameJoins(['print(f"{n', 'ame}")'], lexicon), [false, true]);
    assert.deepEqual(splitNameJoins(['c', 'o', 'unt++;'], lexicon), [false, true, true]);
  });

  it('leaves words apart that are words on their own, that spell no name, or that prose writes alone', () => {
    assert.deepEqual(splitNameJoins(['in', 'to'], lexicon), [false, false]);
    assert.deepEqual(splitNameJoins(['x', '=', 'count'], lexicon), [false, false, false]);
    assert.deepEqual(splitNameJoins(['return', 'a'], lexicon), [false, false]);
    assert.deepEqual(splitNameJoins(['a', 'round'], lexicon), [false, false]);
    assert.deepEqual(splitNameJoins(['c', 'ount'], Lexicon.empty), [false, false]);
  });

  it('the Recognizer joins them on the pad (recognizeSequence) only with the lexicon', () => {
    const letters = 'count';
    const classifier: Classifier = { labels: LABELS, probabilities: (chars) => chars.map((_, i) => probs({ [letters[i % 5]]: 0.97 })) };
    const recognizer = new Recognizer(classifier);
    const ink = createGreyImage(20, 30);
    for (let y = 10; y < 25; y++) ink.data.fill(0, y * 20 + 6, y * 20 + 14);
    const inputs = Array.from(letters, () => ({ image: ink }));
    const spaceBefore = [false, true, false, false, false];
    assert.equal(recognizer.recognizeSequence(inputs, { spaceBefore }).text, 'c ount');
    const joined = recognizer.recognizeSequence(inputs, { spaceBefore, lexicon: ['count'] });
    assert.equal(joined.text, 'count');
    assert.deepEqual(joined.spaceBefore, [false, false, false, false, false], 'the spaces of the text, per character');
    assert.deepEqual(recognizer.recognizeSequence(inputs, { spaceBefore }).spaceBefore, spaceBefore);
  });

  it('joinWords merges the words of an image line, their characters and boxes', () => {
    const word = (text: string, left: number): TextWord => ({
      box: { left, top: 0, right: left + 10 * text.length, bottom: 20 },
      text,
      confidence: 0.9,
      chars: Array.from(text, (_, i) => ({ box: { left: left + 10 * i, top: 0, right: left + 10 * i + 10, bottom: 20 }, candidates: [], crop: { image: createGreyImage(10, 20) } })),
    });
    const joined = joinWords([word('c', 0), word('ount', 30), word('x', 90)], [false, true, false]);
    assert.deepEqual(joined.map((w) => w.text), ['count', 'x']);
    assert.deepEqual(joined[0].box, { left: 0, top: 0, right: 70, bottom: 20 });
    assert.equal(joined[0].chars.length, 5);
  });
});
