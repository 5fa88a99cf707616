import { strict as assert } from 'node:assert';
import { groupCharacters } from '../../../core/segment/chars';
import { Component } from '../../../core/segment/components';
import { shippedRecognizer } from '../runtime/fixtures';
import { readBenchCodeImage } from './helpers';

/** A component from its box (left, top, right, bottom); area is not read by the grouping. */
let nextId = 1;
function box(left: number, top: number, right: number, bottom: number): Component {
  return { id: nextId++, box: { left, top, right, bottom }, area: (right - left) * (bottom - top) };
}

/** The groups as lists of the components' left edges, for reading the assertions. */
const lefts = (groups: ReturnType<typeof groupCharacters>, comps: readonly Component[]) =>
  groups.map((g) => g.ids.map((id) => comps.find((c) => c.id === id)!.box.left).sort((a, b) => a - b));

describe('segment: small marks in an image line', () => {
  // A line on a baseline at y = 100 with an x-height of 20: 'a' 'i' letters, marks around them.
  const a = () => box(0, 80, 16, 100);
  const iStem = () => box(30, 80, 34, 100);
  const iDot = () => box(30, 72, 34, 76);

  it('a letters-only model drops a full stop; a model that reads symbols keeps it as a character', () => {
    const comps = [a(), iStem(), iDot(), box(40, 96, 44, 100)];
    assert.deepEqual(lefts(groupCharacters(comps), comps), [[0], [30, 30]]);
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30, 30], [40]]);
  });

  it("keeps a fine pen's full stop on the letters' feet however small, and a speck as small elsewhere drops", () => {
    // Letters 30 tall (body 30): a dot 2.7 px across is under a tenth of it, a speck (loved-by-the-king's
    // camera `map.get`, read `map get`), unless it sits on the line's foot as a full stop does.
    const letter = (left: number) => box(left, 70, left + 16, 100);
    const comps = [letter(0), letter(20), box(39, 97.3, 41.7, 100), letter(44), box(64, 84, 66.7, 86.7), letter(70)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20], [39], [44], [70]]);
  });

  it("keeps the i's dot with its stem and a comma, hyphen or apostrophe beside a letter apart", () => {
    const comps = [a(), box(20, 92, 23, 106), iStem(), iDot(), box(40, 88, 50, 91), box(55, 64, 58, 72)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20], [30, 30], [40], [55]]);
  });

  it('stacks the dots of a colon and the bars of an equals sign into one character each, and pairs the ticks of a double quote', () => {
    const comps = [a(), box(22, 82, 26, 86), box(22, 96, 26, 100), box(32, 84, 44, 87), box(32, 92, 44, 95), box(50, 64, 53, 72), box(56, 64, 59, 72), box(64, 80, 80, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [22, 22], [32, 32], [50, 56], [64]]);
  });

  it('pairs the ticks of a double quote drawn half a letter long, reaching below the middle of the line', () => {
    // Letters 20 tall on the baseline y = 100 (middle 90) and a quote's two ticks 14 tall ending at 91,
    // as some hands draw them (gochi-hand's ": before, two characters read '').
    const comps = [a(), box(20, 77, 23, 91), box(26, 77, 29, 91), box(34, 80, 50, 100), box(54, 80, 70, 100), box(74, 80, 90, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20, 26], [34], [54], [74]]);
    const marks = groupCharacters(comps, { keepMarks: true }).filter((g) => g.mark);
    assert.equal(marks.length, 1, 'one mark: the quote');
  });

  it("keeps a semicolon's dot with its comma however far above it the dot sits, but not a quote's tick", () => {
    // code bench, swanky-and-moo-moo: the dot 0.7 letter heights over the comma, read ",." before.
    const comma = () => box(40, 94, 46, 110);
    const comps = [a(), iStem(), comma(), box(40, 76, 46, 80)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30], [40, 40]]);
    const tick = [a(), iStem(), comma(), box(41, 64, 44, 74)];
    assert.deepEqual(lefts(groupCharacters(tick, { keepMarks: true }), tick), [[0], [30], [40], [41]]);
  });

  it("keeps a quote's tick high over the comma or full stop after it apart, and a colon's dots together", () => {
    // code bench camera images: 'tick', read 'tick: and "done." read "done:" (the tick and the mark under it stacked).
    const letter = () => box(60, 80, 76, 100);
    const tall = () => box(80, 64, 96, 100);
    const comps = [a(), iStem(), box(41, 96, 44, 103), box(41, 64, 44, 76), letter(), tall()];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30], [41], [41], [60], [80]]);
    const colon = [a(), iStem(), box(41, 96, 45, 100), box(41, 84, 45, 88), letter(), tall()];
    assert.deepEqual(lefts(groupCharacters(colon, { keepMarks: true }), colon), [[0], [30], [41, 41], [60], [80]]);
  });

  it("keeps a marker's semicolon together, its comma as wide as it is tall", () => {
    // code bench images, nerko-one: a comma half a letter tall and as wide, the dot over it a mark of its own: `;` read `,-`.
    // The dot 0.65 letter heights over the comma, which is half a letter wide and tall.
    const comps = [a(), iStem(), box(40, 92, 50, 101), box(41, 74, 48, 79), box(60, 80, 76, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30], [40, 41], [60]]);
  });

  it("keeps a semicolon's dot and comma together where a leaning bracket's box reaches over them", () => {
    // code bench, oooh-baby `b);`: the ) leans right over the dot, which joined it, and the ; read ",".
    const paren = box(20, 72, 44, 104);
    const comps = [a(), paren, box(40, 86, 43, 89), box(40, 95, 44, 104)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20], [40, 40]]);
    // An i's dot over its stem stays the i's: a stem is no mark.
    const i = [a(), iStem(), iDot()];
    assert.deepEqual(lefts(groupCharacters(i, { keepMarks: true }), i), [[0], [30, 30]]);
  });

  it('reads the semicolons of code lines whose leaning letters reach over the dot (bench:code images)', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = (line: string, family: string, look: 'clean' | 'camera') => readBenchCodeImage(recognizer, line, family, look);
    // Before: "count++," and "a = 6; c = d,".
    assert.equal(read('count++;', 'calligraffitti', 'camera'), 'count++;');
    assert.ok(read('a = b; c = d;', 'calligraffitti', 'clean').endsWith('c = d;'));
  });

  it("keeps a quote's tick over the end of a wide letter's tail apart from the letter, and an i's dot on its i", async function () {
    const comps = [a(), iStem(), iDot(), box(40, 80, 60, 100), box(57, 68, 59, 77)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30, 30], [40], [57]]);
    // code bench, swanky-and-moo-moo (clean): "str[0] == 'a'" read "str[0] == 'd", the a's tail under the tick.
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    assert.equal(readBenchCodeImage(recognizer, "str[0] == 'a'", 'swanky-and-moo-moo', 'clean'), "str[0] == 'a'");
  });

  it("keeps a semicolon's dot with its comma when the dot stands a little beside it", async function () {
    // A leaning hand stood upright shifts the dot off the comma: the dot's right edge 1 px left of the comma.
    const comps = [a(), iStem(), iDot(), box(38, 85, 41, 88), box(42, 94, 46, 108)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30, 30], [38, 42]]);
    // code bench, nothing-you-could-do (clean): "items.push(next);" read "items.push(next).,".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    assert.equal(readBenchCodeImage(recognizer, 'items.push(next);', 'nothing-you-could-do', 'clean'), 'items.push(next);');
  });

  it("keeps a quote's tick beside a letter's top apart from the letter, but lets an i's dot beside its stem join it", () => {
    // code bench, chewy: the opening tick of 'a' sat a pixel left of the a and joined it ("== a'").
    const comps = [a(), box(20, 66, 23, 78), box(24, 80, 40, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20], [24]]);
    const dot = [a(), box(20, 72, 24, 76), box(25, 80, 29, 100)];
    assert.deepEqual(lefts(groupCharacters(dot, { keepMarks: true }), dot), [[0], [20, 25]]);
  });

  it('keeps no mark far above or below every letter of the line (a photo\'s shaded corner), but keeps a line of marks alone', () => {
    const comps = [a(), iStem(), iDot(), box(60, 40, 63, 43), box(70, 140, 73, 143)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30, 30]]);
    const dots = [box(0, 96, 4, 100), box(10, 96, 14, 100), box(20, 96, 24, 100)];
    assert.deepEqual(lefts(groupCharacters(dots, { keepMarks: true }), dots), [[0], [10], [20]]);
  });

  it("keeps a colon whose dots are specks beside large letters, but not one speck alone", () => {
    // code bench, oooh-baby: "# TODO: fix it!" read "# TODO fix it!", both dots dropped as dust.
    const comps = [a(), box(20, 86, 21, 87), box(20, 96, 21, 97), iStem(), iDot()];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [20, 20], [30, 30]]);
    const one = [a(), box(20, 96, 21, 97), iStem(), iDot()];
    assert.deepEqual(lefts(groupCharacters(one, { keepMarks: true }), one), [[0], [30, 30]]);
  });

  it("keeps a full stop under a letter's overhang apart from the letter, but a %'s lower ring with its slash", async function () {
    // An r whose arm reaches over the stop after it: the stop sat inside the r's box and joined it.
    const r = box(40, 80, 56, 100);
    const comps = [a(), r, box(50, 96, 54, 100), box(60, 80, 76, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [40], [50], [60]]);
    // A g whose hook reaches back under a marker's tall stop (indie-flower's `map.get`).
    const g = [a(), box(20, 93, 25, 100), box(21, 80, 40, 112), box(44, 80, 60, 100)];
    assert.deepEqual(lefts(groupCharacters(g, { keepMarks: true }), g), [[0], [20], [21], [44]]);
    // A % drawn as a slash and two rings: each ring a third of the body or more, both the slash's.
    const percent = [a(), box(22, 78, 28, 84), box(24, 76, 40, 100), box(34, 92, 42, 100)];
    assert.deepEqual(lefts(groupCharacters(percent, { keepMarks: true }), percent), [[0], [22, 24, 34]]);
    // code bench, atma (clean): "user.age > 18 ?" read "userage", the stop under the r's arm.
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    assert.equal(readBenchCodeImage(recognizer, 'user.age > 18 ?', 'atma', 'clean'), 'user.age > 18 ?');
  });

  it('never makes a character of a speck of dust', () => {
    const comps = [a(), iStem(), iDot(), box(60, 90, 61, 91)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [30, 30]]);
  });
});

