/**
 * model.json (CharModelJson: layers, labels and a tfjs weights manifest) checked in one place.
 * The command line, benches and training read the files from disk, the webview and the pad bench
 * fetch them; each does only its own I/O and hands the parsed JSON and the weight bytes here.
 * Platform-neutral: no file or network access.
 *
 *   modelWeightPaths(json, name) -> the weight files to read, relative to model.json, in order
 *   modelArtifacts(json, weights, name) -> { json, weightData } for CharClassifier.fromArtifacts
 *
 * Both throw a one-line Error naming `name` (the file or URL) and what is wrong.
 */
import type { CharModelJson } from './model';

export interface ModelArtifacts {
  readonly json: CharModelJson;
  /** The weight files' bytes joined in manifest order. */
  readonly weightData: ArrayBuffer;
}

/** The weight files a parsed model.json names, relative to it, in the order their bytes are joined. */
export function modelWeightPaths(json: unknown, name = 'model.json'): string[] {
  return checkModelJson(json, name).weightsManifest.flatMap((group) => group.paths);
}

/** The parsed model.json and its weight files' bytes (one per modelWeightPaths entry), checked against each other. */
export function modelArtifacts(json: unknown, weights: readonly Uint8Array[], name = 'model.json'): ModelArtifacts {
  const model = checkModelJson(json, name);
  const files = model.weightsManifest.reduce((n, group) => n + group.paths.length, 0);
  if (weights.length !== files) throw new Error(`Model file ${name} names ${files} weight files; ${weights.length} were read.`);
  const total = weights.reduce((n, part) => n + part.byteLength, 0);
  const expected = expectedWeightBytes(model, name);
  if (total !== expected) throw new Error(`The weight files of ${name} hold ${total} bytes but it describes ${expected}.`);
  const weightData = new ArrayBuffer(total);
  const view = new Uint8Array(weightData);
  let offset = 0;
  for (const part of weights) {
    view.set(part, offset);
    offset += part.byteLength;
  }
  return { json: model, weightData };
}

const LAYER_TYPES: ReadonlySet<string> = new Set(['conv2d', 'maxPool', 'flatten', 'concatGeometry', 'dense', 'dropout']);

function checkModelJson(json: unknown, name: string): CharModelJson {
  const fail = (what: string): never => {
    throw new Error(`Model file ${name} ${what}.`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('is not a JSON object');
  const m = json as Partial<Record<keyof CharModelJson, unknown>>;
  if (m.format !== 'inkwell-char-cnn') fail(`is not an Inkwell character model (format '${String(m.format)}')`);
  if (!isPositiveInteger(m.inputSize) || !isPositiveInteger(m.geometrySize)) fail('has no positive integer inputSize and geometrySize');
  if (!Array.isArray(m.labels) || m.labels.length === 0 || !m.labels.every((l) => typeof l === 'string')) fail('has no labels (a list of strings)');
  if (!Array.isArray(m.layers) || !m.layers.every((l) => typeof l === 'object' && l !== null && LAYER_TYPES.has((l as { type?: unknown }).type as string))) {
    fail(`has no layers, or a layer whose type is not one of ${[...LAYER_TYPES].join(', ')}`);
  }
  if (!Array.isArray(m.weightsManifest)) return fail('has no weightsManifest');
  for (const group of m.weightsManifest as unknown[]) {
    const g = (typeof group === 'object' && group !== null ? group : {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(g.paths) || !g.paths.every((p) => typeof p === 'string')) fail('has a weightsManifest group without its paths');
    if (!Array.isArray(g.weights)) return fail('has a weightsManifest group without its weights');
    for (const spec of g.weights as unknown[]) {
      const s = (typeof spec === 'object' && spec !== null ? spec : {}) as { name?: unknown; shape?: unknown; dtype?: unknown };
      if (typeof s.name !== 'string' || typeof s.dtype !== 'string' || !Array.isArray(s.shape) || !s.shape.every((d) => Number.isInteger(d) && d >= 0)) {
        fail('has a weight entry without a name, dtype and shape');
      }
    }
  }
  return json as CharModelJson;
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Bytes the manifest's weights occupy, honouring quantization. */
function expectedWeightBytes(json: CharModelJson, name: string): number {
  let bytes = 0;
  for (const spec of json.weightsManifest.flatMap((g) => g.weights)) {
    const stored = spec.quantization?.dtype ?? spec.dtype;
    const size = Object.prototype.hasOwnProperty.call(BYTES_PER_ELEMENT, stored) ? BYTES_PER_ELEMENT[stored] : undefined;
    if (!size) throw new Error(`Model weight '${spec.name}' in ${name} has unsupported dtype '${String(stored)}'.`);
    bytes += spec.shape.reduce((a, b) => a * b, 1) * size;
  }
  return bytes;
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
