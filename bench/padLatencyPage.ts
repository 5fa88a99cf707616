/**
 * Browser entry of the pad latency bench (bundled by bench/padLatency.ts, never shipped): the
 * pad's recognition path from pen-up to candidates, on the webview's tfjs backend.
 *
 *   strokes -> core/strokes (group, render, line frame) -> normalizeCharacter -> CharClassifier
 *   -> core/decode (charset, n-gram, case from geometry) -> top-3 candidates per character
 *
 * Written without DOM types so `tsc -p .` checks it like the rest of bench/.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CharClassifier } from '../core/model';
import { modelArtifacts, modelWeightPaths } from '../core/modelFormat';
import { BlankImageError, NormalizedCharacter, normalizeCharacter } from '../core/preprocess';
import { strokesToCharacters, Stroke } from '../core/strokes';
import { decodeCharacters, NgramModel } from '../core/decode';

export interface PathResult {
  readonly ms: number;
  readonly text: string;
  readonly characters: number;
  readonly candidates: string[][];
  /** Where the time went, ms. */
  readonly split: { strokes: number; normalize: number; classify: number; decode: number };
}

let classifier: CharClassifier | undefined;
let ngram: NgramModel | undefined;

export interface LoadOptions {
  readonly modelUrl: string;
  readonly ngramUrl?: string;
  readonly backend: 'webgl' | 'wasm' | 'cpu';
  /** Folder URL holding tfjs-backend-wasm's .wasm files (for backend 'wasm'). */
  readonly wasmUrl?: string;
  /** tfjs environment flags to try (e.g. WEBGL_PACK=false). */
  readonly flags?: Record<string, number | boolean>;
}

async function load(opts: LoadOptions): Promise<{ backend: string; loadMs: number; webglVersion: number }> {
  const { modelUrl, ngramUrl } = opts;
  const t0 = performance.now();
  tf.enableProdMode();
  for (const [k, v] of Object.entries(opts.flags ?? {})) tf.env().set(k, v);
  if (opts.wasmUrl) setWasmPaths(opts.wasmUrl);
  if (!(await tf.setBackend(opts.backend))) throw new Error(`backend ${opts.backend} did not start`);
  await tf.ready();
  const json: unknown = await (await fetch(modelUrl)).json();
  const parts = await Promise.all(modelWeightPaths(json, modelUrl).map(async (p) => new Uint8Array(await (await fetch(new URL(p, modelUrl).toString())).arrayBuffer())));
  const { json: model, weightData } = modelArtifacts(json, parts, modelUrl);
  classifier = CharClassifier.fromArtifacts(model, weightData);
  classifier.warmUp();
  if (ngramUrl) ngram = NgramModel.fromJson(await (await fetch(ngramUrl)).json());
  return { backend: tf.getBackend(), loadMs: performance.now() - t0, webglVersion: opts.backend === 'webgl' ? tf.env().getNumber('WEBGL_VERSION') : 0 };
}

/** Pen-up -> candidates: everything the pad does for the strokes it holds. */
function recognize(strokes: Stroke[], inkWidth: number, context = ''): PathResult {
  if (!classifier) throw new Error('load() first');
  const t0 = performance.now();
  const chars = strokesToCharacters(strokes, { inkWidth });
  const t1 = performance.now();
  const normalized: NormalizedCharacter[] = [];
  const spaceBefore: boolean[] = [];
  chars.characters.forEach((c, i) => {
    try {
      normalized.push(normalizeCharacter(c.image, { frame: c.frame }));
      spaceBefore.push(chars.spaceBefore[i] || chars.lineBreakBefore[i]);
    } catch (err) {
      if (!(err instanceof BlankImageError)) throw err;
    }
  });
  const t2 = performance.now();
  const probs = classifier.probabilities(normalized);
  const t3 = performance.now();
  const decoded = decodeCharacters(probs, classifier.labels, {
    spaceBefore,
    geometry: normalized.map((n) => (n.geometry[0] ? { top: n.geometry[1], bottom: n.geometry[2] } : null)),
    ngram,
    context,
    topK: 3,
  });
  const t4 = performance.now();
  return {
    ms: t4 - t0,
    text: decoded.text,
    characters: normalized.length,
    candidates: decoded.chars.map((c) => c.candidates.map((k) => k.label)),
    split: { strokes: t1 - t0, normalize: t2 - t1, classify: t3 - t2, decode: t4 - t3 },
  };
}

(globalThis as unknown as { inkwellBench: unknown }).inkwellBench = {
  load,
  recognize,
  numTensors: () => tf.memory().numTensors,
};
