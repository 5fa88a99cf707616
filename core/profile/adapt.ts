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
import { turnedCharacter } from '../turnedReadings';
import { charGeometry, WriterReferences, writerReferences } from '../decode/caseGeometry';
import { ProfileSample, sampleInput, WriterProfile } from './profile';

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
   * Also fit a correction to the network's last layer on the writer's samples (logits + f.dW, dW kept
   * small by `lambda`; `steps` of gradient descent at `rate`), before the vote: where the vote can only
   * pick among look-alike samples (a hand whose capitals are its small letters drawn at x-height), the
   * correction learns what tells them apart in this hand, the line frame included.
   */
  readonly head?: { readonly lambda: number; readonly steps: number; readonly rate: number };
  /**
   * Each sample is also taught turned by these angles (radians, about its centre): no two of a writer's
   * letters lean alike, and a few samples of a character cover more of its shapes with their turned
   * copies beside them, for the vote and the fitted head alike.
   */
  readonly turns?: readonly number[];
}

/**
 * Chosen by `npm run bench:adapt -- --tune` on training families (never the held-out writers it reports):
 * of the blends weighed there (mix and geometric at thresholds 0.6-0.9 and strengths 20-100, with and
 * without a fitted head), the best K=5 exact whose profile costs another hand under a point
 * (2026-12-05: 96.25% exact, 97.10% merged, -0.28 points for another hand; the earlier default, mix at
 * 0.7 and 100 without a head, 95.60%, 96.77%, -0.60). 100 steps at rate 16 read as 200 at 8, in half
 * the time. Each sample also taught turned by 0.14 rad (8 degrees) either way (2026-12-05 (4): tuning
 * 96.25 -> 96.53% exact, 97.10 -> 97.46% merged; turns of 0.1 and 0.2 and four copies, in the grid, and
 * sheared, thicker or thinner copies, tried outside it, within 0.2 points; the grid's blends with sheared
 * copies chose the same blend).
 */
