/**
 * Writing whose strokes came apart: a fine or faint pen, a photo's noise, leaves strokes a pixel
 * wide that the binarisation breaks into specks, each of which would otherwise be read as a
 * character of its own (usually punctuation). Such a page is recognised by its many specks, and
 * its ink is grown, a pixel at a time, until the pieces of its strokes touch again (and no further:
 * grown too far, the letters of a word run together).
 */
import { isMarkSized, markBodyHeight } from './chars';
import { Component, Components, connectedComponents } from './components';

/** A page is broken when at least this many of its components are specks... */
const MIN_SPECKS = 10;
/** ...and they are at least this share of all its components (ordinary writing: i dots and stops, under 15%). */
const MIN_SPECK_SHARE = 0.25;
/** Most pixels the ink of a broken page is grown by on every side (bridges gaps up to twice this). */
const MAX_GROW_PX = 3;

/** The components of the ink grown just enough that its strokes no longer look broken (`asIs`: those of the ink as it is). */
export function joinBrokenStrokes(ink: Uint8Array, width: number, height: number, asIs: Components): Components {
  let joined = asIs;
  for (let r = 1; r <= MAX_GROW_PX && looksBroken(sized(joined)); r++) joined = connectedComponents(growInk(ink, width, height, r), width, height);
  return joined;
}

/** Components big enough to count (three pixels or more: smaller is noise). */
export function sized(components: Components): Component[] {
  return components.list.filter((c) => c.area >= 3);
}

/** Whether the components look like strokes broken into specks rather than letters. */
export function looksBroken(components: readonly Component[]): boolean {
  if (components.length < MIN_SPECKS) return false;
  // A speck is what chars.ts would take for a mark beside the page's letters.
  const letterHeight = markBodyHeight(components);
  const specks = components.filter((c) => isMarkSized(c, letterHeight)).length;
  return specks >= MIN_SPECKS && specks >= MIN_SPECK_SHARE * components.length;
}

/** The ink grown by `radius` pixels on every side (a square): separable, two passes of running maxima. */
export function growInk(ink: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(ink.length);
  for (let y = 0; y < height; y++) spread(ink, rows, y * width, 1, width, radius);
  const out = new Uint8Array(ink.length);
  for (let x = 0; x < width; x++) spread(rows, out, x, width, height, radius);
  return out;
}

/** One line of `n` cells from `start` by `step`: each output cell is ink when any input cell within `radius` is. */
function spread(from: Uint8Array, to: Uint8Array, start: number, step: number, n: number, radius: number): void {
  let lastInk = -Infinity;
  // Forward: ink at or before i within radius; backward: within radius after i.
  for (let i = 0; i < n; i++) {
    if (from[start + i * step]) lastInk = i;
    if (i - lastInk <= radius) to[start + i * step] = 1;
  }
  let nextInk = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (from[start + i * step]) nextInk = i;
    if (nextInk - i <= radius) to[start + i * step] = 1;
  }
}
