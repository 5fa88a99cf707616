/**
 * Image files to GreyImage for the command line (Node only).
 *
 * The format is sniffed from the first bytes, never from the extension, and the size is read
 * from the header before any pixel is decoded: a 100-byte file claiming 100000x100000 pixels is
 * refused without allocating anything, and a big but plausible photo is decoded then
 * downscaled so the core only ever sees a bounded image.
 */
import * as fs from 'node:fs';
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { GreyImage, downscaleToFit, greyFromRgba, MAX_CORE_PIXELS } from '../core/image';

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF';

export const SUPPORTED_FORMATS: readonly ImageFormat[] = ['PNG', 'JPEG', 'GIF'];

/** Largest image decoded at all (a 60 MP photo is ~240 MB of RGBA while decoding). */
export const MAX_DECODE_PIXELS = 60_000_000;
/** Largest side accepted, so a 1 x 50,000,000 strip is refused too. */
export const MAX_SIDE = 30_000;
/** Decoded images above this are downscaled before recognition (a 12 MP phone photo passes whole). */
export const MAX_WORKING_PIXELS = 12_000_000;
/** Smallest side that can hold a character. */
export const MIN_SIDE = 5;
/** Files above this are refused before reading (PNG/JPEG of 60 MP are far smaller). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** Read and decode an image file; every failure is an Error with a one-line message. */
export function readImageFile(file: string): GreyImage {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new Error(`${file} is a directory, not an image file.`);
    size = stat.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`File not found: ${file}`);
    if (code) throw new Error(`Cannot read ${file}: ${code}`);
    throw err;
  }
  if (size > MAX_FILE_BYTES) {
    throw new Error(`File is too large (${(size / 1048576).toFixed(0)} MB; at most ${MAX_FILE_BYTES / 1048576} MB).`);
  }
  return decodeImage(fs.readFileSync(file));
}

/** Decode image bytes (PNG, JPEG, or a GIF's first frame) to grey, bounded in size. */
export function decodeImage(bytes: Uint8Array): GreyImage {
  const header = readImageHeader(bytes);
  checkDimensions(header);
  if (header.format === 'PNG') checkPngPlausible(bytes, header);
  if (header.format === 'JPEG') checkJpegPlausible(bytes, header);
  const rgba = decodeRgba(bytes, header);
  return toBoundedGrey(rgba.data, rgba.width, rgba.height);
}

/** Format and size from the header alone; throws for empty, unknown or corrupt headers. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length === 0) throw new Error('The file is empty.');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngHeader(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegHeader(bytes);
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return gifHeader(bytes);
  const supported = `supported formats: ${SUPPORTED_FORMATS.join(', ')}`;
  const other = otherFormatName(bytes);
  if (other) throw new Error(`Unsupported image format ${other} (${supported}).`);
  if (looksLikeText(bytes)) throw new Error(`Not an image: the file contains text (${supported}).`);
  throw new Error(`Unrecognised file format (${supported}).`);
}

function checkDimensions({ format, width, height }: ImageHeader): void {
  if (width === 0 || height === 0) throw new Error(`${format} image has no pixels (${width}x${height}).`);
  if (width < MIN_SIDE || height < MIN_SIDE) {
    throw new Error(`${format} image is too small to hold handwriting (${width}x${height}; at least ${MIN_SIDE}x${MIN_SIDE}).`);
  }
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_DECODE_PIXELS) {
    throw new Error(
      `${format} image is too large (${width}x${height}; at most ${MAX_DECODE_PIXELS / 1e6} megapixels and ${MAX_SIDE} pixels a side).`,
    );
  }
}

function decodeRgba(bytes: Uint8Array, header: ImageHeader): { data: Uint8Array; width: number; height: number } {
  try {
    switch (header.format) {
      case 'PNG': {
        const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        return { data: png.data, width: png.width, height: png.height };
      }
      case 'JPEG': {
        const img = jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: true,
          // Strict: a truncated JPEG is reported, not silently half-grey.
          tolerantDecoding: false,
          maxResolutionInMP: MAX_DECODE_PIXELS / 1e6,
          maxMemoryUsageInMB: 1024,
        });
        return img;
      }
      case 'GIF': {
        const gif = new GifReader(bytes);
        if (gif.numFrames() < 1) throw new Error('it has no frames');
        const f = gif.frameInfo(0);
        // omggif allocates the frame's own size; a frame bigger than the canvas is a lie.
        if (f.x + f.width > gif.width || f.y + f.height > gif.height) {
          throw new Error(`first frame ${f.width}x${f.height} at ${f.x},${f.y} lies outside the ${gif.width}x${gif.height} canvas`);
        }
        const data = new Uint8Array(gif.width * gif.height * 4);
        gif.decodeAndBlitFrameRGBA(0, data);
        return { data, width: gif.width, height: gif.height };
      }
    }
  } catch (err) {
    throw new Error(`Corrupt or truncated ${header.format} file (${oneLine(err)}).`);
  }
}

/** RGBA to grey, downscaled to MAX_WORKING_PIXELS; converts in bands because the core caps one image at MAX_CORE_PIXELS. */
function toBoundedGrey(rgba: Uint8Array, width: number, height: number): GreyImage {
  if (width * height <= MAX_CORE_PIXELS) return downscaleToFit(greyFromRgba(rgba, width, height), MAX_WORKING_PIXELS);
  const grey = new Uint8ClampedArray(width * height);
  const bandRows = Math.max(1, Math.floor(MAX_CORE_PIXELS / width));
  for (let y = 0; y < height; y += bandRows) {
    const rows = Math.min(bandRows, height - y);
    const band = greyFromRgba(rgba.subarray(y * width * 4, (y + rows) * width * 4), width, rows);
    grey.set(band.data, y * width);
  }
  return downscaleToFit({ width, height, data: grey }, MAX_WORKING_PIXELS);
}

