/**
 * Recognition with a writer's profile: the network's probabilities, nudged toward the characters whose
 * samples in the profile look like what was written. "Look like" is cosine similarity of the features
 * the network's last layer reads; a character gains only where a sample of it is close (above
 * `threshold`), so a few samples of one character do not pull unrelated shapes toward it, and a hand
 * unlike the profile's reads as it would without one.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from '../recognizer';
import type { NormalizedCharacter } from '../preprocess';
import { massOf, scaleToMass } from '../stats';
import { sampleInput, WriterProfile } from './profile';

/** A classifier that also reports the features its last layer reads (CharClassifier does). */
export interface FeatureClassifier extends Classifier {
  probabilitiesAndFeatures(chars: readonly NormalizedCharacter[]): { probabilities: Float32Array[]; features: Float32Array[] };
}

export interface AdaptParams {
  /**
   * 'boost': a taught character whose closest sample is above `threshold` gains, others are untouched;
   * 'mix': the network's distribution mixed with a vote of the writer's samples (softmax of strength x
   * each taught character's closest similarity), the vote's share rising from 0 at `threshold` to all
   * at a perfect match: a shape the writer taught wins however the network reads it, a shape unlike
   * every sample reads as without a profile;
   * 'geometric': as 'mix', but the two distributions are mixed geometrically (p^(1-share) q^share), so
   * where the writer's samples of two characters look alike (o and O) the network's own preference
   * (from the line geometry) still counts.
   */
  readonly mode: 'boost' | 'mix' | 'geometric';
  /** Similarity above which a sample counts as evidence (cosine, 0..1 for ReLU features). */
  readonly threshold: number;
  /** How strongly similarity moves a character's log-probability (per unit of cosine). */
  readonly strength: number;
  /**
   * Also fit a correction to the network's last layer on the writer's samples (logits + f.dW, dW
   * kept small by `lambda`), before the vote; experimental, weighed by bench:adapt --tune.
   */
  readonly head?: { readonly lambda: number; readonly steps: number; readonly rate: number };
}

/**
 * Chosen by `npm run bench:adapt -- --tune` on training families (never the held-out writers it reports):
 * of the 18 mix and geometric blends at thresholds 0.6-0.8 and strengths 20-100, the best K=5 exact whose
 * profile costs another hand under a point (2026-12-04 night: 95.73% exact, -0.48 points for another
 * hand; 0.8 and 50 before, 94.84% and -0.24; threshold 0.6 gained more but cost other hands over a point).
 */
export const DEFAULT_ADAPT: AdaptParams = { mode: 'mix', threshold: 0.7, strength: 100 };

export class ProfileClassifier implements Classifier {
  /** Unit-length features of each profile sample, and the class index it teaches. */
  private readonly sampleFeatures: Float32Array[] = [];
  private readonly sampleClass: number[] = [];
  /**
   * The same features as one matrix, transposed (features x samples): a batch's similarities are one
   * matrix product on the tfjs backend (a loop over them in JavaScript cost 0.2 ms a character).
   */
  private readonly samplesByFeature: Float32Array;
  /** The fitted last-layer correction (features x classes), when params.head asks for one. */
  private delta: Float32Array | undefined;

