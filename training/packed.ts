/**
 * Normalised samples packed for training and evaluation: 28x28 ink as bytes (a quarter of the memory
 * of floats, enough precision for 8-bit source images), geometry as floats, labels as class indices.
 */
import { normalizeCharacter, INPUT_SIZE, GEOMETRY_SIZE, BlankImageError } from '../core/preprocess';
import { CharacterSample } from './dataset';

export interface PackedSet {
  readonly count: number;
  readonly pixels: Uint8Array;
  readonly geometry: Float32Array;
  readonly labels: Int32Array;
  /** Sample source (e.g. 'pen:kalam') per sample, for per-source reports. */
  readonly sources: string[];
}

const PX = INPUT_SIZE * INPUT_SIZE;

export function packSamples(samples: readonly CharacterSample[], labelIndex: ReadonlyMap<string, number>): PackedSet {
  const n = samples.length;
  const pixels = new Uint8Array(n * PX);
  const geometry = new Float32Array(n * GEOMETRY_SIZE);
  const labels = new Int32Array(n);
  const sources: string[] = [];
  let k = 0;
  for (const s of samples) {
    const cls = labelIndex.get(s.label);
    if (cls === undefined) throw new Error(`Sample label '${s.label}' is not a model class.`);
    let norm;
    try {
      norm = normalizeCharacter(s.image, { frame: s.frame });
    } catch (e) {
      // A generated sample too faint to read is skipped, as a user's blank drawing would be rejected.
      if (e instanceof BlankImageError) continue;
      throw e;
    }
    for (let i = 0; i < PX; i++) pixels[k * PX + i] = Math.round(norm.pixels[i] * 255);
    geometry.set(norm.geometry, k * GEOMETRY_SIZE);
    labels[k] = cls;
    sources.push(s.source);
    k++;
  }
  return { count: k, pixels: pixels.subarray(0, k * PX), geometry: geometry.subarray(0, k * GEOMETRY_SIZE), labels: labels.subarray(0, k), sources };
}

/** Batch `indices` as float arrays ready for tensors; `dropGeometry` zeroes it (lone-character case). */
export function batchArrays(set: PackedSet, indices: ArrayLike<number>, dropGeometry = false) {
  const n = indices.length;
  const px = new Float32Array(n * PX);
  const geo = new Float32Array(n * GEOMETRY_SIZE);
  const lab = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const i = indices[b];
    const src = i * PX, dst = b * PX;
    for (let p = 0; p < PX; p++) px[dst + p] = set.pixels[src + p] / 255;
    if (!dropGeometry) for (let g = 0; g < GEOMETRY_SIZE; g++) geo[b * GEOMETRY_SIZE + g] = set.geometry[i * GEOMETRY_SIZE + g];
    lab[b] = set.labels[i];
  }
  return { px, geo, lab };
}
