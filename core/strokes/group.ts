/**
 * Groups clean strokes into characters, lines and spaces, the way a reader would.
 *
 * - Lines: horizontal bands of the writing, top to bottom (a clearly lower second line starts a new one).
 * - Characters: strokes that overlap in x belong together (t-crossings, E bars, x, +, =); a stroke that
 *   starts or ends on another's ink joins it (v, w, M, m drawn in pieces, k, b); strokes grazing each
 *   other join when they overlap partly or one is a narrow stem; small marks above a letter join it
 *   (i and j dots); anything else to the right beyond a gap is a new character.
 * - Spaces: the wide group of the line's own gaps, or gaps wide against its letter size (core/strokes/spaces).
 *
 * All sizes are relative to the writing itself, so the same word written large or small groups alike.
 */
import { Box } from '../image';
import { estimateLineFrame, PadLineFrame } from './lineFrame';
import { facingGap } from './gaps';
import { findSpaces } from './spaces';
import { decimate } from './simplify';
import { PROBE_POINTS, touchOf } from './touch';
import { Bounds, StrokePoint, boundsOf, median, quantile, unionBounds } from './types';

export interface GroupOptions {
  /** Pen width in pad pixels (the ink width setting); default 4. */
  readonly inkWidth?: number;
  /**
   * When a line's gaps do not fall into letter gaps and word gaps (one gap, or all alike), a gap wider
   * than this times the line's x-height (or ~0.75 of its letter height) is a space; default 0.9.
   */
  readonly spaceFactor?: number;
  /**
   * The pad's ruled line (baseline and x-height, pad coordinates), when it draws one. Used for a line
   * whose own letters show no frame (a lone character, letters of one height) if that line sits on
   * it: then a lone 'c' written at the guide's x-height reads small and a 'C' reads tall.
   */
  readonly guide?: PadLineFrame;
}

export interface CharacterGroup {
  /** Indices of the strokes forming this character, in writing order. */
  readonly strokeIndices: number[];
  /** Pen extent of all its strokes, pad coordinates (right/bottom exclusive like every Box). */
  readonly box: Box;
  /** Pen extent without attached marks (the i without its dot): what size against neighbours uses. */
  readonly bodyBox: Box;
  /** Which line (0 = top). */
  readonly line: number;
  /** Made only of small marks (. , ' - :): it takes no part in the line estimate. */
  readonly mark: boolean;
}

export interface WritingLine {
  /** Baseline and x-height in pad coordinates, when the line's letters show them. */
  readonly frame?: PadLineFrame;
  /** Indices into `characters` of this line's characters, left to right. */
  readonly characterIndices: number[];
  /** Typical letter size of the line (upper quartile of letter heights, pen centre line, pad px). */
  readonly letterSize: number;
}

export interface Grouping {
  /** Characters in reading order: lines top to bottom, each left to right. */
  readonly characters: CharacterGroup[];
  /** spaceBefore[i]: a word gap precedes character i on its line (false for a line's first). */
  readonly spaceBefore: boolean[];
  /** lineBreakBefore[i]: character i starts a new line (false for the very first). */
  readonly lineBreakBefore: boolean[];
  readonly lines: WritingLine[];
}

/** The pad's default ink width setting (inkwell.inkWidth). */
export const DEFAULT_INK_WIDTH = 4;
const DEFAULT_SPACE_FACTOR = 0.9;
/** A stroke whose larger side is under this share of the typical stroke size is a mark (dot, comma). */
const SMALL_MARK = 0.3;
/** Vertical gap, as a share of the typical stroke size, that separates two lines. */
const LINE_GAP = 0.2;
/** A jump between strokes' vertical centres, as a share of the typical stroke size, that separates two lines. */
const LINE_PITCH = 0.8;
/** A band lower than this share of the typical stroke size cannot be a line of its own ('-', '='). */
const MIN_LINE_HEIGHT = 0.5;
/** x-overlap (share of the narrower stroke) that makes strokes one character by itself: t, E, x, =. */
const CONTAINED = 0.8;
/** x-overlap that makes touching strokes one character: an A's bar meeting its legs. */
const OVERLAP_IF_TOUCHING = 0.4;
/** A stroke narrower than this share of the typical size is a stem: touching it joins (b, k, R). */
const STEM_WIDTH = 0.2;
/**
 * How much of the paper hidden by an overhang (a 'y' tail under the next letter, a 'T' bar over it)
 * counts towards a gap: half, measured best on Hershey-drawn lines (all of it splits loose writing).
 */
const FACING_SHARE = 0.5;
/** How near (share of the typical size, at least a pen width) a stroke's end must come to other ink to join it. */
const JUNCTION_REACH = 0.08;
/** A mark joins a letter within this share of the typical size horizontally (the dot drifts right). */
const MARK_REACH = 0.25;

