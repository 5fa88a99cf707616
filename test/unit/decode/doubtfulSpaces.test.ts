import { strict as assert } from 'node:assert';
import { doubtfulSpacesToJoin, JOIN_MARGIN, joinGain, textJoins } from '../../../core/decode/doubtfulSpaces';
import { doubtfulWordGaps, DOUBTFUL_WORD_GAP, TextWord } from '../../../core/segment';
import { createGreyImage } from '../../../core/image';
import { readBenchCodeImage } from '../segment/helpers';
import { Break } from '../../../core/decode/spacing';
import { CODE_CHARACTERS } from '../../../core/labels';
import { FONT_FAMILIES, familiesInGroup } from '../../../training/fonts';
import { writeHersheyLine } from '../../../training/hersheyLines';
import { lcg } from '../../../training/prng';
import { TRACED_RANGES, VOCAB } from '../../../bench/padLines';
import { traceFamily } from '../../../training/tracedFonts';
import { writeCodeLines } from '../../../bench/codeWriting';
import { shippedRecognizer } from '../runtime/fixtures';
import { probs, shippedNgram } from './helpers';

const LABELS = [...CODE_CHARACTERS];

/**
 * A line written as `text` (spaces where the grouping put them), each character read at 0.9 unless
 * `readings` says otherwise; every space in doubt unless `doubtful` says which. Returns the line with the
 * spaces doubtfulSpacesToJoin takes away removed.
 */
function joinIn(text: string, opts: { doubtful?: 'all' | 'none'; readings?: Record<number, Record<string, number>> } = {}): string {
  const chars: string[] = [];
  const before: Break[] = [];
  let spaced = false;
  for (const c of text) {
    if (c === ' ') {
      spaced = true;
      continue;
    }
    before.push(chars.length === 0 ? 'line' : spaced ? 'space' : 'none');
    chars.push(c);
    spaced = false;
  }
  const doubtful = new Set(opts.doubtful === 'none' ? [] : before.flatMap((b, i) => (b === 'space' ? [i] : [])));
  const readings = chars.map((c, i) => ({ probs: probs(opts.readings?.[i] ?? { [c]: 0.9 }, LABELS) }));
  const joins = doubtfulSpacesToJoin(readings, before, doubtful, LABELS, shippedNgram(), { charset: 'code' });
  return chars.map((c, i) => (before[i] === 'space' && !joins.has(i) ? ' ' : '') + c).join('');
}

