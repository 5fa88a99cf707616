import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { LayerSpec } from '../../../core/model';
import { generateCharacterSamples } from '../../../training/dataset';
import { packSamples } from '../../../training/packed';
import { accuracy, train } from '../../../training/trainer';
import { useWasmForTraining } from '../../../training/wasmKernels';

const LABELS = '0123456789';
const TINY: LayerSpec[] = [
  { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
  { type: 'maxPool', size: 2 },
  { type: 'conv2d', filters: 16, kernelSize: 3, activation: 'relu' },
  { type: 'maxPool', size: 2 },
  { type: 'flatten' },
  { type: 'concatGeometry' },
  { type: 'dense', units: 32, activation: 'relu' },
  { type: 'dropout', rate: 0.2 },
  { type: 'dense', units: LABELS.length, activation: 'linear' },
];

describe('training/trainer: a tiny seeded run on wasm', function () {
  this.timeout(60000);
  const index = new Map([...LABELS].map((l, i) => [l, i]));
  const trainSet = packSamples(generateCharacterSamples({ split: 'train', perClass: 60, seed: 1, labels: LABELS, augment: false }), index);
  const heldout = packSamples(generateCharacterSamples({ split: 'heldout', perClass: 10, seed: 2, labels: LABELS, augment: false }), index);

  before(async () => {
    await useWasmForTraining();
  });

  it('learns (loss falls, held-out accuracy far above chance) and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const result = await train({
      layers: TINY,
      numClasses: LABELS.length,
      seed: 7,
      epochs: 6,
      batchSize: 32,
      learningRate: 0.005,
      labelSmoothing: 0,
      trainSet: () => trainSet,
    });
    assert.equal(tf.memory().numTensors, before, 'tensors left behind by training');
    const losses = result.history.map((h) => h.loss);
    assert.ok(losses[losses.length - 1] < losses[0] * 0.6, `loss did not fall: ${losses.map((l) => l.toFixed(3)).join(' ')}`);
    const params: Record<string, tf.Tensor> = {};
    for (const [name, w] of Object.entries(result.best)) params[name] = tf.tensor(w.values, w.shape);
    const acc = accuracy(TINY, params, heldout);
    tf.dispose(Object.values(params));
    assert.equal(tf.memory().numTensors, before, 'tensors left behind by evaluation');
    assert.ok(acc > 0.5, `held-out accuracy ${acc} (chance 0.1)`);
  });

  it('is deterministic: the same seed gives the same weights', async () => {
    const run = async () =>
      (await train({ layers: TINY, numClasses: LABELS.length, seed: 3, epochs: 1, batchSize: 32, learningRate: 0.005, labelSmoothing: 0, trainSet: () => trainSet })).best;
    const a = await run(), b = await run();
    for (const name of Object.keys(a)) assert.deepEqual(a[name].values, b[name].values, name);
  });
});