/** Group already-sanitised strokes (every stroke non-empty, finite). Indices refer to `strokes`. */
export function groupCleanStrokes(strokes: readonly (readonly StrokePoint[])[], options: GroupOptions = {}): Grouping {
  const inkWidth = options.inkWidth !== undefined && options.inkWidth > 0 && Number.isFinite(options.inkWidth) ? options.inkWidth : DEFAULT_INK_WIDTH;
  const spaceFactor = options.spaceFactor ?? DEFAULT_SPACE_FACTOR;
  const r = inkWidth / 2;
  const n = strokes.length;
  if (n === 0) return { characters: [], spaceBefore: [], lineBreakBefore: [], lines: [] };

  const bounds = strokes.map(boundsOf);
  const extent = bounds.map((b) => Math.max(b.right - b.left, b.bottom - b.top));
  // Typical stroke size: upper quartile, so dots and bars do not drag it down.
  const ref = Math.max(quantile(extent, 0.75), inkWidth);
  const small = extent.map((e) => e < SMALL_MARK * ref);

  const bands = findLines(bounds, small, ref);
  const characters: CharacterGroup[] = [];
  const lines: WritingLine[] = [];
  bands.forEach((members, lineIndex) => {
    const groups = groupLine(members, strokes, bounds, small, ref, r);
    const chars = groups.map((g) => {
      const body = g.filter((i) => !small[i]);
      const centre = unionBounds((body.length ? body : g).map((i) => bounds[i]));
      return {
        strokeIndices: [...g].sort((a, b) => a - b),
        box: inflate(unionBounds(g.map((i) => bounds[i])), r),
        bodyBox: inflate(centre, r),
        centre,
        line: lineIndex,
        mark: body.length === 0,
      };
    });
    chars.sort((a, b) => a.bodyBox.left + a.bodyBox.right - (b.bodyBox.left + b.bodyBox.right));
    // Pen centre lines, as training measures its frames (Hershey centre lines, font metrics).
    const bodies = chars.filter((c) => !c.mark).map((c) => c.centre);
    const frame = estimateLineFrame(bodies) ?? guideFor(bodies, options.guide);
    const start = characters.length;
    characters.push(...chars.map(({ centre: _centre, ...c }) => c));
    const sizes = (bodies.length ? bodies : chars.map((c) => c.centre)).map((b) => Math.max(b.bottom - b.top, 0.5 * (b.right - b.left)));
    lines.push({ frame, characterIndices: chars.map((_, k) => start + k), letterSize: quantile(sizes, 0.75) });
  });

  const spaceBefore = characters.map(() => false);
  const lineBreakBefore = characters.map((c, i) => i > 0 && c.line !== characters[i - 1].line);
  for (const line of lines) {
    const idx = line.characterIndices;
    const letters = idx.map((i) => characters[i]).filter((c) => !c.mark);
    const size = line.frame?.xHeight ?? 0.75 * median(letters.map((c) => c.bodyBox.bottom - c.bodyBox.top));
    const unit = Number.isFinite(size) && size > 0 ? size : ref;
    // Rows an eighth of the letter size high: fine enough to see past a descender, coarse enough to
    // ignore the pen's wobble.
    const band = line.letterSize / 8;
    const inkOf = (i: number) => characters[i].strokeIndices.map((k) => strokes[k]);
    const gaps = idx.slice(1).map((i, k) => {
      const boxGap = characters[i].box.left - characters[idx[k]].box.right;
      const facing = facingGap(inkOf(idx[k]), inkOf(i), band, 2 * r, boxGap);
      return boxGap + FACING_SHARE * Math.max(0, facing - boxGap);
    });
    findSpaces(gaps, unit, spaceFactor).forEach((space, k) => (spaceBefore[idx[k + 1]] = space));
  }
  return { characters, spaceBefore, lineBreakBefore, lines };
}

/** The guide as this line's frame when the line's letters stand on it (bottoms within half an x-height). */
function guideFor(bodies: readonly Bounds[], guide: PadLineFrame | undefined): PadLineFrame | undefined {
  if (!guide || !(guide.xHeight > 0) || !Number.isFinite(guide.baseline) || bodies.length === 0) return undefined;
  const bottom = median(bodies.map((b) => b.bottom));
  return Math.abs(bottom - guide.baseline) <= 0.5 * guide.xHeight ? { baseline: guide.baseline, xHeight: guide.xHeight } : undefined;
}

function inflate(b: Bounds, r: number): Box {
  return { left: b.left - r, top: b.top - r, right: b.right + r, bottom: b.bottom + r };
}

