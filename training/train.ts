/**
 * Train the character model: `npm run train -- [--seed N] [--samples N] [--epochs N] [--augmentation v3|v4|v5|v6 [--neighbour-rate R] [--worn-rate R]] [--out DIR]`.
 * The defaults are the release recipe; the same command gives the same model. Writes model.json
 * (with training provenance), uint8-quantized weights.bin, and CARD.md (via training/evaluate.ts).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { ALL_CHARACTERS, CLUMP, CODE_CHARACTERS, DIGITS, LOWER } from '../core/labels';
import { CURSIVE_LOWERCASE_FAMILIES, FONT_FAMILIES, HERSHEY_FONTS, DROPPED_FAMILIES, trainingFamilies, validationSources } from './fonts';
import { Augmentation, augmentationHas, AUGMENTATIONS, CLUMP_SHARE, generateCharacterSamples, GenerateOptions, NEIGHBOUR_RATE, WORN_RATE } from './dataset';
import { packSamples, PackedSet } from './packed';
import { EpochReport, releaseLayers, train } from './trainer';
import { useWasmForTraining } from './wasmKernels';
import { encodeWeights, modelJson, WeightValues, writeModel } from './modelIo';
import { evaluateModelDir } from './evaluate';
import { weightsFromModel } from './initFrom';

export interface TrainArgs {
  seed: number;
  /** Training samples per epoch (fresh samples each epoch). */
  samples: number;
  epochs: number;
  out: string;
  batch: number;
  lr: number;
  valPerClass: number;
  /** Stop after this many epochs of the --epochs schedule (0 = run them all); gives the run's checkpoint at that epoch. */
  stopAfter: number;
  /** 'code': the 94 printable ASCII characters; 'alnum': the 62 letters and digits of the earlier models. */
  classes: 'code' | 'alnum';
  /** Start from this trained model's weights (its output layer widened to `classes`); '' = seeded random init. */
  init: string;
  /** The training data's augmentation ranges (training/dataset.ts GenerateOptions.augmentation). */
  augmentation: Exclude<Augmentation, 'v2'>;
  /** From v4 on: the share of training samples given touching neighbours. */
  neighbourRate: number;
  /** From v5 on: the share of training samples drawn with a worn pen. */
  wornRate: number;
  /** The share of 'pen' samples drawn stroke by stroke from traced centre lines (dataset.ts tracedRate). */
  tracedRate: number;
  /** Lowercase letters and digits also drawn from the cursive families dropped for their capitals (dataset.ts cursiveLetters; '' none). */
  cursiveLetters: string;
  /** Also train on the families added 2026-12-04 night (fonts.ts MORE_FAMILIES). */
  moreFamilies: boolean;
  /** 'pen' samples keep the dots thinning erases (dataset.ts penDots). */
  penDots: boolean;
  /** Add the CLUMP class: crops of several touching letters, so that a clump reads as none of the characters (dataset.ts clumpShare). */
  clumps: boolean;
  /** With --clumps: clump samples per class's samples (dataset.ts clumpShare). */
  clumpShare: number;
  /** Share of font and pen samples drawn twice: outlined, or retraced beside the first pass (dataset.ts retraceRate). */
  retraceRate: number;
  /** Label smoothing of the cross-entropy (the target's mass spread over every class). */
  labelSmoothing: number;
}

/** What --cursive-lowercase draws from the cursive families: every lowercase letter and digit. */
const CURSIVE_LOWERCASE = LOWER + DIGITS;

export const RELEASE_ARGS: TrainArgs = {
  seed: 20261126,
  samples: 260_000,
  epochs: 8,
  out: 'models/char-cnn',
  batch: 128,
  lr: 0.0015,
  valPerClass: 40,
  stopAfter: 0,
  classes: 'code',
  init: '',
  augmentation: 'v3',
  neighbourRate: NEIGHBOUR_RATE,
  wornRate: WORN_RATE,
  tracedRate: 0,
  cursiveLetters: '',
  moreFamilies: false,
  penDots: false,
  clumps: false,
  clumpShare: CLUMP_SHARE,
  retraceRate: 0,
  labelSmoothing: 0.05,
};

