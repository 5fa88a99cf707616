import { strict as assert } from 'node:assert';
import { withInkXHeight } from '../../../core/segment/inkXHeight';
import { CharGroup } from '../../../core/segment/chars';
import { shippedRecognizer } from '../runtime/fixtures';
import { harderSamples } from './helpers';

/** A label image with one group per shape; each shape is a list of filled rectangles [left, top, right, bottom). */
function lineOf(shapes: [number, number, number, number][][], width = 400, height = 100): { labels: Int32Array; groups: CharGroup[] } {
  const labels = new Int32Array(width * height);
  const groups = shapes.map((rects, i) => {
    const id = i + 1;
    for (const [l, t, r, b] of rects) for (let y = t; y < b; y++) for (let x = l; x < r; x++) labels[y * width + x] = id;
    const box = { left: Math.min(...rects.map((q) => q[0])), top: Math.min(...rects.map((q) => q[1])), right: Math.max(...rects.map((q) => q[2])), bottom: Math.max(...rects.map((q) => q[3])) };
    return { box, ids: [id] };
  });
  return { labels, groups };
}

describe('segment: the x-height from a line\'s ink (inkXHeight.ts)', () => {
  const noXHeight = { baseline: 90, xHeight: 0, capHeight: 60 };

  it('finds the body of lowercase letters whose every box holds an ascender (touching letters of a marker)', () => {
    // Each group an ascender's stem (60 high) touching a body 30 high: "ka", "nt", "fj".
    const { labels, groups } = lineOf([0, 1, 2, 3].map((k) => [[10 + 80 * k, 30, 16 + 80 * k, 90], [16 + 80 * k, 60, 60 + 80 * k, 90]]));
    const m = withInkXHeight(noXHeight, groups, labels, 400);
    assert.ok(Math.abs(m.xHeight - 30) <= 2, `x-height ${m.xHeight}`);
    assert.equal(m.capHeight, 60);
    assert.equal(m.baseline, 90);
  });

  it('leaves a line of capitals without one: their ink is as dense at the top as in the middle', () => {
    // Rings and bars the full capital height (O, I, E-like shapes).
    const { labels, groups } = lineOf([0, 1, 2, 3].map((k) => [[10 + 80 * k, 30, 16 + 80 * k, 90], [16 + 80 * k, 30, 50 + 80 * k, 36], [16 + 80 * k, 57, 50 + 80 * k, 63], [16 + 80 * k, 84, 50 + 80 * k, 90]]));
    assert.deepEqual(withInkXHeight(noXHeight, groups, labels, 400), noXHeight);
  });

  it('keeps an x-height the boxes already showed', () => {
    const { labels, groups } = lineOf([[[10, 60, 40, 90]]]);
    const m = { baseline: 90, xHeight: 28, capHeight: 55 };
    assert.equal(withInkXHeight(m, groups, labels, 400), m);
  });

  it('reads a marker\'s line whose touching letters hid its x-height', async function () {
    // bench:text's thick-pen group: before, the line had no x-height and its first word read "kaw".
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const sample = harderSamples().find((s) => s.id === 'shadows-into-light-thick-0')!;
    assert.equal(recognizer.recognizeText(sample.image).text.split(' ')[0], 'kayak');
  });
});