export const DEFAULT_ADAPT: AdaptParams = { mode: 'geometric', threshold: 0.8, strength: 50, head: { lambda: 0.00001, steps: 100, rate: 16 }, turns: [-0.14, 0.14] };

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
  /**
   * Where this writer's small letters and capitals reach, for the decoder's case from geometry: a
   * word without letters that show its heights is measured by the writer's own (capitals barely
   * taller than small letters in some hands), not by a typical hand's.
   */
  readonly writerReferences: WriterReferences;

  /** What the network read in each sample and turned copy (by `readingKey`), for the next profile to reuse. */
  private readonly readings = new Map<string, SampleReading>();

  /**
   * `previous`: the writer's profile as loaded before (with the same network); the samples it read are
   * not read again, so a profile grown by a correction loads in the time of its new samples and the fit.
   */
  constructor(
    private readonly inner: FeatureClassifier,
    profile: WriterProfile,
    readonly params: AdaptParams = DEFAULT_ADAPT,
    previous?: ProfileClassifier,
  ) {
    const index = new Map(inner.labels.map((l, i) => [l, i]));
    // Samples of characters this model cannot output are kept in the profile but not used here.
    const usable = profile.samples.filter((s) => index.has(s.label));
    this.writerReferences = writerReferences(usable.map((s) => ({ label: s.label, geometry: charGeometry(s.geometry) })));
    const copies = [0, ...(params.turns ?? [])].flatMap((angle) => usable.map((sample) => ({ sample, angle, key: readingKey(sample, angle) })));
    // What the previous profile read with this network is kept; only the rest is read (each input once).
    if (previous?.inner === inner) {
      for (const c of copies) {
        const known = previous.readings.get(c.key);
        if (known) this.readings.set(c.key, known);
      }
    }
    const unread = [...new Map(copies.filter((c) => !this.readings.has(c.key)).map((c) => [c.key, c])).values()];
    for (let i = 0; i < unread.length; i += 64) {
      const batch = unread.slice(i, i + 64);
      const { features, probabilities } = inner.probabilitiesAndFeatures(batch.map(({ sample, angle }) => {
        const written = { ...sampleInput(sample), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
        return angle === 0 ? written : turnedCharacter(written, angle);
      }));
      batch.forEach((c, j) => this.readings.set(c.key, { feature: unit(features[j]), probs: probabilities[j] }));
    }
    const sampleProbs: Float32Array[] = [];
    for (const c of copies) {
      const reading = this.readings.get(c.key)!;
      this.sampleFeatures.push(reading.feature);
      this.sampleClass.push(index.get(c.sample.label)!);
      sampleProbs.push(reading.probs);
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
    return this.sampleFeatures.length / (1 + (this.params.turns?.length ?? 0));
  }

  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    // An empty batch has no features to compare (its matrix would have none of the samples' columns).
    if (this.sampleFeatures.length === 0 || chars.length === 0) return this.inner.probabilities(chars);
    const { probabilities, features } = this.inner.probabilitiesAndFeatures(chars);
    const units = features.map(unit);
    const { sims, readings } = this.againstSamples(probabilities, units);
    const n = this.sampleClass.length;
    return readings.map((p, i) => this.adapt(p, sims.subarray(i * n, (i + 1) * n)));
  }

  /**
   * For a batch, from its (unit) features uploaded once: the cosine similarity of each character to each
   * sample (row-major, characters x samples), and the readings with the fitted head's correction,
   * softmax(log p + f.dW), each kept at its total (stats.ts massOf: a clump stays unsure); the network's
   * readings as they are without a head.
   */
  private againstSamples(probs: Float32Array[], units: readonly Float32Array[]): { sims: Float32Array; readings: Float32Array[] } {
    const d = units[0]?.length ?? 0, n = this.sampleClass.length, k = probs[0]?.length ?? 0;
    const delta = this.delta;
    const [product, fixed] = tf.tidy(() => {
      const f = matrixOf(units);
      const product = tf.matMul(f, tf.tensor2d(this.samplesByFeature, [d, n]));
      return delta ? [product, tf.softmax(tf.add(logOf(probs), tf.matMul(f, tf.tensor2d(delta, [d, k]))))] : [product];
    });
    const sims = product.dataSync() as Float32Array;
    product.dispose();
    if (!fixed) return { sims, readings: probs };
    const flat = fixed.dataSync() as Float32Array;
    fixed.dispose();
    return { sims, readings: probs.map((p, i) => scaleToMass(flat.subarray(i * k, (i + 1) * k), massOf(p))) };
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

  /** `p`: the character's reading (corrected, with a fitted head); `sims`: its similarity to each sample. */
  private adapt(p: Float32Array, sims: Float32Array): Float32Array {
    const { threshold, strength } = this.params;
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

/** A sample's (or its turned copy's) unit-length features and the network's reading of it. */
interface SampleReading {
  readonly feature: Float32Array;
  readonly probs: Float32Array;
}

/** What identifies a sample's reading: the input the network saw (bitmap, geometry) and the turn. */
function readingKey(sample: ProfileSample, angle: number): string {
  return `${angle}|${sample.geometry.join(',')}|${sample.pixels}`;
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

/**
 * Gradient descent on mean cross-entropy of softmax(log p + f.dW) over the samples, plus lambda |dW|^2.
 * Two matrix products a step on the tfjs backend: in JavaScript a 310-sample profile took seconds.
 */
function fitHead(features: readonly Float32Array[], probs: readonly Float32Array[], classes: readonly number[], k: number, o: { lambda: number; steps: number; rate: number }): Float32Array {
  const n = features.length, d = features[0].length;
  const fitted = tf.tidy(() => {
    const f = matrixOf(features);
    const fT = tf.transpose(f);
    const logP = logOf(probs);
    const target = tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(classes), 'int32'), k), 'float32');
    let delta: tf.Tensor2D = tf.zeros([d, k]);
    for (let step = 0; step < o.steps; step++) {
      const next = tf.tidy(() => {
        const q = tf.softmax(tf.add(logP, tf.matMul(f, delta)));
        const grad = tf.add(tf.div(tf.matMul(fT, tf.sub(q, target)), n), tf.mul(delta, 2 * o.lambda));
        return tf.sub(delta, tf.mul(grad, o.rate)) as tf.Tensor2D;
      });
      delta.dispose();
      delta = next;
    }
    return delta;
  });
  const out = fitted.dataSync() as Float32Array;
  fitted.dispose();
  return out;
}

/** Rows as one matrix (none: an empty one). */
function matrixOf(rows: readonly Float32Array[]): tf.Tensor2D {
  const d = rows[0]?.length ?? 0;
  const flat = new Float32Array(rows.length * d);
  rows.forEach((r, i) => flat.set(r, i * d));
  return tf.tensor2d(flat, [rows.length, d]);
}

/** Log-probabilities (floored: a class the network rules out can still be taught). */
function logOf(probs: readonly Float32Array[]): tf.Tensor2D {
  return tf.tidy(() => tf.log(tf.maximum(matrixOf(probs), 1e-9))) as tf.Tensor2D;
}
