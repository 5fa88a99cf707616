/**
 * The character classifier: a small CNN written directly on @tensorflow/tfjs-core ops.
 *
 * The architecture is data, not code: model.json lists the layers, so training, the CLI and the
 * webview all run the same forward pass and a new architecture needs no code change to ship.
 * tfjs-layers is deliberately not used: it would add ~1 MB to the webview bundle for a model
 * that is six ops long.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CLUMP } from './labels';
import { GEOMETRY_SIZE, INPUT_SIZE, NormalizedCharacter } from './preprocess';

export type Activation = 'relu' | 'linear';

export type LayerSpec =
  /** 'same' padding, stride 1. Weights `<i>/kernel` [k,k,in,filters] and `<i>/bias` [filters]. */
  | { type: 'conv2d'; filters: number; kernelSize: number; activation: Activation }
  | { type: 'maxPool'; size: number }
  | { type: 'flatten' }
  /** Appends the GEOMETRY_SIZE line-geometry features to a flat vector. */
  | { type: 'concatGeometry' }
  /** Weights `<i>/kernel` [in,units] and `<i>/bias` [units]. */
  | { type: 'dense'; units: number; activation: Activation }
  /** Active only while training. */
  | { type: 'dropout'; rate: number };

/** The model.json that ships in models/: metadata plus a tfjs weights manifest. */
export interface CharModelJson {
  format: 'inkwell-char-cnn';
  formatVersion: 1;
  inputSize: number;
  geometrySize: number;
  /** Class labels in output order: the only place the label set is defined. */
  labels: string[];
  layers: LayerSpec[];
  weightsManifest: tf.io.WeightsManifestConfig;
  /** Free-form provenance written by training (seed, data, date); not read at inference. */
  training?: Record<string, unknown>;
}

export type Params = Record<string, tf.Tensor>;

export interface Candidate {
  readonly label: string;
  readonly p: number;
}

/** Weight shapes of each layer, walking the architecture from the input. */
export function paramShapes(layers: LayerSpec[], inputSize = INPUT_SIZE, geometrySize = GEOMETRY_SIZE): Record<string, number[]> {
  const shapes: Record<string, number[]> = {};
  let h = inputSize, w = inputSize, c = 1, flat = 0;
  layers.forEach((layer, i) => {
    switch (layer.type) {
      case 'conv2d':
        shapes[`${i}/kernel`] = [layer.kernelSize, layer.kernelSize, c, layer.filters];
        shapes[`${i}/bias`] = [layer.filters];
        c = layer.filters;
        break;
      case 'maxPool':
        h = Math.floor(h / layer.size);
        w = Math.floor(w / layer.size);
        break;
      case 'flatten':
        flat = h * w * c;
        break;
      case 'concatGeometry':
        flat += geometrySize;
        break;
      case 'dense':
        shapes[`${i}/kernel`] = [flat, layer.units];
        shapes[`${i}/bias`] = [layer.units];
        flat = layer.units;
        break;
      case 'dropout':
        break;
    }
  });
  return shapes;
}

function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  return activation === 'relu' ? tf.relu(x) : x;
}

/**
 * Forward pass to logits. `images` is [n, size, size, 1], `geometry` [n, geometrySize].
 * Pass `dropoutSeed` only while training.
 */
export function forward(
  layers: LayerSpec[],
  params: Params,
  images: tf.Tensor4D,
  geometry: tf.Tensor2D,
  dropoutSeed?: number,
): tf.Tensor2D {
  // Inference runs each layer's bias and activation inside the conv / matMul kernel (one kernel
  // instead of three); training keeps the plain ops, whose gradients training/wasmKernels.ts replaces.
  const fused = dropoutSeed === undefined;
  let x: tf.Tensor = images;
  layers.forEach((layer, i) => {
    switch (layer.type) {
      case 'conv2d':
        x = fused
          ? tf.fused.conv2d({ x: x as tf.Tensor4D, filter: params[`${i}/kernel`] as tf.Tensor4D, strides: 1, pad: 'same', bias: params[`${i}/bias`], activation: layer.activation })
          : activate(tf.add(tf.conv2d(x as tf.Tensor4D, params[`${i}/kernel`] as tf.Tensor4D, 1, 'same'), params[`${i}/bias`]), layer.activation);
        break;
      case 'maxPool':
        x = tf.maxPool(x as tf.Tensor4D, layer.size, layer.size, 'valid');
        break;
      case 'flatten':
        x = tf.reshape(x, [x.shape[0], -1]);
        break;
      case 'concatGeometry':
        x = tf.concat([x as tf.Tensor2D, geometry], 1);
        break;
      case 'dense':
        x = fused
          ? tf.fused.matMul({ a: x as tf.Tensor2D, b: params[`${i}/kernel`] as tf.Tensor2D, bias: params[`${i}/bias`], activation: layer.activation })
          : activate(tf.add(tf.matMul(x as tf.Tensor2D, params[`${i}/kernel`] as tf.Tensor2D), params[`${i}/bias`]), layer.activation);
        break;
      case 'dropout':
        if (dropoutSeed !== undefined) x = tf.dropout(x, layer.rate, undefined, dropoutSeed + i);
        break;
    }
  });
  return x as tf.Tensor2D;
}

