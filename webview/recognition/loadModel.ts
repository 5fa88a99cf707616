/**
 * Loads the character model shipped in models/char-cnn once: model.json, then its weight files
 * resolved next to it, through the webview's own resource URLs (no remote fetch).
 */
import { CharClassifier } from '../../core/model';
import { modelArtifacts, modelWeightPaths } from '../../core/modelFormat';

const MODEL_NAME = 'models/char-cnn/model.json';

export interface ModelFiles {
  readonly json: unknown;
  readonly weights: Uint8Array[];
}

/** The model's files, fetched (no tfjs involved: this runs while the backend starts). */
export async function fetchModelFiles(url: string): Promise<ModelFiles> {
  const modelUrl = new URL(url, location.href).toString();
  const json = await fetchOk(modelUrl).then((r) => r.json() as Promise<unknown>);
  const paths = modelWeightPaths(json, MODEL_NAME);
  const weights = await Promise.all(paths.map((p) => fetchOk(new URL(p, modelUrl).toString()).then(async (r) => new Uint8Array(await r.arrayBuffer()))));
  return { json, weights };
}

/** The classifier from its files, on the backend now running. */
export function classifierFrom(files: ModelFiles): CharClassifier {
  const { json: model, weightData } = modelArtifacts(files.json, files.weights, MODEL_NAME);
  // The caller warms it up at the batch size it will use (WebGL compiles per shape).
  return CharClassifier.fromArtifacts(model, weightData);
}

export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.split('/').slice(-2).join('/')} (HTTP ${response.status}).`);
  return response;
}
