/**
 * Image files before decoding: the format sniffed from the bytes (never the file name), the size and
 * decode cost read from the header, and one budget that every decoder obeys, the command line's
 * (pngjs, jpeg-js, omggif) and the importer's (Chromium) alike.
 *
 * A file is refused before any pixel is decoded when its header claims more than the budget, or more
 * pixels than its bytes can hold (a 35-byte GIF claiming 7745x7745, a 41 KB JPEG claiming 60 MP), or
 * more progressive scans than a real photo has (each scan re-reads every coefficient). Pure code on
 * bytes: no DOM, no Node APIs.
 */

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'BMP' | 'WebP';

/** The one pixel and memory budget of image decoding, shared by the command line and the importer. */
export const IMAGE_BUDGET = {
  /** Files above this are refused before they are read. */
  maxFileBytes: 40 * 1024 * 1024,
  /** Largest side, so a 1 x 20,000,000 strip is refused too. */
  maxSide: 16_384,
  /** Largest image decoded at all (a 24 MP photo passes). */
  maxPixels: 24_000_000,
  /** Largest estimated decoder memory (see decodeBytes): a 12 MP phone photo passes, and a whole CLI run stays near 500 MB. */
  maxDecodeBytes: 360 * 1024 * 1024,
  /** Progressive JPEGs have ~10 scans; each costs a pass over every coefficient. */
  maxJpegScans: 64,
  /** Smallest side that can hold a character. */
  minSide: 5,
  /** Decoded images are scaled down to this many pixels before recognition (and the importer's preview). */
  workingPixels: 3_000_000,
} as const;

export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** Estimated peak bytes the decoder allocates (output RGBA plus its working buffers). */
  readonly decodeBytes: number;
}

/** Format and size from the header; throws a one-line Error for empty, unknown, corrupt or over-budget files. */
export function inspectImage(bytes: Uint8Array, formats: readonly ImageFormat[] = ['PNG', 'JPEG', 'GIF', 'BMP', 'WebP']): ImageHeader {
  if (bytes.length === 0) throw new Error('The file is empty.');
  if (bytes.length > IMAGE_BUDGET.maxFileBytes) {
    throw new Error(`File is too large (${(bytes.length / 1048576).toFixed(0)} MB; at most ${IMAGE_BUDGET.maxFileBytes / 1048576} MB).`);
  }
  const format = sniffFormat(bytes);
  const supported = `supported formats: ${formats.join(', ')}`;
  if (!format || !formats.includes(format)) {
    const other = format ?? otherFormatName(bytes);
    if (other) throw new Error(`Unsupported image format ${other} (${supported}).`);
    if (looksLikeText(bytes)) throw new Error(`Not an image: the file contains text (${supported}).`);
    throw new Error(`Unrecognised file format (${supported}).`);
  }
  const header = HEADER_READERS[format](bytes);
  checkBudget(header);
  return header;
}

export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'GIF';
  if (startsWith(bytes, ascii('BM'))) return 'BMP';
  if (startsWith(bytes, ascii('RIFF')) && bytes.length >= 12 && text(bytes, 8, 12) === 'WEBP') return 'WebP';
  return undefined;
}

function checkBudget({ format, width, height, decodeBytes, deepColour }: ImageHeader & { deepColour?: boolean }): void {
  const b = IMAGE_BUDGET;
  if (width === 0 || height === 0) throw new Error(`${format} image has no pixels (${width}x${height}).`);
  if (width < b.minSide || height < b.minSide) {
    throw new Error(`${format} image is too small to hold handwriting (${width}x${height}; at least ${b.minSide}x${b.minSide}).`);
  }
  if (width > b.maxSide || height > b.maxSide || width * height > b.maxPixels) {
    throw new Error(`${format} image is too large (${width}x${height}; at most ${b.maxPixels / 1e6} megapixels and ${b.maxSide} pixels a side).`);
  }
  if (decodeBytes > b.maxDecodeBytes) {
    throw new Error(
      `${format} image would take ${Math.round(decodeBytes / 1048576)} MB to decode (at most ${b.maxDecodeBytes / 1048576} MB): ` +
        (deepColour ? 'save it with 8 bits per channel or at a smaller size.' : 'save it at a smaller size.'),
    );
  }
}

const HEADER_READERS: Record<ImageFormat, (bytes: Uint8Array) => ImageHeader> = {
  PNG: pngHeader,
  JPEG: jpegHeader,
  GIF: gifHeader,
  BMP: bmpHeader,
  WebP: webpHeader,
};

