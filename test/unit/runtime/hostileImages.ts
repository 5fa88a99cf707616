/**
 * Small image files that would cost a naive decoder gigabytes or minutes, each named for what it
 * does. Used by the image-file tests and by `npx tsx bench/hostileFiles.ts`, which measures the
 * command line's time and peak memory on them.
 */
import * as zlib from 'node:zlib';
import { barImage, encodeJpeg, pngChunk } from './fixtures';

/** A GIF of 35 bytes whose canvas and frame claim 7745x7745 pixels (~240 MB of RGBA). */
export function gifBomb(side = 7745): Buffer {
  const b: number[] = [...Buffer.from('GIF89a'), side & 255, side >> 8, side & 255, side >> 8, 0x80, 0, 0];
  b.push(0, 0, 0, 255, 255, 255); // global colour table, 2 entries
  b.push(0x2c, 0, 0, 0, 0, side & 255, side >> 8, side & 255, side >> 8, 0); // image descriptor
  b.push(2, 2, 0x4c, 0x01, 0, 0x3b); // LZW min size 2, one 2-byte sub-block, end, trailer
  return Buffer.from(b);
}

/** A real JPEG whose frame header is rewritten to claim width x height, padded to `bytes`. */
export function jpegClaiming(width: number, height: number, bytes = 41_000): Buffer {
  const real = encodeJpeg(barImage(40, 40), 40, 40);
  const out = Buffer.alloc(Math.max(bytes, real.length));
  real.copy(out);
  for (let i = 0; i + 4 <= real.length; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      break;
    }
  }
  return out;
}

/** A progressive JPEG header followed by `scans` start-of-scan segments (each a pass over every coefficient). */
export function jpegManyScans(scans = 10_000): Buffer {
  const parts: number[] = [0xff, 0xd8];
  // SOF2 (progressive): 8-bit, 64x64, one component.
  parts.push(0xff, 0xc2, 0, 11, 8, 0, 64, 0, 64, 1, 1, 0x11, 0);
  // DHT: one DC table with one code, enough for a structurally valid file.
  parts.push(0xff, 0xc4, 0, 20, 0x00, 1, ...new Array(15).fill(0), 0);
  for (let k = 0; k < scans; k++) parts.push(0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 0, 0, 0x00);
  parts.push(0xff, 0xd9);
  return Buffer.from(parts);
}

/** A 16-bit RGBA PNG of width x height whose rows are all zero: compresses ~1000:1. */
export function png16(width: number, height: number): Buffer {
  const raw = Buffer.alloc((1 + width * 8) * height);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([16, 6, 0, 0, 0], 8); // 16 bits, RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array(0))]);
}
