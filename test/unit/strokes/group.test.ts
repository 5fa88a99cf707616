import { strict as assert } from 'node:assert';
import { groupStrokes, strokesToCharacters } from '../../../core/strokes';
import { densify, write, writeLater } from './fixtures';
import { writeCodeLines } from '../../../bench/codeWriting';
import { FONT_FAMILIES } from '../../../training/fonts';
import { traceFamily } from '../../../training/tracedFonts';

/** The characters as sorted stroke-index lists, for comparing groupings. */
function groupsOf(strokes: Parameters<typeof groupStrokes>[0], opts = {}): number[][] {
  return groupStrokes(strokes, opts).characters.map((c) => [...c.strokeIndices].sort((a, b) => a - b));
}

describe('strokes: grouping into characters', () => {
  it("groups 'Hit x' into four characters with a space before the x", () => {
    const w = write('Hit x');
    const g = groupStrokes(w.strokes);
    assert.deepEqual(g.characters.map((c) => c.strokeIndices), w.charStrokes);
    assert.deepEqual(g.spaceBefore, [false, false, false, true]);
    assert.deepEqual(g.lineBreakBefore, [false, false, false, false]);
  });

  it('merges an i dot and a t bar written after the whole word', () => {
    const w = write('Hit x');
    const dot = w.charStrokes[1][1];
    const bar = w.charStrokes[2][1];
    const { strokes, order } = writeLater(w.strokes, [dot, bar]);
    const back = (i: number) => order[i]; // new index -> original index
    const got = groupsOf(strokes).map((g) => g.map(back).sort((a, b) => a - b));
    assert.deepEqual(got, w.charStrokes);
  });

  it('groups the same way whether the word is written small or large', () => {
    for (const unit of [8, 24, 90]) {
      const w = write('Ek tx il', { unit, step: Math.max(1, unit / 12) });
      const g = groupStrokes(w.strokes, { inkWidth: Math.max(1.5, unit / 10) });
      assert.deepEqual(g.characters.map((c) => c.strokeIndices), w.charStrokes, `unit ${unit}`);
      assert.deepEqual(g.spaceBefore, [false, false, true, false, true, false], `unit ${unit}`);
    }
  });

  it('joins a stroke that touches a stem (k) and keeps a period apart', () => {
    const w = write('k.');
    assert.deepEqual(groupsOf(w.strokes), w.charStrokes);
  });

  it("joins an m whose first arch starts beside its stem, linked by a short stroke, and keeps an n beside it apart", () => {
    // As a traced hand draws it: the stem, the middle stem with the second arch, the first arch from
    // beside the stem's top to the middle stem, and last a short link from that arch's start to the stem.
    const stem = densify([{ x: 100, y: 100 }, { x: 100, y: 130 }], 2);
    const second = densify([{ x: 126, y: 130 }, { x: 126, y: 104 }, { x: 136, y: 99 }, { x: 145, y: 106 }, { x: 146, y: 130 }], 2);
    const first = densify([{ x: 109, y: 99 }, { x: 120, y: 102 }, { x: 126, y: 110 }], 2);
    const link = densify([{ x: 109, y: 100 }, { x: 101, y: 104 }], 2);
    // An n after it, well apart.
    const n = densify([{ x: 162, y: 100 }, { x: 162, y: 130 }, { x: 162, y: 106 }, { x: 172, y: 99 }, { x: 181, y: 106 }, { x: 182, y: 130 }], 2);
    assert.deepEqual(groupsOf([stem, second, first, link, n]), [[0, 1, 2, 3], [4]]);
  });

  it('keeps tightly written letters apart and finds no space inside a word', () => {
    // 0.25 x-height apart: 6 px between centre lines, 2 px of paper between the default 4 px pens.
    const w = write('Hixtlc', { letterGap: 0.25 });
    const g = groupStrokes(w.strokes);
    assert.deepEqual(g.characters.map((c) => c.strokeIndices), w.charStrokes);
    assert.ok(g.spaceBefore.every((s) => !s));
  });

  it('splits a second line written clearly below the first', () => {
    const a = write('Hi', { baseline: 60 });
    const b = write('tx', { baseline: 140 });
    const strokes = [...a.strokes, ...b.strokes];
    const g = groupStrokes(strokes);
    assert.equal(g.characters.length, 4);
    assert.deepEqual(g.lineBreakBefore, [false, false, true, false]);
    assert.deepEqual(g.characters.map((c) => c.line), [0, 0, 1, 1]);
    assert.deepEqual(g.characters[2].strokeIndices, b.charStrokes[0].map((i) => i + a.strokes.length));
  });

  it('a lone i, a colon and an equals sign are one character each', () => {
    const dot = (x: number, y: number) => [{ x, y }, { x: x + 0.5, y: y + 0.5 }];
    const bar = (x: number, y: number) => Array.from({ length: 11 }, (_, k) => ({ x: x + 2 * k, y }));
    assert.deepEqual(groupsOf(write('i').strokes), [[0, 1]]);
    assert.deepEqual(groupsOf([dot(50, 50), dot(50, 70)]), [[0, 1]]);
    assert.deepEqual(groupsOf([bar(40, 50), bar(41, 60)]), [[0, 1]]);
    // ... and side by side they stay three characters: 'i:='
    const line = [...write('i', { x0: 20, baseline: 80 }).strokes, dot(60, 62), dot(60, 78), bar(80, 66), bar(81, 74)];
    assert.deepEqual(groupsOf(line), [[0, 1], [2, 3], [4, 5]]);
  });

  it("keeps a quote's tick high over the comma after it apart, and a semicolon's dot over its comma together", () => {
    // bench:code's pad lines: edu-sa-beginner's and crafty-girls' emit('tick', t) read 'tick: (the tick and comma stacked as a colon).
    const u = 24, base = 100;
    const w = write('tick', { unit: u, baseline: base });
    const x = 110;
    const tick = densify([{ x, y: base - 1.5 * u }, { x: x + 0.05 * u, y: base - 1.1 * u }], 2);
    const comma = (cx: number) => densify([{ x: cx + 0.03 * u, y: base - 0.05 * u }, { x: cx - 0.03 * u, y: base + 0.15 * u }], 2);
    const n = w.strokes.length;
    assert.deepEqual(groupsOf([...w.strokes, tick, comma(x + 0.02 * u)]).slice(-2).sort((a, b) => a[0] - b[0]), [[n], [n + 1]], "the quote and the comma: ',");
    const dot = densify([{ x: x + 0.02 * u, y: base - 0.7 * u }, { x: x + 0.04 * u, y: base - 0.68 * u }], 2);
    assert.deepEqual(groupsOf([...w.strokes, dot, comma(x + 0.02 * u)]).slice(-1), [[n, n + 1]], 'a semicolon');
  });

  it("keeps the point of '!' and '?' with its stroke, and a full stop after a letter apart", () => {
    for (const text of ['a!', 'a?', 'Hi!', 'x? a.']) {
      const w = write(text);
      assert.deepEqual(groupsOf(w.strokes), w.charStrokes, text);
    }
  });

  it("keeps the point of a question mark whose hook is wider than a letter, and leaves a dot under a wide letter's foot apart", () => {
    // bench:code's pad lines: Hershey rowmand's ? (its hook 1.1 letters wide, ending 0.4 above the feet) read `@?`.
    const u = 24, base = 100;
    const w = write('ok', { unit: u, baseline: base });
    const x = 80;
    const hook = densify([[0, 1.2], [0.3, 1.55], [0.8, 1.6], [1.1, 1.3], [0.9, 0.95], [0.55, 0.75], [0.55, 0.42]].map(([gx, gy]) => ({ x: x + gx * u, y: base - gy * u })), 2);
    const point = densify([{ x: x + 0.55 * u, y: base - 0.06 * u }, { x: x + 0.6 * u, y: base }], 2);
    assert.deepEqual(groupsOf([...w.strokes, hook, point]).slice(-1), [[w.strokes.length, w.strokes.length + 1]], 'the hook and its point');
    // A full stop dipping under the feet of joined letters as wide (an mn in one stroke) is a character of its own.
    const mn = densify([[0, 0], [0, 1], [0.5, 1], [0.5, 0], [0.5, 1], [1.05, 1], [1.05, 0], [1.05, 1], [1.6, 1], [1.6, 0]].map(([gx, gy]) => ({ x: x + gx * u, y: base - gy * u })), 2);
    const stop = densify([{ x: x + 0.8 * u, y: base + 0.15 * u }, { x: x + 0.85 * u, y: base + 0.2 * u }], 2);
    assert.equal(groupsOf([...w.strokes, mn, stop]).length, w.charStrokes.length + 2, 'the mn and the stop apart');
  });

  it('reads two ticks side by side high on the line as one double quote, whether or not they are short', () => {
    for (const text of ['"a"', 'x = "H"', "'a'", '"_"']) {
      const w = write(text);
      assert.deepEqual(groupsOf(w.strokes), w.charStrokes, text);
    }
  });

  it('reads two long ticks reaching below the middle, yet clear of the feet, as one double quote', () => {
    // bench:code's pad lines: gochi-hand's " read '' (log(''done,'')): its ticks reach down to the letters' middle.
    const u = 24, base = 100;
    const w = write('lok a', { unit: u, baseline: base });
    const x = 20 + 2.9 * u;
    const tick = (dx: number) => densify([{ x: x + dx + 0.05 * u, y: base - 1.6 * u }, { x: x + dx, y: base - 0.8 * u }], 2);
    const n = w.strokes.length;
    const groups = groupsOf([...w.strokes, tick(0), tick(0.3 * u)]);
    assert.deepEqual(groups.find((g) => g.includes(n)), [n, n + 1], 'the two ticks: one "');
    assert.equal(groups.length, w.charStrokes.length + 1);
  });

  it('reads the four ticks of an empty string as two double quotes, not one', () => {
    // bench:code: 'if (s === "") return;' read 'if (s === ") return;' on the pad.
    for (const text of ['x = ""', 'a "" H', 'Hit ""']) {
      const w = write(text);
      assert.deepEqual(groupsOf(w.strokes), w.charStrokes, text);
    }
  });

  it('splits two lines written close, where descenders above meet ascenders below', () => {
    // Baselines 2.3 x-heights apart: the g's tail reaches down past the tops of the l and k below.
    const a = write('gog', { baseline: 60, unit: 24 });
    const b = write('lkl', { baseline: 60 + 2.3 * 24, unit: 24 });
    const g = groupStrokes([...a.strokes, ...b.strokes]);
    assert.equal(g.lines.length, 2);
    assert.deepEqual(g.characters.map((c) => c.line), [0, 0, 0, 1, 1, 1]);
  });

  it("cuts one crossbar drawn through 'tt' between the two letters", () => {
    // 'l' strokes as t stems (x = 20 and 40), then one bar from x = 12 to 50 through both.
    const stem = (x: number) => densify([{ x, y: 60 }, { x, y: 100 }], 2);
    const bar = densify([{ x: 12, y: 76 }, { x: 50, y: 75 }], 2);
    const r = strokesToCharacters([stem(20), stem(40), bar]);
    assert.deepEqual(r.characters.map((c) => c.strokeIndices), [[0, 2], [1, 2]]);
    // Each letter holds its own part of the bar: the first ends at the cut (x = 30), the second starts there.
    assert.ok(r.characters[0].box.right < 33 && r.characters[1].box.left > 27, JSON.stringify(r.characters.map((c) => c.box)));
    assert.deepEqual(r.spaceBefore, [false, false]);
  });

  it("keeps an H whose bar ends on its stems one letter, and a bar touching one stem with it", () => {
    const stem = (x: number) => densify([{ x, y: 60 }, { x, y: 100 }], 2);
    assert.deepEqual(groupsOf([stem(20), stem(40), densify([{ x: 20, y: 80 }, { x: 40, y: 80 }], 2)]), [[0, 1, 2]]);
    // A bar starting on the first stem and crossing the second: not free at both ends, so one letter.
    assert.deepEqual(groupsOf([stem(20), stem(40), densify([{ x: 20, y: 80 }, { x: 48, y: 80 }], 2)]), [[0, 1, 2]]);
  });

  it('orders characters left to right even when written out of order', () => {
    const w = write('xH');
    const reversed = [...w.strokes].reverse();
    const g = strokesToCharacters(reversed);
    assert.equal(g.characters.length, 2);
    assert.ok(g.characters[0].box.right <= g.characters[1].box.left);
    // strokeIndices point into the caller's (reversed) array
    assert.deepEqual(g.characters[1].strokeIndices, [0, 1, 2]);
  });

  it('the four ticks of "" in a narrow hand are two quotes, though the middle two touch', () => {
    // bench:code's pad lines: loved-by-the-king's `if (s === "") return;` read `if(s === ") return;`: loose
    // marks whose ink touches were joined before the quotes were paired, and the four ticks made one.
    const font = traceFamily(FONT_FAMILIES.find((f) => f.id === 'loved-by-the-king')!);
    const [w] = writeCodeLines([font], ['s === ""'], true, 29);
    const g = strokesToCharacters(w.strokes, { inkWidth: w.inkWidth, guide: w.guide });
    assert.deepEqual(g.characters.map((c) => c.strokeIndices.length), [1, 2, 2, 2, 2, 2], g.characters.map((c) => c.strokeIndices.join(',')).join(' | '));
  });

  it('an i or j beside a bracket whose arm reaches near its stem is a letter of its own: `a[i]`', () => {
    // bench:code's pad lines: `grid[i][j]` read `grid[][j]` in nothing-you-could-do, `grid[][]` in
    // calligraffitti, `grid[i][0]` in farsan: the stem ends within a join's reach of the bracket's arm tip
    // and, as a narrow stem, joined it. Its own dot over it says it is an i.
    const font = traceFamily(FONT_FAMILIES.find((f) => f.id === 'calligraffitti')!);
    for (const seed of [16, 23]) {
      const [w] = writeCodeLines([font], ['a[i]'], true, seed);
      const g = strokesToCharacters(w.strokes, { inkWidth: w.inkWidth, guide: w.guide });
      assert.equal(g.characters.length, 4, `seed ${seed}: ${g.characters.map((c) => c.strokeIndices.join(',')).join(' | ')}`);
    }
  });
});