// ---- PNG ---------------------------------------------------------------------------------------

/** Deflate never compresses better than ~1032:1, so fewer bytes than this cannot hold the claimed pixels. */
const DEFLATE_MAX_RATIO = 1032;
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function pngHeader(bytes: Uint8Array): ImageHeader {
  // Signature (8), IHDR length (4), 'IHDR' (4), width (4), height (4), bit depth, colour type.
  if (bytes.length < 26 || text(bytes, 12, 16) !== 'IHDR') throw new Error('Corrupt or truncated PNG file (no IHDR header).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bitDepth = bytes[24];
  const channels = PNG_CHANNELS[bytes[25]];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth)) {
    throw new Error(`Corrupt PNG file (bit depth ${bitDepth}, colour type ${bytes[25]}).`);
  }
  const pixels = width * height;
  const rawBytes = height * (1 + Math.ceil((width * channels * bitDepth) / 8));
  if (pixels > 0 && pixels <= IMAGE_BUDGET.maxPixels && bytes.length * DEFLATE_MAX_RATIO < rawBytes) {
    throw new Error(`Corrupt or truncated PNG file (${bytes.length} bytes cannot hold ${width}x${height} pixels).`);
  }
  if (pixels > 0 && pixels <= IMAGE_BUDGET.maxPixels) checkPngChunks(bytes);
  // pngjs: the inflated rows, the RGBA output and its copies; at 16 bits 16-bit RGBA copies before
  // rescaling (measured: ~32 bytes a pixel for 16-bit RGBA, peak RSS over a node process's baseline).
  const decodeBytes = rawBytes + pixels * (bitDepth === 16 ? 20 : 6);
  return Object.assign({ format: 'PNG' as const, width, height, decodeBytes }, bitDepth === 16 ? { deepColour: true } : {});
}

/** Walk the chunk list so a cut-off file is named as such (pngjs's own message for it is cryptic). */
function checkPngChunks(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  let sawData = false;
  while (i + 8 <= bytes.length) {
    const length = view.getUint32(i);
    const type = text(bytes, i + 4, i + 8);
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

// ---- JPEG --------------------------------------------------------------------------------------

/**
 * Walks every marker segment of the file: the frame header (size, components, progressive), and the
 * scans (each start-of-scan is followed by entropy-coded data up to the next marker).
 */
function jpegHeader(bytes: Uint8Array): ImageHeader {
  let i = 2;
  let frame: { width: number; height: number; components: number; progressive: boolean } | undefined;
  let scans = 0;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) throw new Error('Corrupt JPEG file (bad marker).');
    const marker = bytes[i + 1];
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    if (marker === 0xd9) break; // end of image
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (length < 2) throw new Error('Corrupt JPEG file (bad segment length).');
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && !frame) {
      if (i + 10 > bytes.length) break;
      frame = {
        height: (bytes[i + 5] << 8) | bytes[i + 6],
        width: (bytes[i + 7] << 8) | bytes[i + 8],
        components: Math.max(1, bytes[i + 9]),
        progressive: marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce,
      };
      if (frame.width * frame.height <= IMAGE_BUDGET.maxPixels) checkJpegPlausible(bytes.length, frame.width, frame.height);
    }
    i += 2 + length;
    if (marker === 0xda) {
      if (!frame) break;
      if (++scans > IMAGE_BUDGET.maxJpegScans) {
        throw new Error(`JPEG file has more than ${IMAGE_BUDGET.maxJpegScans} scans (a photo has about 10): refused, it would take minutes to decode.`);
      }
      // Skip the entropy-coded data: 0xFF 0x00 is a stuffed byte and 0xFF 0xD0-D7 a restart marker.
      while (i + 1 < bytes.length && !(bytes[i] === 0xff && bytes[i + 1] !== 0x00 && !(bytes[i + 1] >= 0xd0 && bytes[i + 1] <= 0xd7))) i++;
    }
  }
  if (!frame) throw new Error('Corrupt or truncated JPEG file (no frame header).');
  const pixels = frame.width * frame.height;
  // jpeg-js: coefficients, samples and colour-converted copies per component, plus the RGBA output
  // (measured: ~29 bytes a pixel for three components, peak RSS over a node process's baseline).
  const decodeBytes = pixels * (4 + 8 * frame.components);
  return { format: 'JPEG', width: frame.width, height: frame.height, decodeBytes };
}

