// Where ink reaches beyond each line's x-height band: the ink's say in which way up a page is.
import { strict as assert } from 'node:assert';
import { extenderInk, uprightEvidence } from '../../../core/segment/extenders';
import type { Component } from '../../../core/segment/components';
import { readText, ScoreCrops } from '../../../core/segment';
import { render } from './helpers';

/** A label map with one component per rectangle [left, top, right, bottom). */
function paint(width: number, height: number, rects: [number, number, number, number][]): { labels: Int32Array; comps: Component[] } {
  const labels = new Int32Array(width * height);
  const comps = rects.map(([l, t, r, b], i) => {
    for (let y = t; y < b; y++) for (let x = l; x < r; x++) labels[y * width + x] = i + 1;
    return { id: i + 1, box: { left: l, top: t, right: r, bottom: b }, area: (r - l) * (b - t) };
  });
  return { labels, comps };
}

describe('extender ink', () => {
  // "hat go" twice: x-height letters 20..40, ascenders from 5, a descender to 52.
  const word: [number, number, number, number][] = [
    [0, 5, 4, 40], [4, 20, 14, 40], // h
    [16, 20, 26, 40], // a
    [28, 8, 32, 40], // t
    [40, 20, 50, 40], [46, 40, 50, 52], // g
    [52, 20, 62, 40], // o
  ];
  const rects = [...word, ...word.map(([l, t, r, b]): [number, number, number, number] => [l + 64, t, r + 64, b])];

  it('finds more ink above the band than below in upright writing, and the reverse turned over', () => {
    const width = 128, height = 60;
    const up = paint(width, height, rects);
    const upright = extenderInk([up.comps], up.labels, width);
    assert.ok(upright.above > upright.below, JSON.stringify(upright));
    assert.ok(uprightEvidence(upright) > 0.5);
    const flipped = paint(width, height, rects.map(([l, t, r, b]) => [l, height - b, r, height - t]));
    const turned = extenderInk([flipped.comps], flipped.labels, width);
    assert.deepEqual(turned, { above: upright.below, below: upright.above });
    assert.ok(uprightEvidence(turned) < -0.5);
  });

  it('leaves out short lines, whose few letters (or symbols) say little', () => {
    const width = 64, height = 60;
    const short = paint(width, height, word);
    assert.deepEqual(extenderInk([short.comps], short.labels, width), { above: 0, below: 0 });
  });

  it('says nothing of capitals or digits, which neither rise nor fall', () => {
    const width = 130, height = 40;
    const caps = paint(width, height, Array.from({ length: 12 }, (_, i): [number, number, number, number] => [i * 10, 5, i * 10 + 8, 35]));
    const ink = extenderInk([caps.comps], caps.labels, width);
    assert.deepEqual(ink, { above: 0, below: 0 });
    assert.equal(uprightEvidence(ink), 0);
    assert.deepEqual(extenderInk([], caps.labels, width), { above: 0, below: 0 });
  });

  it('a page whose ink plainly stands upright is not read a second time upside down', () => {
    // An unsure classifier (0.5): without the ink, every page would be read both ways.
    let crops = 0;
    const unsure: ScoreCrops = (cs) => {
      crops += cs.length;
      return cs.map(() => new Float32Array([0.5, 0.5]));
    };
    const page = render('the halted kid held his bold flat hat\nthe black hills filled the lake\nthat tall fellow kept the ball', 'kalam', { letterSpacing: 3 });
    readText(page, unsure, ['a', 'b'], { splitTouching: false });
    const once = crops;
    crops = 0;
    readText({ ...page, data: page.data.slice().reverse() }, unsure, ['a', 'b'], { splitTouching: false });
    assert.ok(once > 0 && crops >= 2 * once - 2, `upright page ${once} crops, turned page ${crops}`);
  });
});
