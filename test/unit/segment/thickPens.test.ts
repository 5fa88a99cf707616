import { strict as assert } from 'node:assert';
import { isMarkerLine, strokeWidth, thinnedCrop } from '../../../core/segment/thickStrokes';
import { CharGroup, lineMetrics } from '../../../core/segment/chars';
import { productOfExperts } from '../../../core/stats';
import { shippedRecognizer } from '../runtime/fixtures';
import { harderSamples } from './helpers';

describe('segment: a marker\'s thick strokes', () => {
  it('measures the width of strokes across them, whichever way they run', () => {
    // A vertical bar 6 px wide and a horizontal bar 6 px high, each 40 px long.
    const width = 80, height = 60;
    const ink = new Uint8Array(width * height);
    for (let y = 5; y < 45; y++) for (let x = 10; x < 16; x++) ink[y * width + x] = 1;
    for (let y = 50; y < 56; y++) for (let x = 30; x < 70; x++) ink[y * width + x] = 1;
    assert.equal(strokeWidth((i) => ink[i] === 1, width, height), 6);
    assert.equal(strokeWidth(() => false, width, height), 0, 'no ink, no width');
  });

  it('calls strokes a marker\'s only when they are wide against the letters', () => {
    assert.equal(isMarkerLine(7, 30), true, '7 px at body 30');
    assert.equal(isMarkerLine(5, 30), false, '5 px at body 30: a broad pen, not a marker');
    assert.equal(isMarkerLine(3, 8), false, 'tiny writing: thinning would leave nothing');
    assert.equal(isMarkerLine(7, 0), false, 'no body measured');
  });

  it('thins dark ink by one pixel on every side', () => {
    // A bar 5 px wide and 9 px tall, black on white, in an 11 x 13 crop.
    const w = 11, h = 13;
    const data = new Uint8ClampedArray(w * h).fill(255);
    for (let y = 2; y < 11; y++) for (let x = 3; x < 8; x++) data[y * w + x] = 0;
    const thin = thinnedCrop({ image: { width: w, height: h, data } }).image;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) assert.equal(thin.data[y * w + x], y >= 3 && y < 10 && x >= 4 && x < 7 ? 0 : 255, `${x},${y}`);
    }
    assert.equal(data[2 * w + 3], 0, 'the crop itself is left as it was');
  });

  it('finds the x-height in the column tops of a line whose every box reaches an ascender\'s height', () => {
    // Five groups of touching letters on a baseline at y=100, each 60 px wide with an ascender 40 px
    // tall; the rest of each group's columns top out at the x-height, 25 px.
    const group = (left: number, width = 60): CharGroup => ({ box: { left, top: 60, right: left + width, bottom: 100 }, ids: [left] });
    const touching = (g: CharGroup) => Array.from({ length: g.box.right - g.box.left }, (_, i) => (i < 8 ? 60 : 75));
    const line = [0, 80, 160, 240, 320].map((x) => group(x));
    assert.equal(lineMetrics(line).xHeight, 0, 'by the boxes alone: one height');
    const m = lineMetrics(line, touching);
    assert.equal(m.xHeight, 25);
    assert.equal(m.capHeight, 40);
    // Capitals: their column tops stand at the top (a flat T, an E), and a few lower ones do not make an x-height.
    const capitals = (g: CharGroup) => Array.from({ length: g.box.right - g.box.left }, (_, i) => (i % 5 === 0 ? 75 : 60));
    assert.equal(lineMetrics(line, capitals).xHeight, 0);
    // Two short letters are too few columns to say: an x's crossing stands below its arms.
    assert.equal(lineMetrics([group(0, 20), group(40, 20)], touching).xHeight, 0);
  });

  it('reads a thick pen\'s line whose every group of touching letters holds an ascender with its x-height', async function () {
    // bench:text's thick-pen group: "kayak paint fjord 240 story" had no x-height (each box reached an
    // ascender: "ka", "yak", "nt" ...), and "yak" was read whole as w ("kaw pant brd 240 shm").
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const words = recognizer.recognizeText(harderSamples().find((s) => s.id === 'shadows-into-light-thick-0')!.image).text.split(' ');
    assert.equal(words[0], 'kayak', words.join(' '));
  });

  it('combines two readings as a normalised geometric mean', () => {
    const same = productOfExperts([new Float32Array([0.7, 0.2, 0.1]), new Float32Array([0.7, 0.2, 0.1])]);
    [0.7, 0.2, 0.1].forEach((p, i) => assert.ok(Math.abs(same[i] - p) < 1e-6, 'two equal readings: that reading'));
    const mixed = productOfExperts([new Float32Array([0.5, 0.5, 0]), new Float32Array([0.9, 0.05, 0.05])]);
    assert.ok(Math.abs(mixed.reduce((a, b) => a + b, 0) - 1) < 1e-6, 'sums to one');
    assert.ok(mixed[0] > 0.7 && mixed[2] === 0, 'the sure reading settles the unsure one; what one rules out stays out');
  });

  it('reads a marker\'s line better with its crops also read a pixel thinner', async function () {
    // Before, these lines of the bench's thick-pen group read "1999 castle getTotalIndex markd" and
    // "weH listRowPdh fleKeyPathO".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = (id: string) => recognizer.recognizeText(harderSamples().find((s) => s.id === id)!.image).text.split(' ');
    assert.ok(read('kalam-thick-1').includes('market'), read('kalam-thick-1').join(' '));
    const edu = read('edu-sa-beginner-thick-1');
    assert.deepEqual(edu.slice(0, 2), ['west', 'listRowPath'], edu.join(' '));
  });

  it('cuts a marker\'s touching letters, which the clump class reads as none of the characters', async function () {
    // Before the model had the clump class (core/labels.ts CLUMP), these lines of the bench's thick-pen
    // group read "Maria signal An" (the touching f and i, r and e read whole) and "win$w EHe Tokp BerIn".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const read = (id: string) => recognizer.recognizeText(harderSamples().find((s) => s.id === id)!.image).text;
    assert.equal(read('caveat-thick-0'), 'Maria signal fire');
    assert.equal(read('shadows-into-light-thick-1').split(' ')[0], 'window');
  });

  it('finds the word gaps of a marker\'s line, measured against the body of the pen\'s centre line', async function () {
    // Before, "south getRow7 1947 cloud" in the bench's thick-pen group read as one word, "cou#gdRow71947doud".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const sample = harderSamples().find((s) => s.id === 'gochi-hand-thick-1')!;
    assert.equal(sample.text, 'south getRow7 1947 cloud');
    const words = recognizer.recognizeText(sample.image).text.split(' ');
    assert.equal(words.length, 4, words.join(' '));
    assert.equal(words[2], '1947', words.join(' '));
  });
});