function pngHeader(bytes: Uint8Array): ImageHeader {
  // Signature (8), IHDR length (4), 'IHDR' (4), width (4), height (4).
  if (bytes.length < 26 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw new Error('Corrupt or truncated PNG file (no IHDR header).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { format: 'PNG', width: view.getUint32(16), height: view.getUint32(20) };
}

/** Deflate never compresses better than ~1032:1, so fewer bytes than this cannot hold the claimed pixels. */
const DEFLATE_MAX_RATIO = 1032;
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Refuse a PNG whose file is far too small for its claimed size before pngjs allocates the output. */
function checkPngPlausible(bytes: Uint8Array, { width, height }: ImageHeader): void {
  const bitDepth = bytes[24];
  const channels = PNG_CHANNELS[bytes[25]];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth)) {
    throw new Error(`Corrupt PNG file (bit depth ${bitDepth}, colour type ${bytes[25]}).`);
  }
  const rawBytes = height * (1 + Math.ceil((width * channels * bitDepth) / 8));
  if (bytes.length * DEFLATE_MAX_RATIO < rawBytes) {
    throw new Error(`Corrupt or truncated PNG file (${bytes.length} bytes cannot hold ${width}x${height} pixels).`);
  }
  checkPngChunks(bytes);
}

/**
 * Every 8x8 block of a JPEG costs at least 2 bits (a DC difference and an end-of-block code), so a
 * file needs ~width*height/256 bytes; with an 8x margin, fewer than width*height/2048 is cut off.
 * Checked before jpeg-js allocates its buffers for the claimed size.
 */
function checkJpegPlausible(bytes: Uint8Array, { width, height }: ImageHeader): void {
  if (bytes.length < (width * height) / 2048) {
    throw new Error(`Corrupt or truncated JPEG file (${bytes.length} bytes cannot hold ${width}x${height} pixels).`);
  }
}

/** Walk the chunk list so a cut-off file is named as such (pngjs's own message for it is cryptic). */
function checkPngChunks(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  let sawData = false;
  while (i + 8 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`Corrupt PNG file (bad chunk at byte ${i}).`);
    if (i + 12 + length > bytes.length) throw new Error(`Truncated PNG file (cut off inside its ${type} chunk).`);
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw new Error('Corrupt PNG file (no image data).');
      return;
    }
    i += 12 + length;
  }
  throw new Error(sawData ? 'Truncated PNG file (no end chunk).' : 'Truncated PNG file (no image data).');
}

function jpegHeader(bytes: Uint8Array): ImageHeader {
  // Walk the marker segments to the first start-of-frame (SOF0..SOF15 except DHT, JPG, DAC).
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new Error('Corrupt JPEG file (bad marker before the frame header).');
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (length < 2) throw new Error('Corrupt JPEG file (bad segment length).');
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (i + 9 > bytes.length) break;
      const height = (bytes[i + 5] << 8) | bytes[i + 6];
      const width = (bytes[i + 7] << 8) | bytes[i + 8];
      return { format: 'JPEG', width, height };
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / scan before any frame header
    i += 2 + length;
  }
  throw new Error('Corrupt or truncated JPEG file (no frame header).');
}

function gifHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 10) throw new Error('Corrupt or truncated GIF file (header cut short).');
  return { format: 'GIF', width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) };
}

function otherFormatName(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, ascii('BM'))) return 'BMP';
  if (startsWith(bytes, ascii('RIFF')) && bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'WebP';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') return 'HEIC/AVIF';
  if (startsWith(bytes, ascii('%PDF'))) return 'PDF';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ICO';
  const head = String.fromCharCode(...bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'SVG';
  return undefined;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  }
  return printable / n > 0.95;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}
