// Italic writing in images: its slant measured from the ink, and read stood upright.
import { strict as assert } from 'node:assert';
import { readText } from '../../../core/segment';
import { binarize } from '../../../core/segment/binarize';
import { estimateInkSlant, weightedMedian } from '../../../core/segment/slant';
import { mapBox, shearGrey } from '../../../core/segment/transform';
import type { GreyImage } from '../../../core/image';
import { flatScore, LABELS, render, wordLengths } from './helpers';

/** White paper with dark bars 4 px wide and 60 tall, leaning by `slant` (tops right of bottoms). */
function bars(slant: number): GreyImage {
  const width = 300, height = 100;
  const data = new Uint8ClampedArray(width * height).fill(240);
  for (let k = 0; k < 8; k++) {
    for (let y = 20; y < 80; y++) {
      const x0 = Math.round(40 + 30 * k + slant * (80 - y));
      for (let x = x0; x < x0 + 4; x++) data[y * width + x] = 20;
    }
  }
  return { width, height, data };
}

function slantOf(image: GreyImage): number {
  const b = binarize(image);
  return estimateInkSlant(image.data, b.ink, b.width, b.height);
}

describe('segment: slanted writing', () => {
  it('measures the lean of stems, and calls upright writing upright', () => {
    assert.ok(Math.abs(slantOf(bars(0.35)) - 0.35) < 0.06, String(slantOf(bars(0.35))));
    assert.ok(Math.abs(slantOf(bars(-0.3)) + 0.3) < 0.06, String(slantOf(bars(-0.3))));
    assert.equal(slantOf(bars(0)), 0);
    assert.equal(slantOf(bars(0.05)), 0, 'a slight lean is left alone');
    assert.equal(slantOf(render('ParseNode window')), 0, 'patrick-hand writes upright');
    assert.ok(slantOf(render('ParseNode window', 'oooh-baby')) > 0.2, 'oooh-baby leans right');
  });

  it('shears the leaning bars upright, and maps boxes back to where the ink was', () => {
    const { image, toSource } = shearGrey(bars(0.35), 0.35);
    assert.equal(slantOf(image), 0);
    // Each bar now fills a column range about 4 px wide over its whole height.
    const b = binarize(image);
    const cols = new Set<number>();
    for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (b.ink[y * b.width + x]) cols.add(x);
    assert.ok(cols.size <= 8 * 6, `${cols.size} ink columns`);
    // The first bar's top row, mapped back, is where it was drawn: x 40 + 0.35 * 60 = 61 to 65, y 20.
    let left = Infinity, right = -Infinity;
    for (let x = 0; x < b.width; x++) if (b.ink[20 * b.width + x] && x < left + 10) [left, right] = [Math.min(left, x), x + 1];
    const back = mapBox(toSource, { left, top: 20, right, bottom: 21 }, 300, 100);
    assert.ok(Math.abs(back.left - 61) <= 1 && Math.abs(back.right - 65) <= 1 && back.top === 20, JSON.stringify(back));
  });

  it('reads italic writing by its word gaps (leaning letters overlap their neighbours\' boxes)', () => {
    const text = 'rowSet school 1962 signal ticket';
    const r = readText(render(text, 'oooh-baby'), flatScore, LABELS);
    assert.deepEqual(r.lines.map((l) => l.words.length), [wordLengths(text)[0].length]);
  });

  it('finds the weighted median a full sort finds, ties and all', () => {
    // The reference: sort by value, sum weights in that order, stop where they reach half.
    const bySort = (values: Float64Array, weights: Float64Array) => {
      const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
      const half = weights.reduce((a, w) => a + w, 0) / 2;
      let acc = 0;
      for (const k of order) if ((acc += weights[k]) >= half) return values[k];
      return NaN;
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * (trial % 3 === 0 ? 5 : 3000));
      // Integer ratios, as the Sobel leans are: many values repeat.
      const values = Float64Array.from({ length: n }, () => Math.round(rand() * 40 - 20) / (1 + Math.floor(rand() * 30)));
      const weights = Float64Array.from({ length: n }, () => Math.hypot(Math.round(rand() * 500), Math.round(rand() * 500)) + 1);
      assert.equal(weightedMedian(values, weights), bySort(values, weights), `trial ${trial}`);
    }
    assert.equal(weightedMedian(Float64Array.of(3, 3, 3), Float64Array.of(1, 1, 1)), 3);
  });
});
