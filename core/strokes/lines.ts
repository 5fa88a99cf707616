/**
 * Lines of writing on the pad: horizontal bands of letter strokes, top to bottom. A second line
 * written clearly below the first starts a new band, even when its ascenders meet the first line's
 * descenders; small marks (dots, commas) go to the band nearest them.
 */
import { Box } from '../image';

/** Vertical gap, as a share of the typical stroke size, that separates two lines. */
const LINE_GAP = 0.2;
/** A jump between strokes' vertical centres, as a share of the typical stroke size, that separates two lines. */
const LINE_PITCH = 0.8;
/** A band lower than this share of the typical stroke size cannot be a line of its own ('-', '='). */
const MIN_LINE_HEIGHT = 0.5;

/** Stroke indices per line, top to bottom: bands of the y-projection of letter strokes, marks to the nearest. */
export function findLines(bounds: readonly Box[], small: readonly boolean[], ref: number): number[][] {
  const letters = bounds.map((_, i) => i).filter((i) => !small[i]);
  if (letters.length === 0) return [bounds.map((_, i) => i)];
  letters.sort((a, b) => bounds[a].top - bounds[b].top);
  type Band = { top: number; bottom: number; members: number[] };
  let bands: Band[] = [];
  for (const i of letters) {
    const b = bounds[i];
    const last = bands[bands.length - 1];
    if (last && b.top <= last.bottom + LINE_GAP * ref) {
      last.bottom = Math.max(last.bottom, b.bottom);
      last.members.push(i);
    } else {
      bands.push({ top: b.top, bottom: b.bottom, members: [i] });
    }
  }
  // Lines written close together touch in projection (descenders above meet ascenders below); their
  // strokes' centres still keep apart.
  bands = bands.flatMap((band) => splitByCentres(band, bounds, ref));
  // Thin bands ('-', '=', the ticks of quotes on their own) join the nearest real line; thin against the
  // typical stroke and against the tallest band (a line of quotes and letters has few long strokes).
  const tallest = Math.max(...bands.map((b) => b.bottom - b.top));
  const real = bands.filter((b) => b.bottom - b.top >= MIN_LINE_HEIGHT * Math.max(ref, tallest));
  if (real.length === 0) {
    bands = [{ top: bands[0].top, bottom: bands[bands.length - 1].bottom, members: bands.flatMap((b) => b.members) }];
  } else {
    for (const thin of bands.filter((b) => !real.includes(b))) nearestBand(real, thin.top, thin.bottom).members.push(...thin.members);
    bands = real;
  }
  for (let i = 0; i < bounds.length; i++) if (small[i]) nearestBand(bands, bounds[i].top, bounds[i].bottom).members.push(i);
  return bands.map((b) => b.members);
}

/** A band split where its strokes' vertical centres jump by more than LINE_PITCH, if every part is a real line. */
function splitByCentres<T extends { top: number; bottom: number; members: number[] }>(band: T, bounds: readonly Box[], ref: number): (T | { top: number; bottom: number; members: number[] })[] {
  const mid = (i: number) => (bounds[i].top + bounds[i].bottom) / 2;
  const sorted = [...band.members].sort((a, b) => mid(a) - mid(b));
  const parts: number[][] = [[sorted[0]]];
  for (let k = 1; k < sorted.length; k++) {
    if (mid(sorted[k]) - mid(sorted[k - 1]) > LINE_PITCH * ref) parts.push([]);
    parts[parts.length - 1].push(sorted[k]);
  }
  if (parts.length === 1) return [band];
  const made = parts.map((members) => ({
    top: Math.min(...members.map((i) => bounds[i].top)),
    bottom: Math.max(...members.map((i) => bounds[i].bottom)),
    members,
  }));
  return made.every((b) => b.bottom - b.top >= MIN_LINE_HEIGHT * ref) ? made : [band];
}

/** The band vertically closest to [top, bottom]; a mark above a band is nearer to it than one below. */
function nearestBand<T extends { top: number; bottom: number }>(bands: readonly T[], top: number, bottom: number): T {
  let best = bands[0], bestD = Infinity;
  for (const band of bands) {
    const d = bottom < band.top ? band.top - bottom : top > band.bottom ? 1.5 * (top - band.bottom) : 0;
    if (d < bestD) {
      bestD = d;
      best = band;
    }
  }
  return best;
}
