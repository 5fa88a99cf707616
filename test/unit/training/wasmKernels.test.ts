import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { useWasmForTraining } from '../../../training/wasmKernels';
import { Rng } from '../../../training/prng';

/** Run `fn` on a backend and read back every output tensor's values. */
async function on(backend: string, fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(fn);
  const values = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  return values;
}

function randomArray(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

function assertClose(a: Float32Array, b: Float32Array, tol: number, what: string) {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    assert.ok(d <= tol * (1 + Math.abs(b[i])), `${what}[${i}]: wasm ${a[i]} vs cpu ${b[i]}`);
  }
}

describe('training/wasmKernels: replacement gradient kernels agree with cpu', () => {
  before(async () => {
    await useWasmForTraining();
  });
  after(async () => {
    await tf.setBackend('wasm');
  });

  const convCases: Array<{ x: [number, number, number, number]; k: number; out: number; pad: 'same' | 'valid' }> = [
    { x: [2, 6, 5, 3], k: 3, out: 4, pad: 'same' },
    { x: [3, 7, 7, 2], k: 3, out: 5, pad: 'valid' },
    { x: [1, 5, 6, 1], k: 5, out: 2, pad: 'same' },
  ];
  for (const c of convCases) {
    it(`conv2d ${c.pad} k${c.k} ${c.x.join('x')}->${c.out}: value and gradients`, async () => {
      const xs = randomArray(c.x.reduce((a, b) => a * b), 1);
      const ws = randomArray(c.k * c.k * c.x[3] * c.out, 2);
      const run = () => {
        const x = tf.tensor4d(xs, c.x);
        const w = tf.tensor4d(ws, [c.k, c.k, c.x[3], c.out]);
        const f = (a: tf.Tensor4D, b: tf.Tensor4D) => tf.sum(tf.square(tf.conv2d(a, b, 1, c.pad)));
        const [gx, gw] = tf.grads(f as (...a: tf.Tensor[]) => tf.Tensor)([x, w]);
        return [tf.conv2d(x, w, 1, c.pad), gx, gw];
      };
      const wasm = await on('wasm', run);
      const cpu = await on('cpu', run);
      ['value', 'dx', 'dW'].forEach((name, i) => assertClose(wasm[i], cpu[i], 1e-4, name));
    });
  }

  it('matMul with transposes and its gradients', async () => {
    const as = randomArray(5 * 7, 3), bs = randomArray(7 * 4, 4);
    const run = () => {
      const a = tf.tensor2d(as, [5, 7]);
      const b = tf.tensor2d(bs, [7, 4]);
      const f = (p: tf.Tensor2D, q: tf.Tensor2D) => tf.sum(tf.square(tf.matMul(p, q)));
      const [ga, gb] = tf.grads(f as (...a: tf.Tensor[]) => tf.Tensor)([a, b]);
      return [tf.matMul(a, b), ga, gb, tf.matMul(a, a, false, true), tf.matMul(b, b, true, false)];
    };
    const wasm = await on('wasm', run);
    const cpu = await on('cpu', run);
    wasm.forEach((v, i) => assertClose(v, cpu[i], 1e-4, `out${i}`));
  });

  // 6x6 pools evenly; 7x7 pools to 3x3 and drops its last row and column (the release model's third pooling).
  for (const size of [6, 7]) {
    it(`maxPool gradient, ${size}x${size}`, async () => {
      const out = Math.floor(size / 2);
      const xs = randomArray(2 * size * size * 3, size);
      const run = () => {
        const x = tf.tensor4d(xs, [2, size, size, 3]);
        const weights = tf.reshape(tf.range(0, out * out * 3), [out, out, 3]);
        return [tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), weights)))(x)];
      };
      const wasm = await on('wasm', run);
      const cpu = await on('cpu', run);
      assertClose(wasm[0], cpu[0], 1e-5, 'dx');
    });
  }
});
