/**
 * Loads the shipped character model (model.json + weight files) from disk.
 *
 * Paths are resolved from the package root, not the working directory, so `npx inkwell`
 * works from any folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CharClassifier } from '../core/model';
import { ModelArtifacts, modelArtifacts, modelWeightPaths } from '../core/modelFormat';
import { NgramModel } from '../core/decode';

/** Root of the inkwell package (this file lives in <root>/node). */
export const PACKAGE_ROOT = path.resolve(__dirname, '..');

export const DEFAULT_MODEL_DIR = path.join(PACKAGE_ROOT, 'models', 'char-cnn');
export const DEFAULT_NGRAM_FILE = path.join(PACKAGE_ROOT, 'models', 'ngram', 'char-ngram.json');

export interface LoadedModel {
  readonly classifier: CharClassifier;
  /** Wall time to read, parse and upload the weights, in milliseconds. */
  readonly loadMs: number;
  readonly modelJsonPath: string;
  readonly weightBytes: number;
}

/** Read model.json and its weights; throws a one-line Error naming the file when anything is missing or malformed. */
export function readModelArtifacts(modelDir = DEFAULT_MODEL_DIR): ModelArtifacts & { modelJsonPath: string } {
  const modelJsonPath = path.join(modelDir, 'model.json');
  let text: string;
  try {
    text = fs.readFileSync(modelJsonPath, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read model file ${modelJsonPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Model file ${modelJsonPath} is not valid JSON: ${(err as Error).message}`);
  }
  const weights = modelWeightPaths(json, modelJsonPath).map((rel) => {
    const file = path.resolve(modelDir, rel);
    if (path.relative(modelDir, file).startsWith('..')) {
      throw new Error(`Model file ${modelJsonPath} points outside its folder: ${rel}`);
    }
    try {
      return fs.readFileSync(file);
    } catch (err) {
      throw new Error(`Cannot read model weights ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
  });
  return { ...modelArtifacts(json, weights, modelJsonPath), modelJsonPath };
}

/** Load the classifier onto the active backend (call initNodeBackend first). */
export function loadClassifier(modelDir = DEFAULT_MODEL_DIR): LoadedModel {
  const t0 = performance.now();
  const { json, weightData, modelJsonPath } = readModelArtifacts(modelDir);
  const classifier = CharClassifier.fromArtifacts(json, weightData);
  return { classifier, loadMs: performance.now() - t0, modelJsonPath, weightBytes: weightData.byteLength };
}

/** The character n-gram for context decoding; undefined when the file is absent, an Error when it is malformed. */
export function loadNgram(file = DEFAULT_NGRAM_FILE): NgramModel | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read n-gram file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  try {
    return NgramModel.fromJson(JSON.parse(text));
  } catch (err) {
    throw new Error(`N-gram file ${file} is unusable: ${(err as Error).message}`);
  }
}
