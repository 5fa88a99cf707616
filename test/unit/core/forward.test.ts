import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { initNodeBackend } from '../../../node/nodeBackend';
import { forward, LayerSpec } from '../../../core/model';
import { INPUT_SIZE, GEOMETRY_SIZE } from '../../../core/preprocess';
import { initWeights, RELEASE_LAYERS } from '../../../training/trainer';
import { Rng } from '../../../training/prng';

/**
 * Inference runs the fused conv / matMul kernels (bias and activation inside), training the plain
 * ops; both must compute the same logits. The release layers without dropout, so the training
 * path (a dropout seed given) applies no dropout and the two can be compared value for value.
 */
describe('core/model forward: fused inference equals the training graph', () => {
  const layers: LayerSpec[] = RELEASE_LAYERS.filter((l) => l.type !== 'dropout');

  after(async () => {
    await initNodeBackend();
  });

  for (const backend of ['wasm', 'cpu']) {
    it(`gives the same logits on ${backend}, biases included`, async () => {
      await initNodeBackend();
      await tf.setBackend(backend);
      const rng = new Rng(7);
      const weights = initWeights(layers, 11);
      const params: Record<string, tf.Tensor> = {};
      for (const [name, w] of Object.entries(weights)) {
        // Non-zero biases, so a bias the fused kernel dropped or doubled would show.
        const values = name.endsWith('/bias') ? w.values.map(() => rng.normal(0, 0.5)) : w.values;
        params[name] = tf.tensor(values, w.shape);
      }
      const n = 5;
      const images = tf.tensor4d(Float32Array.from({ length: n * INPUT_SIZE * INPUT_SIZE }, () => rng.uniform(0, 1)), [n, INPUT_SIZE, INPUT_SIZE, 1]);
      const geometry = tf.tensor2d(Float32Array.from({ length: n * GEOMETRY_SIZE }, () => rng.normal()), [n, GEOMETRY_SIZE]);
      const before = tf.memory().numTensors;
      const [fused, plain] = [undefined, 1].map((seed) => tf.tidy(() => forward(layers, params, images, geometry, seed)));
      const a = fused.dataSync(), b = plain.dataSync();
      assert.equal(a.length, n * 62);
      let maxDiff = 0, maxAbs = 0;
      for (let i = 0; i < a.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        maxAbs = Math.max(maxAbs, Math.abs(b[i]));
      }
      assert.ok(maxAbs > 0.1, 'the logits are not all near zero');
      assert.ok(maxDiff <= 1e-4 * (1 + maxAbs), `fused and plain logits differ by ${maxDiff} (largest logit ${maxAbs})`);
      tf.dispose([fused, plain]);
      assert.equal(tf.memory().numTensors, before, 'forward leaks no tensors');
      tf.dispose([images, geometry, ...Object.values(params)]);
    });
  }
});
