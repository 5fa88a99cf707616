/**
 * A photo's EXIF orientation: cameras store the pixels as the sensor saw them and a tag (1-8) that says
 * how to turn them for display. Browsers apply it (the importer, in Chromium, sees the photo upright),
 * so the command line applies it too: one file, one answer, whichever way it is read.
 */
import { GreyImage } from './image';

/** 1 upright; 2 mirrored; 3 upside down; 4 mirrored upside down; 5-8 the same with a quarter turn (TIFF/EXIF). */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** The orientation tag of a JPEG's EXIF block; 1 when there is none or it cannot be read. */
export function jpegOrientation(bytes: Uint8Array): ExifOrientation {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return 1;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return 1;
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 1; // image data: metadata comes before it
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    if (length < 2 || pos + 2 + length > bytes.length) return 1;
    if (marker === 0xe1) {
      const found = exifOrientation(bytes.subarray(pos + 4, pos + 2 + length));
      if (found !== undefined) return found;
    }
    pos += 2 + length;
  }
  return 1;
}

/** The orientation tag of an APP1 segment's payload ("Exif\0\0" then a TIFF header), if it has one. */
function exifOrientation(app1: Uint8Array): ExifOrientation | undefined {
  const EXIF = [0x45, 0x78, 0x69, 0x66, 0, 0];
  if (app1.length < 14 || EXIF.some((b, i) => app1[i] !== b)) return undefined;
  const tiff = app1.subarray(6);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const u16 = (at: number) => (at + 2 > tiff.length ? -1 : little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]);
  const u32 = (at: number) => (at + 4 > tiff.length ? -1 : little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0);
  if (u16(2) !== 42) return undefined;
  const ifd = u32(4);
  const entries = u16(ifd);
  if (ifd < 8 || entries < 0) return undefined;
  for (let k = 0; k < Math.min(entries, 512); k++) {
    const entry = ifd + 2 + 12 * k;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) !== 0x0112) continue;
    const type = u16(entry + 2);
    const value = type === 3 ? u16(entry + 8) : type === 4 ? u32(entry + 8) : -1;
    return value >= 1 && value <= 8 ? (value as ExifOrientation) : undefined;
  }
  return undefined;
}

/** The image as it is meant to be seen: the stored pixels turned and mirrored as the tag says. */
export function applyOrientation(image: GreyImage, orientation: ExifOrientation): GreyImage {
  if (orientation === 1) return image;
  const { width: w, height: h, data } = image;
  const swap = orientation >= 5;
  const W = swap ? h : w, H = swap ? w : h;
  // For each displayed pixel (u, v), the stored pixel it shows: x = xu*u + xv*v + x0, y likewise.
  const [xu, xv, x0, yu, yv, y0] = {
    2: [-1, 0, w - 1, 0, 1, 0],
    3: [-1, 0, w - 1, 0, -1, h - 1],
    4: [1, 0, 0, 0, -1, h - 1],
    5: [0, 1, 0, 1, 0, 0],
    6: [0, 1, 0, -1, 0, h - 1],
    7: [0, -1, w - 1, -1, 0, h - 1],
    8: [0, -1, w - 1, 1, 0, 0],
  }[orientation];
  // As an index into the stored row-major pixels: one step in u or v moves it by a fixed amount.
  const du = xu + yu * w, dv = xv + yv * w;
  const out = new Uint8ClampedArray(W * H);
  for (let v = 0, o = 0; v < H; v++) {
    let at = x0 + y0 * w + v * dv;
    for (let u = 0; u < W; u++, at += du) out[o++] = data[at];
  }
  return { width: W, height: H, data: out };
}
