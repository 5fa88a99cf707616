/**
 * Test fixtures for the runtime tests: a random-weight model on disk (plumbing only, never for
 * accuracy) and hand-made image files, including hostile ones.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';
import { CharModelJson, LayerSpec, paramShapes } from '../../../core/model';
import { ALL_CHARACTERS } from '../../../core/labels';
import { GEOMETRY_SIZE, INPUT_SIZE } from '../../../core/preprocess';
import { lcg } from '../../../training/prng';
import { initNodeBackend } from '../../../node/nodeBackend';
import { loadClassifier, loadNgram } from '../../../node/modelFiles';
import { Recognizer } from '../../../core/recognizer';

export const TEST_LAYERS: LayerSpec[] = [
  { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
  { type: 'maxPool', size: 2 },
  { type: 'flatten' },
  { type: 'concatGeometry' },
  { type: 'dense', units: 62, activation: 'linear' },
];

const created: string[] = [];

/** A fresh folder under the OS temp dir; removed by removeTempDirs(). */
export function makeTempDir(prefix = 'inkwell-rt-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Remove every folder makeTempDir made (call from a describe's after hook). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Write model.json + weights.bin with seeded random weights; returns the folder. */
export function writeRandomModel(dir = makeTempDir(), seed = 1, layers: LayerSpec[] = TEST_LAYERS): string {
  const shapes = paramShapes(layers, INPUT_SIZE, GEOMETRY_SIZE);
  const uniform = lcg(seed);
  const rand = () => uniform() - 0.5;
  const weights: CharModelJson['weightsManifest'][number]['weights'] = [];
  const chunks: Float32Array[] = [];
  for (const [name, shape] of Object.entries(shapes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    chunks.push(Float32Array.from({ length: n }, () => rand() * 0.2));
    weights.push({ name, shape, dtype: 'float32' });
  }
  const json: CharModelJson = {
    format: 'inkwell-char-cnn',
    formatVersion: 1,
    inputSize: INPUT_SIZE,
    geometrySize: GEOMETRY_SIZE,
    labels: Array.from(ALL_CHARACTERS),
    layers,
    weightsManifest: [{ paths: ['weights.bin'], weights }],
  };
  const total = chunks.reduce((a, c) => a + c.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(all.buffer));
  return dir;
}

/** Grey pixels (0 = ink) as RGBA. */
function rgbaOf(grey: Uint8Array | Uint8ClampedArray): Uint8Array {
  const out = new Uint8Array(grey.length * 4);
  grey.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

/** A white image with a dark bar (a crude '1' or 'l'), so it is not blank. */
export function barImage(width = 40, height = 40): Uint8Array {
  const grey = new Uint8Array(width * height).fill(255);
  for (let y = Math.floor(height * 0.15); y < Math.ceil(height * 0.85); y++) {
    for (let x = Math.floor(width * 0.45); x < Math.ceil(width * 0.55); x++) grey[y * width + x] = 0;
  }
  return grey;
}

/** A white strip with dark vertical bars in two groups ("|| |"), as a crude line of text. */
export function barsImage(width = 160, height = 48): Uint8Array {
  const grey = new Uint8Array(width * height).fill(255);
  for (const x0 of [20, 44, 100]) {
    for (let y = 10; y < 38; y++) for (let x = x0; x < x0 + 5; x++) grey[y * width + x] = 0;
  }
  return grey;
}

export function encodePng(grey: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgbaOf(grey));
  return PNG.sync.write(png);
}

export function encodeJpeg(grey: Uint8Array, width: number, height: number): Buffer {
  return jpeg.encode({ data: rgbaOf(grey), width, height }, 90).data;
}

export function encodeGif(grey: Uint8Array, width: number, height: number): Buffer {
  const buf = Buffer.alloc(width * height * 2 + 1024);
  const palette = [0x000000, 0xffffff];
  const writer = new GifWriter(buf, width, height, { palette });
  writer.addFrame(0, 0, width, height, Array.from(grey, (v) => (v < 128 ? 0 : 1)));
  return buf.subarray(0, writer.end());
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG signature + IHDR claiming width x height (8-bit RGBA), then `tail` (junk or a tiny IDAT). */
export function pngWithHeader(width: number, height: number, tail: Uint8Array = Buffer.from('junk junk junk junk')): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), tail]);
}

/** A complete, valid PNG of width x height (for 0x0/1x1 claims pngjs cannot write itself). */
export function rawPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4), 255);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 4)] = 0;
  return Buffer.concat([pngWithHeader(width, height, Buffer.alloc(0)), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', new Uint8Array(0))]);
}

/** The shipped model and n-gram on the Node backend: what the command line reads with. */
export async function shippedRecognizer(): Promise<Recognizer> {
  await initNodeBackend();
  return new Recognizer(loadClassifier().classifier, { ngram: loadNgram() });
}
