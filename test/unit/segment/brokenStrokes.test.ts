import { strict as assert } from 'node:assert';
import { growInk, looksBroken } from '../../../core/segment/brokenStrokes';
import { Component } from '../../../core/segment/components';
import { initNodeBackend } from '../../../node/nodeBackend';
import { loadClassifier, loadNgram } from '../../../node/modelFiles';
import { Recognizer } from '../../../core/recognizer';
import { extraTextSamples } from '../../../bench/textImages';

const box = (left: number, top: number, w: number, h: number): Component['box'] => ({ left, top, right: left + w, bottom: top + h });

describe('segment: strokes that came apart', () => {
  it('grows ink by the radius on every side, and no further', () => {
    const ink = new Uint8Array(9 * 9);
    ink[4 * 9 + 4] = 1;
    const grown = growInk(ink, 9, 9, 2);
    for (let y = 0; y < 9; y++) {
      for (let x = 0; x < 9; x++) assert.equal(grown[y * 9 + x], Math.abs(x - 4) <= 2 && Math.abs(y - 4) <= 2 ? 1 : 0, `${x},${y}`);
    }
  });

  it('tells letters with their dots from specks', () => {
    const letters = Array.from({ length: 20 }, (_, i): Component => ({ id: i + 1, box: box(i * 30, 10, 20, 30), area: 200 }));
    const dots = Array.from({ length: 3 }, (_, i): Component => ({ id: 21 + i, box: box(i * 90, 0, 4, 4), area: 12 }));
    assert.equal(looksBroken([...letters, ...dots]), false, 'letters and three dots');
    const specks = Array.from({ length: 15 }, (_, i): Component => ({ id: 30 + i, box: box(i * 40, 20, 6, 8), area: 20 }));
    assert.equal(looksBroken([...letters, ...specks]), true, 'letters among fifteen specks');
    assert.equal(looksBroken(specks.slice(0, 5)), false, 'too few to say');
  });

  it('reads a fine pen\'s broken strokes as letters, not as a spray of punctuation', async function () {
    // Before, this line of the bench's thin-pen group read "1LLL? cifice joarset11r1 19364".
    this.timeout(60_000);
    await initNodeBackend();
    const recognizer = new Recognizer(loadClassifier().classifier, { ngram: loadNgram() });
    const sample = extraTextSamples({ seed: 20261126, perFamily: 2 }).find((s) => s.id === 'patrick-hand-thin-0')!;
    const read = recognizer.recognizeText(sample.image).text;
    assert.match(read, /^[A-Za-z0-9 ]+$/, `${read} (truth ${sample.text})`);
    assert.ok(Math.abs(read.length - sample.text.length) <= 2, `${read} (truth ${sample.text})`);
    assert.equal(read.split(' ').length, sample.text.split(' ').length, read);
  });
});