/**
 * Every 8x8 block of a JPEG costs at least 2 bits (a DC difference and an end-of-block code), so a
 * file needs ~width*height/256 bytes; with an 8x margin, fewer than width*height/2048 is cut off.
 */
function checkJpegPlausible(fileBytes: number, width: number, height: number): void {
  if (fileBytes < (width * height) / 2048) {
    throw new Error(`Corrupt or truncated JPEG file (${fileBytes} bytes cannot hold ${width}x${height} pixels).`);
  }
}

// ---- GIF ---------------------------------------------------------------------------------------

/** An LZW code of at least 3 bits stands for at most 4096 pixels: no GIF packs more than ~3000 pixels a byte. */
const LZW_MAX_PIXELS_PER_BYTE = 3000;

function gifHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 13) throw new Error('Corrupt or truncated GIF file (header cut short).');
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  let i = 13;
  if (bytes[10] & 0x80) i += 3 * (1 << ((bytes[10] & 7) + 1)); // global colour table
  // Skip extensions up to the first image descriptor, then sum its data sub-blocks.
  while (i < bytes.length && bytes[i] === 0x21) {
    i += 2;
    while (i < bytes.length && bytes[i] !== 0) i += bytes[i] + 1;
    i++;
  }
  if (i + 10 > bytes.length || bytes[i] !== 0x2c) throw new Error('Corrupt or truncated GIF file (no image in it).');
  const fx = bytes[i + 1] | (bytes[i + 2] << 8), fy = bytes[i + 3] | (bytes[i + 4] << 8);
  const fw = bytes[i + 5] | (bytes[i + 6] << 8), fh = bytes[i + 7] | (bytes[i + 8] << 8);
  if (fx + fw > width || fy + fh > height) {
    throw new Error(`Corrupt or truncated GIF file (first frame ${fw}x${fh} at ${fx},${fy} lies outside the ${width}x${height} canvas).`);
  }
  i += 10;
  if (bytes[i - 1] & 0x80) i += 3 * (1 << ((bytes[i - 1] & 7) + 1)); // local colour table
  i++; // LZW minimum code size
  let data = 0;
  while (i < bytes.length && bytes[i] !== 0) {
    data += bytes[i];
    i += bytes[i] + 1;
  }
  if (fw * fh > data * LZW_MAX_PIXELS_PER_BYTE || width * height > bytes.length * LZW_MAX_PIXELS_PER_BYTE) {
    throw new Error(`Corrupt or truncated GIF file (${bytes.length} bytes cannot hold ${width}x${height} pixels).`);
  }
  // omggif: the RGBA canvas; the frame's indices are decoded straight into it.
  return { format: 'GIF', width, height, decodeBytes: width * height * 4 + fw * fh };
}

// ---- BMP and WebP (the importer's browser decodes them; the command line refuses them) ---------

function bmpHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 26) throw new Error('Corrupt or truncated BMP file (header cut short).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(14, true);
  const [width, height] = headerSize === 12
    ? [view.getUint16(18, true), view.getUint16(20, true)]
    : [Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true))];
  return { format: 'BMP', width, height, decodeBytes: width * height * 8 };
}

function webpHeader(bytes: Uint8Array): ImageHeader {
  const chunk = bytes.length >= 16 ? text(bytes, 12, 16) : '';
  let width = 0, height = 0;
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    width = (bytes[26] | (bytes[27] << 8)) & 0x3fff;
    height = (bytes[28] | (bytes[29] << 8)) & 0x3fff;
  } else if (chunk === 'VP8L' && bytes.length >= 25) {
    const b = bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24);
    width = (b & 0x3fff) + 1;
    height = ((b >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X' && bytes.length >= 30) {
    width = (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)) + 1;
    height = (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)) + 1;
  } else {
    throw new Error('Corrupt or truncated WebP file (no frame header).');
  }
  return { format: 'WebP', width, height, decodeBytes: width * height * 8 };
}

// ---- helpers -----------------------------------------------------------------------------------

function otherFormatName(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (bytes.length >= 12 && text(bytes, 4, 8) === 'ftyp') return 'HEIC/AVIF';
  if (startsWith(bytes, ascii('%PDF'))) return 'PDF';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ICO';
  const head = text(bytes, 0, 256).trimStart().toLowerCase();
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
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}

function text(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}
