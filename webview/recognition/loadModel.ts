/**
 * Loads the character model shipped in models/char-cnn once: model.json, then its weight files
 * resolved next to it, through the webview's own resource URLs (no remote fetch).
 */
import { CharClassifier, CharModelJson } from '../../core/model';

export async function loadClassifier(url: string): Promise<CharClassifier> {
  const modelUrl = new URL(url, location.href).toString();
  const json = await fetchOk(modelUrl).then((r) => r.json() as Promise<unknown>);
  if (!isModelJson(json)) throw new Error('models/char-cnn/model.json is not an Inkwell character model.');
  const paths = json.weightsManifest.flatMap((group) => group.paths);
  const buffers = await Promise.all(paths.map((p) => fetchOk(new URL(p, modelUrl).toString()).then((r) => r.arrayBuffer())));
  // The caller warms it up at the batch size it will use (WebGL compiles per shape).
  return CharClassifier.fromArtifacts(json, concat(buffers));
}

export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.split('/').slice(-2).join('/')} (HTTP ${response.status}).`);
  return response;
}

function isModelJson(value: unknown): value is CharModelJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CharModelJson>;
  return v.format === 'inkwell-char-cnn' && Array.isArray(v.labels) && Array.isArray(v.layers) && Array.isArray(v.weightsManifest);
}

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0];
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}
