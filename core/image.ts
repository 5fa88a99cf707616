/**
 * Grey images: the one pixel format the recognition core accepts.
 *
 * Every entry point (webview canvas, CLI file decoder, training generator) converts
 * its pixels to this before calling the core, so the core never touches the DOM,
 * Node's Buffer or a file format.
 */

/** 8-bit grey pixels, row-major, 0 = black, 255 = white. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Largest image the core will work on; bigger inputs are downscaled first by the caller's decoder. */
export const MAX_CORE_PIXELS = 16_000_000;

export function createGreyImage(width: number, height: number, fill = 255): GreyImage {
  assertDimensions(width, height);
  const data = new Uint8ClampedArray(width * height);
  data.fill(fill);
  return { width, height, data };
}

export function assertDimensions(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Image has no pixels (${width}x${height}).`);
  }
  if (width * height > MAX_CORE_PIXELS) {
    throw new RangeError(`Image is too large (${width}x${height}); downscale it first.`);
  }
}

/**
 * RGBA (as canvas ImageData or a PNG decoder gives it) to grey.
 * Transparent pixels are composited on white, so a transparent PNG with dark ink reads as ink on paper.
 */
export function greyFromRgba(rgba: ArrayLike<number>, width: number, height: number): GreyImage {
  assertDimensions(width, height);
  if (rgba.length < width * height * 4) {
    throw new RangeError(`Pixel buffer holds ${rgba.length} bytes, expected ${width * height * 4}.`);
  }
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3] / 255;
    const lum = 0.299 * rgba[j] + 0.587 * rgba[j + 1] + 0.114 * rgba[j + 2];
    data[i] = lum * a + 255 * (1 - a);
  }
  return { width, height, data };
}

/** Area-averaging downscale so that width*height <= maxPixels; returns the input when it already fits. */
export function downscaleToFit(image: GreyImage, maxPixels: number): GreyImage {
  const pixels = image.width * image.height;
  if (pixels <= maxPixels) return image;
  const scale = Math.sqrt(maxPixels / pixels);
  const w = Math.max(1, Math.floor(image.width * scale));
  const h = Math.max(1, Math.floor(image.height * scale));
  return resizeArea(image, w, h);
}

/** Box-filter resize (good for shrinking, acceptable for enlarging). */
export function resizeArea(image: GreyImage, w: number, h: number): GreyImage {
  const out = new Uint8ClampedArray(w * h);
  const sx = image.width / w;
  const sy = image.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) {
        const row = yy * image.width;
        for (let xx = x0; xx < x1; xx++) sum += image.data[row + xx];
      }
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Axis-aligned box. In images and segmentation: pixel coordinates, right and bottom exclusive.
 * Pad strokes (strokes/): centre-line extents in pad coordinates, right and bottom inclusive
 * (a dot has zero size).
 */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The grey level below which a share `q` of `count` histogrammed pixels lies: the first level whose
 * cumulative count exceeds q * count (255 when none does). The same as sorting the values and taking
 * the one at index floor(q * count).
 */
export function histogramPercentile(hist: Uint32Array, count: number, q: number): number {
  const target = q * count;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v];
    if (acc > target) return v;
  }
  return 255;
}

/** The smallest box holding every one of `list` (an empty list gives an empty, inside-out box). */
export function unionBounds(list: readonly Box[]): Box {
  const out = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const b of list) {
    out.left = Math.min(out.left, b.left);
    out.top = Math.min(out.top, b.top);
    out.right = Math.max(out.right, b.right);
    out.bottom = Math.max(out.bottom, b.bottom);
  }
  return out;
}