/** The command that rebuilds this model: `npm run train` plus any flag that differs from the release recipe. */
function rebuildCommand(args: TrainArgs): string {
  const flags: string[] = [];
  const add = (flag: string, v: number, d: number) => v !== d && flags.push(`${flag} ${v}`);
  add('--seed', args.seed, RELEASE_ARGS.seed);
  add('--samples', args.samples, RELEASE_ARGS.samples);
  add('--epochs', args.epochs, RELEASE_ARGS.epochs);
  add('--batch', args.batch, RELEASE_ARGS.batch);
  add('--lr', args.lr, RELEASE_ARGS.lr);
  add('--val-per-class', args.valPerClass, RELEASE_ARGS.valPerClass);
  add('--stop-after', args.stopAfter, RELEASE_ARGS.stopAfter);
  if (args.classes !== RELEASE_ARGS.classes) flags.push(`--classes ${args.classes}`);
  if (args.init) flags.push(`--init ${args.init}`);
  if (args.augmentation !== RELEASE_ARGS.augmentation) flags.push(`--augmentation ${args.augmentation}`);
  if (augmentationHas(args.augmentation, 'v4') && args.neighbourRate !== RELEASE_ARGS.neighbourRate) flags.push(`--neighbour-rate ${args.neighbourRate}`);
  if (augmentationHas(args.augmentation, 'v5') && args.wornRate !== RELEASE_ARGS.wornRate) flags.push(`--worn-rate ${args.wornRate}`);
  add('--traced-rate', args.tracedRate, RELEASE_ARGS.tracedRate);
  if (args.cursiveLetters) flags.push(args.cursiveLetters === CURSIVE_LOWERCASE ? '--cursive-lowercase' : `--cursive-letters ${args.cursiveLetters}`);
  if (args.moreFamilies) flags.push('--more-families');
  if (args.penDots) flags.push('--pen-dots');
  if (args.clumps) flags.push('--clumps');
  if (args.clumps) add('--clump-share', args.clumpShare, RELEASE_ARGS.clumpShare);
  add('--retrace-rate', args.retraceRate, RELEASE_ARGS.retraceRate);
  add('--label-smoothing', args.labelSmoothing, RELEASE_ARGS.labelSmoothing);
  // --out only says where the files go; it does not change the model.
  return flags.length ? `npm run train -- ${flags.join(' ')}` : 'npm run train';
}

