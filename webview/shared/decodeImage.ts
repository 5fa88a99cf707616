/**
 * Image bytes (PNG, JPEG, WebP, BMP, GIF first frame) to a GreyImage with the browser's own
 * decoder, downscaled so recognition work and memory stay bounded whatever the file claims. The
 * header is checked first against the one image budget the command line obeys too
 * (core/imageFormat.ts), so a small file claiming a huge canvas is refused before Chromium decodes it.
 */
import { GreyImage, greyFromRgba } from '../../core/image';
import { IMAGE_BUDGET, inspectImage } from '../../core/imageFormat';

export interface DecodedImage {
  readonly grey: GreyImage;
  /** The decoded bitmap at working size, for the preview. */
  readonly bitmap: ImageBitmap;
  /** Working size / original size. */
  readonly scale: number;
  readonly originalWidth: number;
  readonly originalHeight: number;
}

export async function decodeImage(blob: Blob): Promise<DecodedImage> {
  if (blob.size > IMAGE_BUDGET.maxFileBytes) {
    throw new Error(`File is too large (${(blob.size / 1048576).toFixed(0)} MB; at most ${IMAGE_BUDGET.maxFileBytes / 1048576} MB).`);
  }
  inspectImage(new Uint8Array(await blob.arrayBuffer()));
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(blob);
  } catch {
    throw new Error('The file is not an image this viewer can read (PNG, JPEG, WebP, BMP or GIF).');
  }
  const { width, height } = full;
  if (width === 0 || height === 0) {
    full.close();
    throw new Error('The image has no pixels.');
  }
  const scale = Math.min(1, Math.sqrt(IMAGE_BUDGET.workingPixels / (width * height)));
  let bitmap = full;
  if (scale < 1) {
    bitmap = await createImageBitmap(full, { resizeWidth: Math.max(1, Math.round(width * scale)), resizeHeight: Math.max(1, Math.round(height * scale)), resizeQuality: 'high' });
    full.close();
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D canvas to read the image with.');
  ctx.drawImage(bitmap, 0, 0);
  const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return { grey: greyFromRgba(rgba, bitmap.width, bitmap.height), bitmap, scale, originalWidth: width, originalHeight: height };
}
