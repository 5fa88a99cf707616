/**
 * Start training from a trained model (`npm run train -- --init DIR`): its weights as the initial
 * values, the output layer widened (or narrowed) to the new run's classes. A class the base model
 * had keeps its output weights; a new class (a symbol added to a letters model) starts from small
 * seeded random weights and the base's mean bias, so it begins neither favoured nor silenced.
 */
import * as tf from '@tensorflow/tfjs-core';
import { LayerSpec, paramShapes } from '../core/model';
import { readModelArtifacts } from '../node/modelFiles';
import { WeightValues } from './modelIo';
import { Rng } from './prng';

export function weightsFromModel(dir: string, layers: LayerSpec[], labels: readonly string[], seed: number): WeightValues {
  const { json, weightData } = readModelArtifacts(dir);
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const tensors = tf.io.decodeWeights(weightData, specs);
  const shapes = paramShapes(layers);
  const names = Object.keys(shapes);
  const [kernelName, biasName] = names.slice(-2);
  const out: WeightValues = {};
  try {
    for (const name of names) {
      const t = tensors[name];
      if (!t) throw new Error(`Base model ${dir} has no weight '${name}'.`);
      const values = t.dataSync() as Float32Array;
      if (name !== kernelName && name !== biasName) {
        if (t.shape.join() !== shapes[name].join()) throw new Error(`Base model ${dir}: '${name}' is ${t.shape.join('x')}, this network needs ${shapes[name].join('x')}.`);
        out[name] = { shape: shapes[name], values: Float32Array.from(values) };
      }
    }
    const oldKernel = tensors[kernelName].dataSync() as Float32Array;
    const oldBias = tensors[biasName].dataSync() as Float32Array;
    const [inputs, classes] = shapes[kernelName];
    const oldClasses = json.labels.length;
    if (tensors[kernelName].shape[0] !== inputs) throw new Error(`Base model ${dir}: its last layer reads ${tensors[kernelName].shape[0]} features, this network ${inputs}.`);
    const rng = new Rng(seed ^ 0x1417);
    const meanBias = oldBias.reduce((s, v) => s + v, 0) / oldBias.length;
    const sd = Math.sqrt(2 / inputs) * 0.1;
    const kernel = new Float32Array(inputs * classes);
    const bias = new Float32Array(classes);
    labels.forEach((label, c) => {
      const old = json.labels.indexOf(label);
      for (let i = 0; i < inputs; i++) kernel[i * classes + c] = old >= 0 ? oldKernel[i * oldClasses + old] : rng.normal(0, sd);
      bias[c] = old >= 0 ? oldBias[old] : meanBias;
    });
    out[kernelName] = { shape: [inputs, classes], values: kernel };
    out[biasName] = { shape: [classes], values: bias };
    return out;
  } finally {
    Object.values(tensors).forEach((t) => t.dispose());
  }
}
