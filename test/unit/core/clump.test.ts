import * as assert from 'node:assert/strict';
import { initNodeBackend } from '../../../node/nodeBackend';
import { CharClassifier } from '../../../core/model';
import { CLUMP } from '../../../core/labels';
import { GEOMETRY_SIZE, INPUT_SIZE, normalizeCharacter } from '../../../core/preprocess';
import { massOf, median, productOfExperts, scaleToMass } from '../../../core/stats';
import { restrictToCharset } from '../../../core/decode/charset';
import { applyCaseGeometry } from '../../../core/decode/caseGeometry';
import { encodeWeights, modelJson } from '../../../training/modelIo';
import { initWeights, releaseLayers } from '../../../training/trainer';
import { Rng } from '../../../training/prng';
import { generateCharacterSamples } from '../../../training/dataset';
import { shippedRecognizer } from '../runtime/fixtures';

/**
 * A model trained with the CLUMP class (several touching letters in one crop) reads a clump as a
 * clump: the readers see that as a reading whose probabilities sum to less than one, and whatever
 * renormalises a reading keeps that total, or a clump would look like a sure letter again.
 */
describe('core: the clump class', () => {
  it('is left out of the labels and the probabilities, which then sum to one less its share', async () => {
    await initNodeBackend();
    const labels = ['a', 'b', CLUMP, 'c'];
    const layers = releaseLayers(labels.length);
    const { specs, data } = encodeWeights(layers, initWeights(layers, 3), 'float32');
    const withClump = CharClassifier.fromArtifacts(modelJson(layers, labels, specs, {}), data.slice().buffer);
    assert.deepEqual(withClump.labels, ['a', 'b', 'c']);
    const rng = new Rng(4);
    const chars = [0, 1, 2].map(() => ({
      pixels: Float32Array.from({ length: INPUT_SIZE * INPUT_SIZE }, () => rng.uniform(0, 1)),
      geometry: new Float32Array(GEOMETRY_SIZE),
      inkBox: { left: 0, top: 0, right: 1, bottom: 1 },
    }));
    const probs = withClump.probabilities(chars);
    const both = withClump.probabilitiesAndFeatures(chars).probabilities;
    // The same network without the clump's row of weights is the softmax over the other three.
    for (const [i, p] of probs.entries()) {
      assert.equal(p.length, 3);
      const sum = p.reduce((s, v) => s + v, 0);
      assert.ok(sum < 1 && sum > 0, `sums to ${sum}`);
      assert.ok(Math.abs(massOf(p) - sum) < 1e-6);
      p.forEach((v, k) => assert.ok(Math.abs(v - both[i][k]) < 1e-6, 'both paths drop the same column'));
    }
    withClump.dispose();
  });

  it('keeps a reading\'s total through every renormalisation', () => {
    const clumpy = new Float32Array([0.3, 0.05, 0.05]); // a clump took 0.6
    const poe = productOfExperts([clumpy, new Float32Array([0.8, 0.1, 0.1])]);
    assert.ok(Math.abs(massOf(poe) - Math.sqrt(0.4 * 1)) < 1e-6, `product of experts: ${massOf(poe)}`);
    const digits = restrictToCharset(new Float32Array([0.2, 0.1, 0.1]), ['1', 'l', 'I'], 'digits');
    assert.ok(Math.abs(digits[0] - 0.4) < 1e-6, 'restricted to digits: the 1 holds the whole 0.4');
    const geo = applyCaseGeometry(new Float32Array([0.3, 0.1]), ['o', 'O'], { top: 1, bottom: 0 }, { xTop: 1, capTop: 1.5, baseline: 0, descender: -0.5 }, 1, 'all');
    assert.ok(Math.abs(massOf(geo) - 0.4) < 1e-6, `geometry over all labels: ${massOf(geo)}`);
    assert.ok(geo[0] > 0.3, 'an x-high ring moves towards o');
    assert.deepEqual(Array.from(scaleToMass(new Float32Array([1, 3]), 0.5)), [0.125, 0.375]);
  });
});

describe('core: the shipped model\'s clump class', () => {
  it('reads touching letters of held-out hands as a clump, and their letters one by one as letters', async function () {
    this.timeout(60_000);
    const { classifier } = await shippedRecognizer();
    const mass = (labels: string, perClass: number) => {
      const samples = generateCharacterSamples({ split: 'heldout', perClass, seed: 7, labels, augmentation: 'v4', clumpShare: 1 });
      const probs = classifier.probabilities(samples.map((s) => normalizeCharacter(s.image, { frame: s.frame })));
      return median(probs.map(massOf));
    };
    const clumps = mass(CLUMP, 80), letters = mass('aeonrsdhmw', 8);
    assert.ok(clumps < 0.5, `a clump's reading keeps ${clumps.toFixed(2)} for the characters (median)`);
    assert.ok(letters > 0.9, `a letter's keeps ${letters.toFixed(2)}`);
  });
});
