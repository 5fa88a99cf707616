// The k largest of a vector, as the decoders take a character's best labels.
import { strict as assert } from 'node:assert';
import { largestIndices } from '../../../core/stats';

describe('core/stats: the largest values', () => {
  it('gives what a stable sort, largest first, gives: ties in index order, only values above the floor', () => {
    const bySort = (v: readonly number[], n: number, floor: number) =>
      Array.from(v.keys()).filter((i) => v[i] > floor).sort((a, b) => v[b] - v[a]).slice(0, n);
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 300; trial++) {
      // Few distinct values, zeros among them: ties everywhere.
      const v = Array.from({ length: 1 + Math.floor(rand() * 100) }, () => Math.floor(rand() * 6) / 5);
      const n = 1 + Math.floor(rand() * 10);
      for (const floor of [-Infinity, 0, 0.5]) assert.deepEqual(largestIndices(Float32Array.from(v), n, floor), bySort(v, n, floor), `trial ${trial}, floor ${floor}`);
    }
    assert.deepEqual(largestIndices([], 3), []);
    assert.deepEqual(largestIndices([0, 0, 0], 2, 0), []);
  });
});