  constructor(
    private readonly inner: FeatureClassifier,
    profile: WriterProfile,
    readonly params: AdaptParams = DEFAULT_ADAPT,
  ) {
    const index = new Map(inner.labels.map((l, i) => [l, i]));
    // Samples of characters this model cannot output are kept in the profile but not used here.
    const usable = profile.samples.filter((s) => index.has(s.label));
    const inputs = usable.map((s) => ({ ...sampleInput(s), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } }));
    const sampleProbs: Float32Array[] = [];
    for (let i = 0; i < inputs.length; i += 64) {
      const { features, probabilities } = inner.probabilitiesAndFeatures(inputs.slice(i, i + 64));
      features.forEach((f, j) => {
        this.sampleFeatures.push(unit(f));
        this.sampleClass.push(index.get(usable[i + j].label)!);
        sampleProbs.push(probabilities[j]);
      });
    }
    const n = this.sampleFeatures.length;
    this.samplesByFeature = new Float32Array(n * (this.sampleFeatures[0]?.length ?? 0));
    this.sampleFeatures.forEach((f, s) => f.forEach((v, d) => (this.samplesByFeature[d * n + s] = v)));
    if (params.head && this.sampleFeatures.length > 0) this.delta = fitHead(this.sampleFeatures, sampleProbs, this.sampleClass, inner.labels.length, params.head);
  }

  get labels(): readonly string[] {
    return this.inner.labels;
  }

  /** Samples in use (those of characters the model reads). */
  get sampleCount(): number {
    return this.sampleFeatures.length;
  }

  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    if (this.sampleFeatures.length === 0) return this.inner.probabilities(chars);
    const { probabilities, features } = this.inner.probabilitiesAndFeatures(chars);
    const units = features.map(unit);
    const sims = this.similarities(units);
    const n = this.sampleClass.length;
    return probabilities.map((p, i) => this.adapt(p, units[i], sims.subarray(i * n, (i + 1) * n)));
  }

  /** Cosine similarity of each (unit) feature vector to each sample: row-major, characters x samples. */
  private similarities(units: readonly Float32Array[]): Float32Array {
    const d = units[0]?.length ?? 0, n = this.sampleClass.length;
    const batch = new Float32Array(units.length * d);
    units.forEach((u, i) => batch.set(u, i * d));
    const product = tf.tidy(() => tf.matMul(tf.tensor2d(batch, [units.length, d]), tf.tensor2d(this.samplesByFeature, [d, n])));
    const out = product.dataSync() as Float32Array;
    product.dispose();
    return out;
  }

  /** The similarity of the closest sample of each taught character, from one character's similarities to every sample. */
  private closestPerClass(sims: Float32Array): Map<number, number> {
    const best = new Map<number, number>();
    for (let s = 0; s < sims.length; s++) {
      const c = this.sampleClass[s];
      if (sims[s] > (best.get(c) ?? -1)) best.set(c, sims[s]);
    }
    return best;
  }

  /** `f`: the character's unit features; `sims`: their similarity to each sample. */
  private adapt(p0: Float32Array, f: Float32Array, sims: Float32Array): Float32Array {
    const { threshold, strength } = this.params;
    // Corrected, the reading keeps its total (stats.ts massOf: a clump stays unsure).
    const p = this.delta ? scaleToMass(corrected(p0, f, this.delta), massOf(p0)) : p0;
    const best = this.closestPerClass(sims);
    const out = Float32Array.from(p);
    if (this.params.mode === 'mix' || this.params.mode === 'geometric') {
      let top = -1;
      for (const sim of best.values()) top = Math.max(top, sim);
      if (top <= threshold) return p;
      const share = (top - threshold) / (1 - threshold);
      let z = 0;
      const vote = new Map<number, number>();
      for (const [c, sim] of best) {
        const v = Math.exp(strength * (sim - top));
        vote.set(c, v);
        z += v;
      }
      if (this.params.mode === 'mix') {
        // The votes sum to one: a shape the writer taught as one character gets back, with the match's
        // share, what a clump model's doubt took from it (the total is (1 - share) * massOf(p) + share).
        for (let c = 0; c < out.length; c++) out[c] = (1 - share) * p[c] + (share * (vote.get(c) ?? 0)) / z;
        return out;
      }
      // An untaught character votes as if it had a sample right at the threshold.
      const untaught = Math.exp(strength * (threshold - top));
      for (let c = 0; c < out.length; c++) out[c] = Math.max(p[c], 1e-9) ** (1 - share) * (vote.get(c) ?? untaught) ** share;
      return scaleToMass(out, massOf(p));
    }
    let changed = false;
    for (const [c, sim] of best) {
      if (sim <= threshold) continue;
      out[c] = Math.max(out[c], 1e-4) * Math.exp(strength * (sim - threshold));
      changed = true;
    }
    return changed ? scaleToMass(out, massOf(p)) : p;
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function unit(f: Float32Array): Float32Array {
  const n = Math.sqrt(dot(f, f)) || 1;
  return Float32Array.from(f, (v) => v / n);
}

/** Softmax(log p + f.dW): the network's reading with the fitted correction. */
function corrected(p: Float32Array, f: Float32Array, delta: Float32Array): Float32Array {
  const k = p.length;
  const z = new Float32Array(k);
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = Math.log(Math.max(p[c], 1e-9));
    for (let d = 0; d < f.length; d++) s += f[d] * delta[d * k + c];
    z[c] = s;
    max = Math.max(max, s);
  }
  for (let c = 0; c < k; c++) z[c] = Math.exp(z[c] - max);
  return scaleToMass(z, 1);
}

/** Gradient descent on mean cross-entropy of softmax(log p + f.dW) over the samples, plus lambda |dW|^2. */
function fitHead(features: readonly Float32Array[], probs: readonly Float32Array[], classes: readonly number[], k: number, o: { lambda: number; steps: number; rate: number }): Float32Array {
  const d = features[0].length, n = features.length;
  const delta = new Float32Array(d * k);
  const grad = new Float32Array(d * k);
  for (let step = 0; step < o.steps; step++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const q = corrected(probs[i], features[i], delta);
      q[classes[i]] -= 1;
      const f = features[i];
      for (let a = 0; a < d; a++) {
        const fa = f[a];
        if (fa === 0) continue;
        const row = a * k;
        for (let c = 0; c < k; c++) grad[row + c] += (fa * q[c]) / n;
      }
    }
    for (let j = 0; j < delta.length; j++) delta[j] -= o.rate * (grad[j] + 2 * o.lambda * delta[j]);
  }
  return delta;
}