/** Stroke indices per line, top to bottom: bands of the y-projection of letter strokes, marks to the nearest. */
function findLines(bounds: readonly Bounds[], small: readonly boolean[], ref: number): number[][] {
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
  // Thin bands ('-', '=' on their own) join the nearest real line.
  const real = bands.filter((b) => b.bottom - b.top >= MIN_LINE_HEIGHT * ref);
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
function splitByCentres<T extends { top: number; bottom: number; members: number[] }>(band: T, bounds: readonly Bounds[], ref: number): (T | { top: number; bottom: number; members: number[] })[] {
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

/** Characters of one line as lists of stroke indices. */
function groupLine(
  members: readonly number[],
  strokes: readonly (readonly StrokePoint[])[],
  bounds: readonly Bounds[],
  small: readonly boolean[],
  ref: number,
  r: number,
): number[][] {
  const letters = members.filter((i) => !small[i]).sort((a, b) => bounds[a].left - bounds[b].left);
  const marks = members.filter((i) => small[i]);
  // Union-find over stroke indices, with path halving and union by size (hostile input: 2000 strokes).
  const parent = new Int32Array(strokes.length);
  const size = new Int32Array(strokes.length).fill(1);
  for (const i of members) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (a: number, b: number) => {
    let ra = find(a), rb = find(b);
    if (ra === rb) return;
    if (size[ra] > size[rb]) [ra, rb] = [rb, ra];
    parent[ra] = rb;
    size[rb] += size[ra];
  };
  // Touch tests look at a few dozen points per stroke, computed once.
  const probeCache = new Map<number, readonly StrokePoint[]>();
  const probes = (i: number) => {
    let p = probeCache.get(i);
    if (!p) probeCache.set(i, (p = decimate(strokes[i], PROBE_POINTS)));
    return p;
  };

  // Letter strokes: sorted by left edge, so only pairs whose x-ranges come within a pen width are compared.
  for (let a = 0; a < letters.length; a++) {
    const ia = letters[a];
    for (let b = a + 1; b < letters.length; b++) {
      const ib = letters[b];
      if (bounds[ib].left > bounds[ia].right + 2 * r) break;
      if (find(ia) === find(ib)) continue;
      if (belongTogether(probes(ia), probes(ib), bounds[ia], bounds[ib], ref, r)) join(ia, ib);
    }
  }

  // Marks touching a letter's ink are part of it (a G's bar, a Q's tail, serifs); marks above a letter
  // and within reach join it (i, j dots, umlauts); the rest stand alone.
  const letterRoots = [...new Set(letters.map(find))];
  const groupBounds = new Map<number, Bounds>();
  const groupPeakX = new Map<number, number>();
  for (const root of letterRoots) {
    const own = letters.filter((i) => find(i) === root);
    groupBounds.set(root, unionBounds(own.map((i) => bounds[i])));
    groupPeakX.set(root, peakX(own.map((i) => strokes[i])));
  }
  const tol = Math.max(2 * r + 1, JUNCTION_REACH * ref);
  const loose: number[] = [];
  for (const m of marks) {
    const mb = bounds[m];
    const touched = letters.find((i) => touchOf(probes(m), probes(i), mb, bounds[i], tol) !== 'none');
    if (touched !== undefined) {
      join(m, find(touched));
      continue;
    }
    const cx = (mb.left + mb.right) / 2;
    const reach = Math.max(MARK_REACH * ref, 2 * r);
    // Among letters within reach, the one whose highest point is nearest below the mark (the i of 'ij'
    // has its dot over its own stem, though the j's hook reaches under it).
    let best = -1, bestD = Infinity;
    for (const root of letterRoots) {
      const g = groupBounds.get(root)!;
      if (mb.bottom >= (g.top + g.bottom) / 2) continue;
      const d = cx < g.left ? g.left - cx : cx > g.right ? cx - g.right : 0;
      const toPeak = Math.abs(cx - groupPeakX.get(root)!);
      if (d <= reach && toPeak < bestD) {
        bestD = toPeak;
        best = root;
      }
    }
    if (best >= 0) join(m, best);
    else loose.push(m);
  }
  // Loose marks stacked over each other are one character (':', ';' without its comma, '"').
  for (let a = 0; a < loose.length; a++) {
    for (let b = a + 1; b < loose.length; b++) {
      const A = bounds[loose[a]], B = bounds[loose[b]];
      if (Math.min(A.right, B.right) - Math.max(A.left, B.left) + 2 * r >= 0) join(loose[a], loose[b]);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of members) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/** x of the highest point of some strokes. */
function peakX(strokes: readonly (readonly StrokePoint[])[]): number {
  let x = 0, y = Infinity;
  for (const s of strokes) for (const p of s) if (p.y < y) ({ x, y } = p);
  return x;
}

/** Whether two letter strokes are parts of one character. */
function belongTogether(
  a: readonly StrokePoint[],
  b: readonly StrokePoint[],
  A: Bounds,
  B: Bounds,
  ref: number,
  r: number,
): boolean {
  const wa = A.right - A.left, wb = B.right - B.left;
  const narrow = Math.max(Math.min(wa, wb), r);
  // Overlap of the x-ranges, with half a pen's grace (a vertical stem has zero width).
  const overlap = (Math.min(A.right, B.right) - Math.max(A.left, B.left) + r) / narrow;
  if (overlap >= CONTAINED) return true;
  if (overlap < -r / narrow) return false;
  const touch = touchOf(a, b, A, B, Math.max(2 * r + 1, JUNCTION_REACH * ref));
  if (touch === 'junction') return true;
  if (touch === 'none') return false;
  return overlap >= OVERLAP_IF_TOUCHING || Math.min(wa, wb) <= STEM_WIDTH * ref;
}
