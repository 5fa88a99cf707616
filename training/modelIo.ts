/**
 * Writing the shipped model: model.json (CharModelJson) + weights.bin with weights quantized to uint8
 * (per-tensor affine, the tfjs weights-manifest `quantization` format that tf.io.decodeWeights reads).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { CharModelJson, LayerSpec, paramShapes } from '../core/model';
import { modelArtifacts } from '../core/modelFormat';
import { GEOMETRY_SIZE, INPUT_SIZE } from '../core/preprocess';

export type WeightValues = Record<string, { shape: number[]; values: Float32Array }>;

/** Quantize to uint8 and build the manifest + concatenated bytes. 'float32' keeps full precision. */
export function encodeWeights(layers: LayerSpec[], weights: WeightValues, dtype: 'uint8' | 'float32' = 'uint8') {
  const names = Object.keys(paramShapes(layers));
  const specs: tf.io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  for (const name of names) {
    const w = weights[name];
    if (!w) throw new Error(`Missing weight ${name}.`);
    if (dtype === 'float32') {
      specs.push({ name, shape: w.shape, dtype: 'float32' });
      chunks.push(new Uint8Array(w.values.slice().buffer));
      continue;
    }
    let min = Infinity, max = -Infinity;
    for (const v of w.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const scale = max > min ? (max - min) / 255 : 1;
    const q = new Uint8Array(w.values.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round((w.values[i] - min) / scale);
    specs.push({ name, shape: w.shape, dtype: 'float32', quantization: { dtype: 'uint8', min, scale } });
    chunks.push(q);
  }
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const data = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    data.set(c, off);
    off += c.length;
  }
  return { specs, data };
}

export function modelJson(
  layers: LayerSpec[],
  labels: string[],
  specs: tf.io.WeightsManifestEntry[],
  training: Record<string, unknown>,
): CharModelJson {
  return {
    format: 'inkwell-char-cnn',
    formatVersion: 1,
    inputSize: INPUT_SIZE,
    geometrySize: GEOMETRY_SIZE,
    labels,
    layers,
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
    training,
  };
}

export function writeModel(dir: string, json: CharModelJson, data: Uint8Array): void {
  // The loaders' own check (core/modelFormat.ts): nothing is written that they would refuse.
  modelArtifacts(json, [data], path.join(dir, 'model.json'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'weights.bin'), data);
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json, null, 1) + '\n');
}

