import { strict as assert } from 'node:assert';
import { DOUBTFUL_SPACE, facingGap, findSpaces } from '../../../core/strokes';
import { spaceInDoubt } from '../../../core/decode/doubtfulSpaces';

/** For each gap of a pad line, whether it is a space in doubt (as Recognizer.withoutDoubtfulSpaces asks). */
const doubtfulSpaces = (gaps: number[], spaces: boolean[]) => {
  const inDoubt = spaceInDoubt(gaps.filter((_, k) => !spaces[k]), DOUBTFUL_SPACE);
  return gaps.map((g, k) => spaces[k] && inDoubt(g));
};

describe('strokes: word gaps', () => {
  it('holds a space in doubt when its gap is under DOUBTFUL_SPACE times the widest gap inside a word of its line', () => {
    // c ount++; : the gap after the c (9) is a space, but under 1.7 times the widest gap between letters (6).
    const spaces = [true, false, false, false, true, false];
    const gaps = [9, 4, 6, 3, 12, 2];
    assert.deepEqual(doubtfulSpaces(gaps, spaces), [true, false, false, false, false, false]);
    assert.ok(9 < DOUBTFUL_SPACE * 6 && 12 >= DOUBTFUL_SPACE * 6);
    // A line of one-letter words has no gap inside a word to measure against: no space is in doubt.
    assert.deepEqual(doubtfulSpaces([5, 5, 6], [true, true, true]), [false, false, false]);
    // Nor against letters that overlap (touching, or a slanted hand's): their gaps are no measure.
    assert.deepEqual(doubtfulSpaces([5, -1, -2], [true, false, false]), [false, false, false]);
  });

  it('measures the paper where two characters face each other, not under an overhang', () => {
    // A stem with a tail running right under its neighbour (a 'y' before a 'j'), then a stem at x = 25.
    const left = [[{ x: 0, y: 0 }, { x: 0, y: 20 }, { x: 30, y: 30 }]];
    const right = [[{ x: 25, y: 0 }, { x: 25, y: 20 }]];
    const boxGap = 25 - 30;
    const g = facingGap(left, right, 2.5, 3, boxGap);
    assert.ok(g > 15 && g <= 22, `facing gap ${g}`);
    // No shared rows (a quote mark beside a low letter): the box gap stands.
    assert.equal(facingGap([[{ x: 0, y: 0 }, { x: 0, y: 5 }]], [[{ x: 10, y: 50 }, { x: 10, y: 60 }]], 2.5, 3, 7), 7);
  });

  it('on a line of gaps all alike, takes as a space only a wide gap that stands out from the others', () => {
    const size = 20;
    // bench:code's pad lines: caveat-brush's count++; (letters about 0.85 x-heights apart) read co unt+ +.
    assert.deepEqual(findSpaces([10.6, 20.2, 17, 16.8, 14, 19.6], size, 0.9), [false, false, false, false, false, false]);
    // A gap half as wide again as the others is a space, and so is one clearly wide however alike.
    assert.deepEqual(findSpaces([10, 11, 25, 10, 12], size, 0.9), [false, false, true, false, false]);
    assert.deepEqual(findSpaces([24, 25, 24, 26], size, 0.9), [true, true, true, true], 'x = 1 ;');
    // Few gaps: the letter size alone decides.
    assert.deepEqual(findSpaces([19, 19], size, 0.9), [true, true]);
  });

  it('takes the wide group of a line\'s gaps as spaces, whatever the writer\'s spacing', () => {
    const size = 20;
    // Tight writer: letters 2 px apart, words 16 px.
    assert.deepEqual(findSpaces([2, 3, 16, 1, 2, 17, 3], size, 0.9), [false, false, true, false, false, true, false]);
    // Loose writer: letters 12 px apart, words 34 px; a fixed 0.9 x-height (18 px) would still work,
    // but letters 16 px apart would not: the groups decide.
    assert.deepEqual(findSpaces([16, 15, 40, 17, 14, 42], size, 0.9), [false, false, true, false, false, true]);
  });

  it('with gaps all alike, only gaps wide against the letter size are spaces', () => {
    assert.deepEqual(findSpaces([4, 5, 4, 5], 20, 0.9), [false, false, false, false]);
    assert.deepEqual(findSpaces([25, 26, 24], 20, 0.9), [true, true, true]);
    assert.deepEqual(findSpaces([5], 20, 0.9), [false]);
    assert.deepEqual(findSpaces([30], 20, 0.9), [true]);
    assert.deepEqual(findSpaces([], 20, 0.9), []);
  });
});
