/**
 * Image files to GreyImage for the command line (Node only).
 *
 * Only regular files are read (a FIFO would block forever, /dev/zero never ends). The format, size
 * and decode cost come from the header (core/imageFormat.ts) before any pixel is decoded, under the
 * one budget the importer obeys too; the decoded image is scaled down to the working size.
 */
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { GreyImage, downscaleToFit, greyFromRgba, MAX_CORE_PIXELS } from '../core/image';
import { IMAGE_BUDGET, ImageFormat, ImageHeader, inspectImage } from '../core/imageFormat';
import { applyOrientation, jpegOrientation } from '../core/orientation';
import { readRegularFile } from './regularFile';

/** What the command line decodes (the importer's browser also reads BMP and WebP). */
export const SUPPORTED_FORMATS: readonly ImageFormat[] = ['PNG', 'JPEG', 'GIF'];

/** Read and decode an image file; every failure is an Error with a one-line message. */
export function readImageFile(file: string): GreyImage {
  return decodeImage(readRegularFile(file, IMAGE_BUDGET.maxFileBytes, 'image'));
}

/** Decode image bytes (PNG, JPEG, or a GIF's first frame) to grey, bounded in size. */
export function decodeImage(bytes: Uint8Array): GreyImage {
  const header = readImageHeader(bytes);
  const rgba = decodeRgba(bytes, header);
  const grey = toBoundedGrey(rgba.data, rgba.width, rgba.height);
  // Upright as Chromium shows it (and so the importer reads it): a photo's EXIF orientation.
  return header.format === 'JPEG' ? applyOrientation(grey, jpegOrientation(bytes)) : grey;
}

/** Format, size and decode cost from the header; throws for empty, unknown, corrupt or over-budget files. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  return inspectImage(bytes, SUPPORTED_FORMATS);
}

function decodeRgba(bytes: Uint8Array, header: ImageHeader): { data: Uint8Array; width: number; height: number } {
  try {
    switch (header.format) {
      case 'PNG': {
        const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        return { data: png.data, width: png.width, height: png.height };
      }
      case 'JPEG':
        return jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: true,
          // Strict: a truncated JPEG is reported, not silently half-grey.
          tolerantDecoding: false,
          maxResolutionInMP: IMAGE_BUDGET.maxPixels / 1e6,
          maxMemoryUsageInMB: Math.ceil(IMAGE_BUDGET.maxDecodeBytes / 1048576),
        });
      case 'GIF': {
        const gif = new GifReader(bytes);
        if (gif.numFrames() < 1) throw new Error('it has no frames');
        const data = new Uint8Array(gif.width * gif.height * 4);
        gif.decodeAndBlitFrameRGBA(0, data);
        return { data, width: gif.width, height: gif.height };
      }
      default:
        throw new Error(`${header.format} is not decoded here`);
    }
  } catch (err) {
    throw new Error(`Corrupt or truncated ${header.format} file (${oneLine(err)}).`);
  }
}

/** RGBA to grey at the working size; converts in bands because the core caps one image at MAX_CORE_PIXELS. */
function toBoundedGrey(rgba: Uint8Array, width: number, height: number): GreyImage {
  if (width * height <= MAX_CORE_PIXELS) return downscaleToFit(greyFromRgba(rgba, width, height), IMAGE_BUDGET.workingPixels);
  const grey = new Uint8ClampedArray(width * height);
  const bandRows = Math.max(1, Math.floor(MAX_CORE_PIXELS / width));
  for (let y = 0; y < height; y += bandRows) {
    const rows = Math.min(bandRows, height - y);
    const band = greyFromRgba(rgba.subarray(y * width * 4, (y + rows) * width * 4), width, rows);
    grey.set(band.data, y * width);
  }
  return downscaleToFit({ width, height, data: grey }, IMAGE_BUDGET.workingPixels);
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}
