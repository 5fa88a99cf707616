/**
 * Browser entry of the pad latency bench (bundled by bench/padLatency.ts, never shipped): the
 * pad's recognition path from pen-up to candidates, on the webview's tfjs backend.
 *
 *   strokes -> Recognizer.recognizeStrokes (the pad's own path: group, cut touching letters,
 *   render, normalise, classify, decode with charset, n-gram and case) -> top-3 candidates
 *
 * Written without DOM types so `tsc -p .` checks it like the rest of bench/.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CharClassifier } from '../core/model';
import { modelArtifacts, modelWeightPaths } from '../core/modelFormat';
import { Stroke } from '../core/strokes';
import { NgramModel } from '../core/decode';
import { Classifier, Recognizer } from '../core/recognizer';

export interface PathResult {
  readonly ms: number;
  readonly text: string;
  readonly characters: number;
  readonly candidates: string[][];
  /** Where the time went, ms. */
  readonly split: { classify: number; rest: number };
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

/** Pen-up -> candidates: the pad's own path (Recognizer.recognizeStrokes), timed; the classifier's share apart. */
function recognize(strokes: Stroke[], inkWidth: number, context = ''): PathResult {
  if (!classifier) throw new Error('load() first');
  const inner = classifier;
  let classifyMs = 0;
  const timed: Classifier = {
    labels: inner.labels,
    probabilities(chars) {
      const t = performance.now();
      const out = inner.probabilities(chars);
      classifyMs += performance.now() - t;
      return out;
    },
  };
  const t0 = performance.now();
  const r = new Recognizer(timed, { ngram }).recognizeStrokes(strokes, { inkWidth, context, topK: 3 });
  const ms = performance.now() - t0;
  return {
    ms,
    text: r.text,
    characters: r.grouped.characters.length,
    candidates: r.chars.map((c) => c.candidates.map((k) => k.text)),
    split: { classify: classifyMs, rest: ms - classifyMs },
  };
}

(globalThis as unknown as { inkwellBench: unknown }).inkwellBench = {
  load,
  recognize,
  numTensors: () => tf.memory().numTensors,
};
