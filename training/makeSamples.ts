/**
 * Shipped samples from held-out families only (`npm run samples`):
 * - samples/chars/<kind>-<char>-<family>[-pen].png: one character per small PNG, for the CLI demo. Names spell
 *   the case out (upper-A, lower-a, digit-7) because file systems may be case-insensitive. Characters whose lone
 *   shape is ambiguous by nature (0/O/o, 1/l/I, c/C, s/S, ...) are left out: no reader can get them from shape alone.
 * - test/fixtures/heldout-sample.json: 10 normalised augmented held-out characters per class, for the unit test
 *   that keeps the shipped model above a floor. Pixels are 4-bit packed (plenty for an accuracy floor).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { GreyImage } from '../core/image';
import { ALL_CHARACTERS, DIGITS, UPPER } from '../core/labels';
import { earlierHeldoutFamilies, EARLIER_HELDOUT_SOURCES } from './fonts';
import { generateCharacterSamples, SampleStyle } from './dataset';
import { normalizeAll } from './evaluate';

export const SAMPLE_SEED = 31337;
export const FIXTURE_SEED = 2718;
export const FIXTURE_PER_CLASS = 10;

/** Characters for the demo: distinct by shape alone. Digits get two hands each. */
const DEMO = ['23456789', '23456789', 'ABDEFGHLNQRT', 'abdefghnqrt'];

function kindOf(ch: string): string {
  return DIGITS.includes(ch) ? 'digit' : UPPER.includes(ch) ? 'upper' : 'lower';
}

function writePng(image: GreyImage, file: string): void {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    data.data[i * 4] = data.data[i * 4 + 1] = data.data[i * 4 + 2] = image.data[i];
    data.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
}

export function writeDemoSamples(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.png')) fs.unlinkSync(path.join(dir, f));
  const families = earlierHeldoutFamilies().filter((f) => f.kind === 'hand').map((f) => f.id);
  const written: string[] = [];
  let k = 0;
  DEMO.forEach((chars, row) => {
    for (const ch of chars) {
      // Offset each row so a character repeated in two rows comes from two different hands.
      const family = families[(k + row * 3) % families.length];
      const style: SampleStyle = k % 3 === 2 ? 'pen' : 'font';
      k++;
      const [sample] = generateCharacterSamples({
        split: 'heldout', perClass: 1, seed: SAMPLE_SEED + row, labels: ch, styles: [style], families: [family], augment: false, noFrameRate: 1,
      });
      const file = path.join(dir, `${kindOf(ch)}-${ch}-${family}${style === 'pen' ? '-pen' : ''}.png`);
      writePng(sample.image, file);
      written.push(file);
    }
  });
  return written;
}

export interface HeldoutFixture {
  seed: number;
  perClass: number;
  /** One character per sample. */
  labels: string;
  /** 3 geometry values per sample. */
  geometry: number[];
  /** 28x28 ink per sample, 4 bits per pixel (high nibble first), base64. */
  pixels4: string;
}

export function buildFixture(): HeldoutFixture {
  const items = normalizeAll(generateCharacterSamples({ split: 'heldout', perClass: FIXTURE_PER_CLASS, seed: FIXTURE_SEED, labels: ALL_CHARACTERS, families: [...EARLIER_HELDOUT_SOURCES], augmentation: 'v2' }));
  const px = 28 * 28;
  const packed = new Uint8Array((items.length * px) / 2);
  items.forEach((it, n) => {
    for (let i = 0; i < px; i += 2) {
      const a = Math.round(it.norm.pixels[i] * 15), b = Math.round(it.norm.pixels[i + 1] * 15);
      packed[(n * px + i) / 2] = (a << 4) | b;
    }
  });
  return {
    seed: FIXTURE_SEED,
    perClass: FIXTURE_PER_CLASS,
    labels: items.map((it) => it.label).join(''),
    geometry: items.flatMap((it) => Array.from(it.norm.geometry, (v) => Math.round(v * 1000) / 1000)),
    pixels4: Buffer.from(packed).toString('base64'),
  };
}

export function unpackFixture(f: HeldoutFixture): Array<{ label: string; pixels: Float32Array; geometry: Float32Array }> {
  const bytes = Buffer.from(f.pixels4, 'base64');
  const px = 28 * 28;
  return [...f.labels].map((label, n) => {
    const pixels = new Float32Array(px);
    for (let i = 0; i < px; i += 2) {
      const b = bytes[(n * px + i) / 2];
      pixels[i] = (b >> 4) / 15;
      pixels[i + 1] = (b & 15) / 15;
    }
    return { label, pixels, geometry: Float32Array.from(f.geometry.slice(n * 3, n * 3 + 3)) };
  });
}

if (process.argv[1] && /makeSamples\.ts$/.test(process.argv[1])) {
  const files = writeDemoSamples('samples/chars');
  console.log(`wrote ${files.length} samples to samples/chars`);
  fs.mkdirSync('test/fixtures', { recursive: true });
  const fixture = buildFixture();
  fs.writeFileSync('test/fixtures/heldout-sample.json', JSON.stringify(fixture) + '\n');
  console.log(`wrote test/fixtures/heldout-sample.json (${fixture.labels.length} characters)`);
}