function parseArgs(argv: string[]): TrainArgs {
  const args = { ...RELEASE_ARGS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number (got '${value}').`);
      i++;
      return n;
    };
    switch (flag) {
      case '--seed': args.seed = num(); break;
      case '--samples': args.samples = num(); break;
      case '--epochs': args.epochs = num(); break;
      case '--batch': args.batch = num(); break;
      case '--lr': args.lr = num(); break;
      case '--val-per-class': args.valPerClass = num(); break;
      case '--stop-after': args.stopAfter = num(); break;
      case '--neighbour-rate': args.neighbourRate = num(); break;
      case '--worn-rate': args.wornRate = num(); break;
      case '--traced-rate': args.tracedRate = num(); break;
      case '--cursive-lowercase': args.cursiveLetters = CURSIVE_LOWERCASE; break;
      case '--cursive-letters': args.cursiveLetters = value ?? ''; i++; break;
      case '--more-families': args.moreFamilies = true; break;
      case '--pen-dots': args.penDots = true; break;
      case '--clumps': args.clumps = true; break;
      case '--clump-share': args.clumpShare = num(); break;
      case '--retrace-rate': args.retraceRate = num(); break;
      case '--label-smoothing': args.labelSmoothing = num(); break;
      case '--out': args.out = value; i++; break;
      case '--init': args.init = value; i++; break;
      case '--augmentation': {
        // v2 is the benches' recipe, not a training one.
        const recipes = AUGMENTATIONS.filter((a): a is TrainArgs['augmentation'] => a !== 'v2');
        const recipe = recipes.find((a) => a === value);
        if (!recipe) throw new Error(`--augmentation takes ${recipes.join(', ')} (got '${value}').`);
        args.augmentation = recipe;
        i++;
        break;
      }
      case '--classes':
        if (value !== 'code' && value !== 'alnum') throw new Error(`--classes takes code or alnum (got '${value}').`);
        args.classes = value;
        i++;
        break;
      default: throw new Error(`Unknown flag '${flag}'. Flags: --seed --samples --epochs --batch --lr --val-per-class --stop-after --classes --init --augmentation --neighbour-rate --worn-rate --traced-rate --cursive-lowercase --cursive-letters --more-families --pen-dots --clumps --clump-share --retrace-rate --label-smoothing --out`);
    }
  }
  return args;
}

export async function runTraining(args: TrainArgs, log: (s: string) => void = console.log): Promise<void> {
  await useWasmForTraining();
  const labels = [...(args.classes === 'code' ? CODE_CHARACTERS : ALL_CHARACTERS), ...(args.clumps ? [CLUMP] : [])];
  const layers = releaseLayers(labels.length);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const perClass = Math.ceil(args.samples / labels.length);
  const t0 = Date.now();
  const validation = packSamples(generateCharacterSamples({ split: 'heldout', perClass: args.valPerClass, seed: args.seed + 1, labels: labels.join(''), families: validationSources() }), labelIndex);
  log(`validation: ${validation.count} held-out samples`);
  // Each epoch gets fresh samples, drawn in a worker thread while the previous epoch trains.
  const pending = new Map<number, Promise<PackedSet>>();
  const prefetch = (epoch: number) => {
    if (epoch >= (args.stopAfter > 0 ? Math.min(args.stopAfter, args.epochs) : args.epochs) || pending.has(epoch)) return;
    const g0 = Date.now();
    pending.set(
      epoch,
      generateInWorker({ split: 'train', perClass, seed: args.seed * 100 + epoch, labels: labels.join(''), augmentation: args.augmentation, neighbourRate: args.neighbourRate, wornRate: args.wornRate, tracedRate: args.tracedRate, cursiveLetters: args.cursiveLetters || undefined, moreFamilies: args.moreFamilies, penDots: args.penDots, clumpShare: args.clumpShare, retraceRate: args.retraceRate }, labels).then((set) => {
        log(`epoch ${epoch + 1}: generated ${set.count} training samples in ${((Date.now() - g0) / 1000).toFixed(0)} s (worker)`);
        return set;
      }),
    );
  };
  const trainSet = (epoch: number): Promise<PackedSet> => {
    prefetch(epoch);
    const set = pending.get(epoch)!;
    pending.delete(epoch);
    prefetch(epoch + 1);
    return set;
  };
  /** Quantize and write model.json + weights.bin with provenance; returns the weight bytes. */
  const save = (best: WeightValues, bestEpoch: number, history: EpochReport[], trainSamples: number, bestValidation: number) => {
    const { specs, data } = encodeWeights(layers, best, 'uint8');
    const json = modelJson(layers, labels, specs, {
      seed: args.seed,
      command: rebuildCommand(args),
      trainSamples: trainSamples,
      samplesPerEpoch: args.samples,
      epochs: args.epochs,
      labelSmoothing: args.labelSmoothing,
      bestEpoch: bestEpoch,
      validationSamples: validation.count,
      validationAccuracyFloat32: bestValidation,
      initFrom: args.init || undefined,
      trainFamilies: trainingFamilies(args.moreFamilies).map((f) => f.id),
      cursiveLowercaseFamilies: args.cursiveLetters ? [...CURSIVE_LOWERCASE_FAMILIES] : undefined,
      heldoutFamilies: FONT_FAMILIES.filter((f) => f.split === 'heldout').map((f) => f.id),
      trainHershey: HERSHEY_FONTS.filter((f) => f.split === 'train').map((f) => f.id),
      heldoutHershey: HERSHEY_FONTS.filter((f) => f.split === 'heldout').map((f) => f.id),
      droppedFamilies: DROPPED_FAMILIES,
      history,
      minutes: Math.round((Date.now() - t0) / 6000) / 10,
      backend: tf.getBackend(),
      weights: 'uint8 per-tensor affine quantization',
    });
    writeModel(args.out, json, data);
    return data.length;
  };
  const result = await train({
    layers,
    init: args.init ? weightsFromModel(args.init, layers, labels, args.seed) : undefined,
    numClasses: labels.length,
    seed: args.seed,
    epochs: args.epochs,
    stopAfter: args.stopAfter,
    batchSize: args.batch,
    learningRate: args.lr,
    labelSmoothing: args.labelSmoothing,
    trainSet,
    validation,
    log,
    // Checkpoint the best model so far: a run stopped early still leaves a usable model.
    onBest: (best, epoch, history) => {
      save(best, epoch, history, history.reduce((n, h) => n + h.samples, 0), history[history.length - 1].validationAccuracy ?? 0);
      log(`checkpoint: best so far (epoch ${epoch}) written to ${args.out}`);
    },
  });
  const bytes = save(result.best, result.bestEpoch, result.history, result.trainSamples, result.bestValidation);
  log(`wrote ${path.join(args.out, 'model.json')} and weights.bin (${bytes} bytes), best epoch ${result.bestEpoch}`);
  await evaluateModelDir(args.out, { seed: args.seed, log });
}

/** Generate and pack samples in a worker thread (tsx registered there too). */
export function generateInWorker(options: GenerateOptions, labels: string[]): Promise<PackedSet> {
  const file = path.join(__dirname, 'genWorker.ts');
  return new Promise((resolve, reject) => {
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData: { options, labels } });
    worker.once('message', (m: PackedSet) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

if (process.argv[1] && /train\.ts$/.test(process.argv[1])) {
  runTraining(parseArgs(process.argv.slice(2))).catch((e) => {
    console.error(e instanceof Error ? (process.env.DEBUG ? e.stack : e.message) : e);
    process.exit(1);
  });
}
