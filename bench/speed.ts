/**
 * Inference speed of the character model in Node on tfjs `wasm`. Prints figures; asserts nothing.
 *
 *   npm run bench:speed -- [--model DIR] [--runs N]
 *
 * Model load = read model.json + weights from disk and upload them (first load in the process,
 * then the median of repeated loads). Per-character times are medians after warm-up, for the
 * classifier alone (normalised input to probabilities, read back) and end to end through the
 * Recognizer (grey image → preprocessing → classifier → top-3).
 * Then whole images through recognizeText, bench:text's main set (64 lines and pages of held-out
 * hands): the first pass in the process (what a fresh `inkwell recognize` pays: V8 still compiling
 * the reader, the n-gram's rows not cached yet) and the steady state (each image's fastest of
 * --text-passes more passes), per image, with the process's CPU time beside the wall time.
 */
import { parseArgs } from 'node:util';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier, loadNgram } from '../node/modelFiles';
import { Recognizer } from '../core/recognizer';
import { BlankImageError, normalizeCharacter } from '../core/preprocess';
import { median } from '../core/stats';
import { generateCharacterSamples } from '../training/dataset';
import { EARLIER_HELDOUT_SOURCES } from '../training/fonts';
import { textSamples } from './textImages';

interface Timing {
  /** Wall time of each run, ms. */
  readonly wall: number[];
  /** Process CPU time (user + system) per run, ms: barely moved by other processes on a busy machine. */
  readonly cpuPerRun: number;
}

function timeRuns(runs: number, fn: () => void): Timing {
  const wall: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  return { wall, cpuPerRun: (c.user + c.system) / 1000 / runs };
}

function perChar(t: Timing, batch: number): string {
  const wall = median(t.wall) / batch;
  const best = Math.min(...t.wall) / batch;
  return `median ${wall.toFixed(3)} ms/char (${(1000 / wall).toFixed(0)} chars/s), fastest ${best.toFixed(3)}, CPU mean ${(t.cpuPerRun / batch).toFixed(3)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { model: { type: 'string' }, runs: { type: 'string' }, 'text-passes': { type: 'string' } } });
  const modelDir = values.model ? path.resolve(values.model) : DEFAULT_MODEL_DIR;
  const runs = Number(values.runs ?? 300);
  const textPasses = Math.max(1, Number(values['text-passes'] ?? 3));

  const tb = performance.now();
  const backend = await initNodeBackend();
  const backendMs = performance.now() - tb;
  const first = loadClassifier(modelDir);
  const tw = performance.now();
  first.classifier.warmUp();
  const firstInferenceMs = performance.now() - tw;
  const reloads = timeRuns(10, () => loadClassifier(modelDir).classifier.dispose()).wall;

  const { classifier } = first;
  const recognizer = new Recognizer(classifier);
  const samples = generateCharacterSamples({ split: 'heldout', perClass: 2, seed: 11, families: [...EARLIER_HELDOUT_SOURCES], augmentation: 'v2' }).slice(0, 64 * 2);
  const normalized = samples.map((s) => normalizeCharacter(s.image, { frame: s.frame }));
  const batch64 = normalized.slice(0, 64);
  const images64 = samples.slice(0, 64).map((s) => ({ image: s.image, frame: s.frame }));

  // Warm-up: both batch shapes, so kernel set-up is not timed.
  for (let i = 0; i < 20; i++) {
    classifier.probabilities([normalized[i % normalized.length]]);
    classifier.probabilities(batch64);
  }
  let k = 0;
  const b1 = timeRuns(runs, () => classifier.probabilities([normalized[k++ % normalized.length]]));
  const b64 = timeRuns(Math.max(20, Math.floor(runs / 5)), () => classifier.probabilities(batch64));
  k = 0;
  const e1 = timeRuns(runs, () => recognizer.recognizeCharacters([images64[k++ % 64]], { topK: 3 }));
  const e64 = timeRuns(Math.max(20, Math.floor(runs / 5)), () => recognizer.recognizeCharacters(images64, { topK: 3 }));

  const weightKb = first.weightBytes / 1024;
  console.log(`model ${path.relative(process.cwd(), modelDir) || modelDir}: ${weightKb.toFixed(0)} KB of weights, ${classifier.labels.length} classes`);
  console.log(`backend ${backend} (SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'on' : 'off'}), initialised in ${backendMs.toFixed(1)} ms`);
  console.log(`model load: first ${first.loadMs.toFixed(1)} ms, median of 10 reloads ${median(reloads).toFixed(1)} ms; first inference ${firstInferenceMs.toFixed(1)} ms`);
  console.log(`classifier only (normalised input → probabilities), after warm-up:`);
  console.log(`  batch 1:  ${perChar(b1, 1)}   [${runs} runs]`);
  console.log(`  batch 64: ${perChar(b64, 64)}`);
  console.log(`end to end (grey image → preprocess → classifier → decode top-3), after warm-up:`);
  console.log(`  batch 1:  ${perChar(e1, 1)}`);
  console.log(`  batch 64: ${perChar(e64, 64)}`);
  const text = timeTextImages(new Recognizer(classifier, { ngram: loadNgram() }), textPasses);
  console.log(`text images (bench:text's main set, ${text.images} lines and pages, recognizeText with the n-gram):`);
  console.log(`  first pass in the process: ${text.firstMs.toFixed(1)} ms per image (CPU ${text.firstCpuMs.toFixed(1)})`);
  console.log(`  steady state, each image's fastest of ${textPasses} more passes: ${text.steadyMs.toFixed(1)} ms per image`);
  const load = os.loadavg()[0];
  console.log(`machine: ${os.cpus().length} cores, load average ${load.toFixed(1)}${load > os.cpus().length ? ' (busy: medians are inflated by other processes; the fastest run is closest to an idle machine)' : ''}`);
  console.log(`tensors alive at the end: ${tf.memory().numTensors} (the model's own weights: ${classifier.json.weightsManifest.flatMap((g) => g.weights).length})`);
  classifier.dispose();
}

/** Whole images through the shipped text path: the first pass, then each image's fastest of `passes` more. */
function timeTextImages(recognizer: Recognizer, passes: number): { images: number; firstMs: number; firstCpuMs: number; steadyMs: number } {
  // As bench:text reads them (two per family, layout and look).
  const samples = textSamples({ perFamily: 2 });
  const read = (image: (typeof samples)[number]['image']) => {
    try {
      recognizer.recognizeText(image);
    } catch (err) {
      if (!(err instanceof BlankImageError)) throw err;
    }
  };
  const first = timeRuns(1, () => samples.forEach((s) => read(s.image)));
  const fastest = samples.map(() => Infinity);
  for (let pass = 0; pass < passes; pass++) {
    samples.forEach((s, i) => {
      const t0 = performance.now();
      read(s.image);
      fastest[i] = Math.min(fastest[i], performance.now() - t0);
    });
  }
  const n = samples.length;
  return { images: n, firstMs: first.wall[0] / n, firstCpuMs: first.cpuPerRun / n, steadyMs: fastest.reduce((a, b) => a + b, 0) / n };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
