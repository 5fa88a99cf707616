/** Synthetic classifier outputs for decoder tests: exact probabilities on chosen labels. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CHARACTERS } from '../../../core/labels';
import { NgramModel } from '../../../core/decode/ngram';
import { mulberry32 } from '../../../training/prng';

export const seededRandom = mulberry32;

export const LABELS: readonly string[] = Array.from(ALL_CHARACTERS);

/** A probability vector with the given masses; the rest spread evenly over the other labels. */
export function probs(masses: Record<string, number>, labels: readonly string[] = LABELS): Float32Array {
  const out = new Float32Array(labels.length);
  const given = Object.values(masses).reduce((a, b) => a + b, 0);
  if (given > 1 + 1e-6) throw new Error('masses exceed 1');
  const others = labels.filter((l) => !(l in masses)).length;
  labels.forEach((l, i) => (out[i] = l in masses ? masses[l] : (1 - given) / others));
  return out;
}

/** A confidently written word: each true character gets p, the rest spread evenly. */
export function confidentWord(text: string, p = 0.9): Float32Array[] {
  return Array.from(text).map((c) => probs({ [c]: p }));
}


/** Random peaked probability vectors (like a classifier's softmax). */
export function randomProbs(rand: () => number, labels: readonly string[] = LABELS): Float32Array {
  const out = new Float32Array(labels.length);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.exp(4 * rand() * rand());
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

export const SHIPPED_NGRAM_PATH = path.join(__dirname, '..', '..', '..', 'models', 'ngram', 'char-ngram.json');
let shipped: NgramModel | undefined;
export function shippedNgram(): NgramModel {
  shipped ??= NgramModel.fromJson(JSON.parse(fs.readFileSync(SHIPPED_NGRAM_PATH, 'utf8')));
  return shipped;
}

export function argmaxLabel(p: Float32Array, labels: readonly string[] = LABELS): string {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return labels[best];
}