/** Pack normalized characters into the two input tensors. Caller disposes (or runs inside tidy). */
export function toInputTensors(chars: readonly NormalizedCharacter[], inputSize = INPUT_SIZE): { images: tf.Tensor4D; geometry: tf.Tensor2D } {
  const n = chars.length;
  const px = new Float32Array(n * inputSize * inputSize);
  const geo = new Float32Array(n * GEOMETRY_SIZE);
  chars.forEach((c, i) => {
    px.set(c.pixels, i * inputSize * inputSize);
    geo.set(c.geometry, i * GEOMETRY_SIZE);
  });
  return {
    images: tf.tensor4d(px, [n, inputSize, inputSize, 1]),
    geometry: tf.tensor2d(geo, [n, GEOMETRY_SIZE]),
  };
}

/** A loaded, ready classifier. Holds its weights on the active backend until dispose(). */
export class CharClassifier {
  /** The labels readings are made of: the model's, less the clump class. */
  readonly labels: readonly string[];
  /** The clump class's output column; -1 when the model has none. */
  private readonly clumpColumn: number;

  private constructor(
    readonly json: CharModelJson,
    private readonly params: Params,
  ) {
    this.clumpColumn = json.labels.indexOf(CLUMP);
    this.labels = json.labels.filter((l) => l !== CLUMP);
  }

  /** The i-th softmax row in `data`, without the clump column (not renormalised: a clump's share is missing). */
  private row(data: Float32Array, i: number): Float32Array {
    const k = this.json.labels.length;
    if (this.clumpColumn < 0) return data.slice(i * k, (i + 1) * k);
    const out = new Float32Array(k - 1);
    out.set(data.subarray(i * k, i * k + this.clumpColumn));
    out.set(data.subarray(i * k + this.clumpColumn + 1, (i + 1) * k), this.clumpColumn);
    return out;
  }

  /** Build from model.json and its concatenated weight file(s) (possibly quantized). */
  static fromArtifacts(json: CharModelJson, weightData: ArrayBuffer): CharClassifier {
    if (json.format !== 'inkwell-char-cnn') throw new Error(`Unknown model format '${String(json.format)}'.`);
    const specs = json.weightsManifest.flatMap((g) => g.weights);
    const params = tf.io.decodeWeights(weightData, specs) as Params;
    const expected = paramShapes(json.layers, json.inputSize, json.geometrySize);
    for (const [name, shape] of Object.entries(expected)) {
      const t = params[name];
      if (!t || t.shape.join() !== shape.join()) {
        Object.values(params).forEach((p) => p.dispose());
        throw new Error(`Model weights do not match its layers at '${name}'.`);
      }
    }
    return new CharClassifier(json, params);
  }

  /** Class probabilities for each character, one Float32Array of labels.length per input (the clump's share left out). */
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    if (chars.length === 0) return [];
    const flat = tf.tidy(() => {
      const { images, geometry } = toInputTensors(chars, this.json.inputSize);
      return tf.softmax(forward(this.json.layers, this.params, images, geometry));
    });
    const data = flat.dataSync() as Float32Array;
    flat.dispose();
    return chars.map((_, i) => this.row(data, i));
  }

  /**
   * Class probabilities and, for each character, the features the last layer reads (what a writer's
   * profile matches characters by: core/profile). One forward pass for both.
   */
  probabilitiesAndFeatures(chars: readonly NormalizedCharacter[]): { probabilities: Float32Array[]; features: Float32Array[] } {
    if (chars.length === 0) return { probabilities: [], features: [] };
    const last = this.json.layers.length - 1;
    const head = this.json.layers[last];
    if (head.type !== 'dense') throw new Error('The model does not end in a dense layer; it cannot match a writer profile.');
    const [featT, probT] = tf.tidy(() => {
      const { images, geometry } = toInputTensors(chars, this.json.inputSize);
      const feats = forward(this.json.layers.slice(0, last), this.params, images, geometry);
      const logits = tf.fused.matMul({ a: feats, b: this.params[`${last}/kernel`] as tf.Tensor2D, bias: this.params[`${last}/bias`] });
      return [feats, tf.softmax(logits)];
    });
    const feats = featT.dataSync() as Float32Array;
    const probs = probT.dataSync() as Float32Array;
    featT.dispose();
    probT.dispose();
    const d = feats.length / chars.length;
    return {
      probabilities: chars.map((_, i) => this.row(probs, i)),
      features: chars.map((_, i) => feats.slice(i * d, (i + 1) * d)),
    };
  }

  /** Run once on a blank input so the first real request does not pay for shader compilation. */
  warmUp(): void {
    const blank = { pixels: new Float32Array(this.json.inputSize ** 2), geometry: new Float32Array(this.json.geometrySize), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
    this.probabilities([blank]);
  }

  dispose(): void {
    Object.values(this.params).forEach((p) => p.dispose());
  }
}