describe('segment: marks on a line that shows no x-height', () => {
  it('reads an underscore on the baseline of a line whose letters are all one height as _, not -', async function () {
    // bench:code's image of patrick-hand (camera, seed 20261202 + line): its 2 is barely taller than its
    // letters, so the line has no x-height and its crops had no frame; "name_2" read "name-2".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const line = 'name_2 = "_"';
    assert.equal(readBenchCodeImage(recognizer, line, 'patrick-hand', 'camera'), line);
  });
});

describe('segment: the dot of an exclamation mark', () => {
  // A line on a baseline at y = 100 with an x-height of 20.
  it("joins a leaning !'s stroke and the dot under its foot, though the dot stands beside the stroke's box", () => {
    // grape-nuts' `(!done)` read `(.'done)`: the stroke 64-76 x 73-92, its dot 59-63 x 96-100.
    const comps = [box(40, 80, 56, 100), box(64, 73, 76, 92), box(59, 96, 63, 100), box(80, 80, 96, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[40], [59, 64], [80]]);
  });

  it('keeps a full stop beside the foot of an l apart (level with its foot, not under it)', () => {
    const comps = [box(0, 70, 4, 100), box(8, 96, 12, 100), box(20, 80, 36, 100)];
    assert.deepEqual(lefts(groupCharacters(comps, { keepMarks: true }), comps), [[0], [8], [20]]);
  });
});
