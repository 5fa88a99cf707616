/**
 * A pen's character read three ways: as written and turned slightly either way, the three readings
 * combined as a product of experts (normalised geometric mean). A pad character is the pen's centre
 * line drawn at one width, further from what the classifier learned than a scan; one reading hinges
 * on details a small turn changes, and where the turned readings agree the answer is the steadier
 * one. Only characters the classifier reads unsurely are turned, so a sure hand costs nothing.
 *
 * Chosen on traced *training* families (npx tsx bench/padAccuracy.ts --tune-lm, weight 0.5: CER
 * 2.1 -> 1.9%, words 92.9 -> 93.7%; turns of 0.07, 0.1 and 0.15 rad, shears and widths alike, a turn
 * of every character no better than of unsure ones). Not used for images or lone characters:
 * bench:text's capitals, tight pages and thick pen and bench:accuracy's lone characters read worse
 * (a turn blurs / | \ and 1 l).
 */
import { INPUT_SIZE, NormalizedCharacter } from './preprocess';
import { maxOf, productOfExperts } from './stats';

/** How far each turned reading is turned, in radians (about 6 degrees). */
export const TURN = 0.1;
/** Characters whose best class is at least this probable are read once. */
export const SURE_AS_WRITTEN = 0.8;

/**
 * `probs` (the readings as written, in `chars` order) with each unsure character's reading replaced by
 * the product of experts of it and its readings turned by +TURN and -TURN (`classify` reads those).
 */
export function withTurnedReadings(
  chars: readonly NormalizedCharacter[],
  probs: readonly Float32Array[],
  classify: (chars: readonly NormalizedCharacter[]) => Float32Array[],
): Float32Array[] {
  const unsure = probs.flatMap((p, i) => (maxOf(p) < SURE_AS_WRITTEN ? [i] : []));
  if (unsure.length === 0) return probs.slice();
  // Both turns in one batch: each call of the network costs more than a few characters' reading.
  const turned = classify([TURN, -TURN].flatMap((angle) => unsure.map((i) => turnedCharacter(chars[i], angle))));
  const out = probs.slice();
  unsure.forEach((i, k) => (out[i] = productOfExperts([probs[i], turned[k], turned[unsure.length + k]])));
  return out;
}

/** The character's input bitmap turned by `angle` (radians) about its centre, bilinear; its geometry as it was. */
export function turnedCharacter(char: NormalizedCharacter, angle: number): NormalizedCharacter {
  const n = INPUT_SIZE, centre = (n - 1) / 2;
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const src = char.pixels;
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < n && y < n ? src[y * n + x] : 0);
  const pixels = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      // Where this output pixel comes from in the character as written.
      const dx = x - centre, dy = y - centre;
      const sx = centre + cos * dx - sin * dy, sy = centre + sin * dx + cos * dy;
      const x0 = Math.floor(sx), y0 = Math.floor(sy), fx = sx - x0, fy = sy - y0;
      pixels[y * n + x] = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }
  }
  return { ...char, pixels };
}
