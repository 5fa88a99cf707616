/**
 * Loads the shipped character model (model.json + weight files) from disk.
 *
 * Paths are resolved from the package root, not the working directory, so `npx inkwell`
 * works from any folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CharClassifier, CharModelJson } from '../core/model';
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
export function readModelArtifacts(modelDir = DEFAULT_MODEL_DIR): { json: CharModelJson; weightData: ArrayBuffer; modelJsonPath: string } {
  const modelJsonPath = path.join(modelDir, 'model.json');
  let text: string;
  try {
    text = fs.readFileSync(modelJsonPath, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read model file ${modelJsonPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  let json: CharModelJson;
  try {
    json = JSON.parse(text) as CharModelJson;
  } catch (err) {
    throw new Error(`Model file ${modelJsonPath} is not valid JSON: ${(err as Error).message}`);
  }
  if (!json || !Array.isArray(json.weightsManifest) || !Array.isArray(json.labels)) {
    throw new Error(`Model file ${modelJsonPath} has no weightsManifest or labels.`);
  }
  const parts: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    for (const rel of group.paths) {
      const file = path.resolve(modelDir, rel);
      if (path.relative(modelDir, file).startsWith('..')) {
        throw new Error(`Model file ${modelJsonPath} points outside its folder: ${rel}`);
      }
      try {
        parts.push(fs.readFileSync(file));
      } catch (err) {
        throw new Error(`Cannot read model weights ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
      }
    }
  }
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const expected = expectedWeightBytes(json);
  if (total !== expected) {
    throw new Error(`Model weights in ${modelDir} hold ${total} bytes but model.json describes ${expected}.`);
  }
  const weightData = new ArrayBuffer(total);
  const view = new Uint8Array(weightData);
  let offset = 0;
  for (const p of parts) {
    view.set(p, offset);
    offset += p.byteLength;
  }
  return { json, weightData, modelJsonPath };
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Bytes the manifest's weights occupy, honouring quantization. */
function expectedWeightBytes(json: CharModelJson): number {
  let bytes = 0;
  for (const spec of json.weightsManifest.flatMap((g) => g.weights)) {
    const stored = spec.quantization?.dtype ?? spec.dtype;
    const size = BYTES_PER_ELEMENT[stored];
    if (!size) throw new Error(`Model weight '${spec.name}' has unsupported dtype '${String(stored)}'.`);
    bytes += spec.shape.reduce((a, b) => a * b, 1) * size;
  }
  return bytes;
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