describe('decode: spaces in doubt, settled by the n-gram', () => {
  it('takes away a doubtful space inside what reads as one word', () => {
    assert.equal(joinIn('c ount++;'), 'count++;');
    assert.equal(joinIn('list(range(1 0))'), 'list(range(10))');
    assert.equal(joinIn('print(f"{n ame}")'), 'print(f"{name}")');
  });

  it('keeps the spaces between words, beside an operator, and after a comment\'s mark', () => {
    assert.equal(joinIn('return x;'), 'return x;');
    assert.equal(joinIn('let idx = 0;'), 'let idx = 0;');
    assert.equal(joinIn('ok = a && b'), 'ok = a && b');
    // cute-font's `# TODO:` with its O's read 0: `#T000:` reads better than `# T000:` to the n-gram.
    assert.equal(joinIn('# T000: fix'), '# T000: fix');
  });

  it('keeps a space the gaps are sure of, however the n-gram reads it', () => {
    assert.equal(joinIn('c ount++;', { doubtful: 'none' }), 'c ount++;');
  });

  it('keeps the spaces around a word that may be an operator misread (dekko\'s && read ss)', () => {
    // ok = a ss b: each s offers & a little, and the line's code passes read the word && between operands.
    const ss = { s: 0.85, '&': 0.05 };
    assert.equal(joinIn('ok = a ss b', { readings: { 4: ss, 5: ss } }), 'ok = a ss b');
    // The same word with no & in it is letters, and the n-gram may join it.
    assert.notEqual(joinIn('ok = a ss b', { readings: { 4: { s: 0.9 }, 5: { s: 0.9 } } }), 'ok = a ss b');
  });

  it('reads training hands\' gaps inside a word on the pad as no space (npx tsx bench/code.ts --training-families --only pad)', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = async (family: string, line: string, seed: number) => {
      const [w] = writeCodeLines([traceFamily(FONT_FAMILIES.find((f) => f.id === family)!)], [line], true, seed);
      return recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth, guide: w.guide, charset: 'code' }).text;
    };
    // Without: `c ou nt ++;` and `@Ove rr ide`.
    assert.equal(await read('playpen-sans', 'count++;', 2), 'count++;');
    assert.equal(await read('gaegu', '@Override', 2), '@Override');
  });

  it("holds a space between two words in doubt against the gaps between letters, not a number's wider ones", async function () {
    // npm run bench:pad-accuracy, slanted group: grape-nuts' "while idx2 2026", whose 2026 is spaced as wide
    // as its words, read "whileidx2 2026".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const fonts = familiesInGroup('slanted').map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!));
    const rnd = lcg(20261126);
    const lines = Array.from({ length: 60 }, (_, i) => writeHersheyLine(fonts[i % fonts.length], VOCAB, TRACED_RANGES, rnd));
    const w = lines.find((l) => l.text === 'while idx2 2026')!;
    assert.equal(recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth }).text, 'while idx2 2026');
  });

  /** Words read from an image (`text` split at its spaces), every gap in doubt unless `doubtful` says which; the line with the joined spaces removed. */
  function textJoinIn(text: string, doubtful?: boolean[]): string {
    const words = text.split(' ');
    const join = textJoins(words, doubtful ?? words.map((_, i) => i > 0), shippedNgram());
    return words.map((w, i) => (i > 0 && !join[i] ? ' ' : '') + w).join('');
  }

  it('joins words already read (an image\'s) where the gap is in doubt and they read better whole', () => {
    assert.equal(textJoinIn('l ist(range(10))'), 'list(range(10))');
    assert.equal(textJoinIn('c o unt++;'), 'count++;');
    assert.equal(textJoinIn('arr [k] = arr[k - 1];'), 'arr[k] = arr[k - 1];');
    assert.equal(textJoinIn('c o unt++;', [false, false, false]), 'c o unt++;', 'no gap in doubt');
    assert.equal(textJoinIn('return x;'), 'return x;');
    assert.equal(textJoinIn('let idx = 0;'), 'let idx = 0;');
  });

  it('keeps the space beside an operator a word ends or starts with: code spaces it on both sides', () => {
    // bench:code, images: grape-nuts' `y = x % 8;` read `g = x% 8;`, which the n-gram alone would join.
    assert.ok(joinGain(shippedNgram(), 'g = ', 'x%', '8;') > JOIN_MARGIN);
    assert.equal(textJoinIn('g = x% 8;'), 'g = x% 8;');
    assert.equal(textJoinIn('x^ y |z&w'), 'x^ y |z&w');
  });

  it('holds an image word gap in doubt when under DOUBTFUL_WORD_GAP times the widest gap inside a word of its line', () => {
    // Characters 10 wide, 4 apart inside a word; words' gaps as given.
    const line = (gaps: number[], lengths: number[]): TextWord[] => {
      let left = 0;
      return lengths.map((n, w) => {
        if (w > 0) left += gaps[w - 1];
        const chars = Array.from({ length: n }, (_, i) => ({ box: { left: left + 14 * i, top: 0, right: left + 14 * i + 10, bottom: 20 }, candidates: [], crop: { image: createGreyImage(10, 20) } }));
        const word = { box: { left, top: 0, right: left + 14 * n - 4, bottom: 20 }, text: 'x'.repeat(n), confidence: 0.9, chars };
        left = word.box.right;
        return word;
      });
    };
    assert.ok(5 < DOUBTFUL_WORD_GAP * 4 && 12 >= DOUBTFUL_WORD_GAP * 4);
    assert.deepEqual(doubtfulWordGaps(line([5, 12], [1, 4, 3])), [false, true, false]);
    // Words of one character each: no gap inside a word to measure against.
    assert.deepEqual(doubtfulWordGaps(line([5, 5], [1, 1, 1])), [false, false, false]);
  });

  it('reads training hands\' gaps inside a word in code images as no space (npx tsx bench/code.ts --training-families --only images)', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    // Without: `l ist(range(10))`, `l og("done.")`, `arr [k] = arr[k - 1];`.
    assert.equal(readBenchCodeImage(recognizer, 'list(range(10))', 'yomogi', 'clean'), 'list(range(10))');
    assert.equal(readBenchCodeImage(recognizer, 'log("done.")', 'yomogi', 'camera'), 'log("done.")');
    assert.equal(readBenchCodeImage(recognizer, 'arr[k] = arr[k - 1];', 'yusei-magic', 'camera'), 'arr[k] = arr[k - 1];');
  });
});
