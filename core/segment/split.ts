/**
 * Touching characters: a character candidate wider than one character is cut at the thin
 * columns of its ink, and the classifier chooses among the ways of cutting it. Each way is
 * scored by the sum of log best-class probabilities of its pieces, minus a cost per piece so
 * that a confident whole (an m) beats two confident halves (r n).
 */
import { Box } from '../image';
import { CharGroup } from './chars';
import { CropSource, Seams, columnSpan, ownLabelTest } from './crops';

/** Extra cost per piece, in nats. */
export const PIECE_COST = 0.35;
/**
 * Cut points tried per group, the thinnest columns first. A seven-letter word joined throughout has
 * more than eight thin columns (its joins and the dips inside n, v, m); at 8 all fell at one end and
 * "evening" read ",". A group gets 1.5 per x-height of its width, at least 8 and at most 12 (npx tsx
 * bench/text.ts --only inkwell: fresh-school 9.4% -> 5.8%, style groups 4.6% -> 4.2%, thick pen 16.2%
 * -> 16.0%, every other set as before, time per image as before). 12 for every group read thick pen
 * 14.6% but took a third longer per image (all: 156 against 116 ms, the same minute).
 */
const MAX_CUTS = 12;
/** ...a group narrower than about five letters gets as many as before: each cut point costs crops to read. */
const SHORT_GROUP_CUTS = 8;
const CUTS_PER_X_HEIGHT = 1.5;
/**
 * Cuttings offered besides the best per number of pieces: the next best with a count already
 * offered, the same letters cut elsewhere (a y's arm given to the a beside it, or not), for the word
 * decoder to settle. Chosen on bench:text (0 / 1 / 2 / 5: all 2.5 / 2.3 / 2.3 / 2.3%, thin pen
 * 4.2 / 3.7 / 3.4 / 3.4%, capitals 2.5 / 3.2 / 3.2 / 4.1%).
 */
const MOVED_CUTTINGS = 2;
/** A dip this deep (a fifth of the ink beside it) is a near break: the piece beside it may be as narrow as a marker's i. */
const DEEP_DIP = 0.2;
/** Narrowest piece beside a near break, in x-heights (an i or l of a thick pen: about a fifth). */
const NARROW_PIECE = 0.22;
/**
 * ...and in a group narrower than UNSURE_CUT_WIDTH that holds an i's dot: a fine pen's i is a tenth of an
 * x-height wide (shadows-into-light's `it` read t whole: `tems.map`).
 */
const DOTTED_PIECE = 0.1;

/** A cut beside an i's dot within this many pixels of a dip's is the same cut. */
const DOT_CUT_APART = 2;

/** An i's or j's dot among a group's components; `descender`: the stem under it reaches below the baseline (a j). */
export interface StemDot {
  readonly box: Box;
  readonly descender: boolean;
}

/** Groups at least this wide (x-heights) are tried in pieces: wider than one character. */
const CUT_WIDTH = 1.15;
/**
 * A group the classifier reads unsurely is tried in pieces from this width: an a and an i, or a t and
 * an o, that touch are narrower than most single letters (bench:text all 2.3% -> 2.1%, line clean 2.5%
 * -> 1.8%, camera 1.4% -> 0.7%, thick pen 16.6% -> 16.2%; 0.7 and 0.9 read alike); never through a hole
 * of its ink, where a 0 halved reads ( ).
 */
const UNSURE_CUT_WIDTH = 0.8;
/**
 * ...and one as tall as the line's tallest character, or one that holds an i's dot, from this width: a
 * bracket with the j whose hook reaches under it (`[j`, read G or D whole: `grid[i][]`) is as tall as a
 * bracket, and narrower than an a and an i (npx tsx bench/code.ts --only images: three held-out lines
 * read right, none worse; the training families' lines and npx tsx bench/text.ts --only inkwell as
 * before; 0.3 and 0.35 read alike).
 */
const TALL_UNSURE_CUT_WIDTH = 0.45;

/**
 * A group read whole as a ring (0 o O Q D) narrower than this (x-heights) is never cut through its hole
 * either: a wide 0 read o at 0.37 was halved into ( at 0.95 and ) at 0.90 ("?? ()", "= ():"). Training
 * families' images (npx tsx bench/code.ts --training-families) 4.6 -> 4.5%, the same at 2.2; 1.7 kept,
 * the narrower.
 */
const RING_WIDTH = 1.7;
/** Classes of one ring: a group read whole as one of them holds no gap between two letters in its hole. */
export const RING_CLASSES = '0oOQD';

/**
 * Columns (absolute x) where a group might be cut (dips of the ink's vertical extent and thickness);
 * empty when it is not wider than one character, or with `unsure` (the classifier doubts the whole)
 * than UNSURE_CUT_WIDTH, and with `narrow` too (the group is as tall as the line's tallest character, or
 * it holds an i's dot) than TALL_UNSURE_CUT_WIDTH. `ring`: the whole reads as a ring (RING_CLASSES). `dots`: the
 * i's and j's dots among its components, beside which it is cut too.
 */
export function cutCandidates(src: CropSource, group: CharGroup, xHeight: number, unsure = false, ring = false, narrow?: 'tall' | 'dotted', dots: readonly StemDot[] = []): number[] {
  const w = group.box.right - group.box.left;
  const minPiece = Math.max(2, 0.28 * xHeight);
  const minNarrowPiece = Math.max(2, (narrow === 'dotted' && w < UNSURE_CUT_WIDTH * xHeight ? DOTTED_PIECE : NARROW_PIECE) * xHeight);
  const from = unsure ? (narrow ? TALL_UNSURE_CUT_WIDTH : UNSURE_CUT_WIDTH) : CUT_WIDTH;
  if (w < from * xHeight || w < minPiece + minNarrowPiece) return [];
  const { span, count } = columnSpan(src, group.ids, group.box);
  // A group admitted only as unsure is never cut through a hole. A wider group may be: two letters that
  // touch twice enclose paper between them (the n and d of countIndex8 read W). Holes avoided in every
  // unsure group: bench:text all 2.1%, line clean and camera 2.0% and 1.1% (here 1.8% and 0.7%), thick pen
  // 15.3% (here 16.2%); in every group, camera lines 1.6%. Nor one as tall as a bracket: a bracket and the
  // letter that touches it enclose paper too (playwrite-nz's `(s` read k 0.26: `if k ===`; npx tsx
  // bench/code.ts --only images: that line better, none worse).
  const holed = (unsure && narrow !== 'tall' && w < CUT_WIDTH * xHeight) || (ring && w < RING_WIDTH * xHeight) ? holeColumns(src, group) : undefined;
  // Dips of either measure: extent finds rings that touch (oo), thickness finds bold joins.
  const candidates = [...dips(Array.from(span), 0.8), ...dips(Array.from(count), 0.7)];
  const limit = Math.min(MAX_CUTS, Math.max(SHORT_GROUP_CUTS, Math.round(CUTS_PER_X_HEIGHT * (w / xHeight))));
  candidates.sort((a, b) => a.v - b.v);
  const cuts: number[] = [];
  for (const c of candidates) {
    if (cuts.length >= limit) break;
    const least = c.v <= DEEP_DIP ? minNarrowPiece : minPiece;
    if (c.x < least || w - c.x < least) continue;
    if (holed?.[c.x]) continue;
    if (cuts.some((k) => Math.abs(k - c.x) < least)) continue;
    cuts.push(c.x);
  }
  // Beside an i's dot: its stem may touch a neighbour with no thinning at all (a marker's `ai`). Tried
  // besides the dips, not instead (a dip a few pixels off is often the true edge); not left of a j's,
  // whose hook runs under its left neighbour (`[j` read `[i`). The side away from the dot must hold a
  // letter's width, the dot's side an i's.
  for (const { box: d, descender } of dots) {
    const left = d.left - 1 - group.box.left, right = d.right + 1 - group.box.left;
    const sides = descender ? [[right, w - right, right]] : [[left, left, w - left], [right, w - right, right]];
    for (const [x, far, near] of sides) {
      if (far < minPiece || near < minNarrowPiece || holed?.[x] || cuts.some((k) => Math.abs(k - x) <= DOT_CUT_APART)) continue;
      cuts.push(x);
    }
  }
  return cuts.sort((a, b) => a - b).map((x) => x + group.box.left);
}

/**
 * How far a cut line may stray from its column, in x-heights (a y's arm over the next letter's
 * shoulder). With its step cost, chosen on bench:text (reach 0.1-0.3 x step cost 0.15-1): wider or
 * cheaper lines wander through cursive joins and cut r from a.
 */
const SEAM_REACH = 0.15;
/** Cost of a cut line's sideways step, in ink pixels crossed: keeps it straight where the paper allows. */
const SEAM_STEP_COST = 0.5;
/** Cost per pixel of straying from the chosen column, per row: open paper does not send the line astray. */
const SEAM_STRAY_COST = 0.01;

/**
 * Cut lines for a group's cut columns: from the top of its box to the bottom, each row's column within
 * reach of the cut, moving at most a pixel a row, crossing as little of the group's ink as it can. A
 * straight cut between touching letters takes the arm of a y or the tail of a g into the next
 * letter's piece; a cut line goes around it.
 */
export function seamCuts(src: CropSource, group: CharGroup, cuts: readonly number[], xHeight: number): Seams {
  const seams = new Map<number, Int32Array>();
  if (cuts.length === 0) return seams;
  const isOwn = ownLabelTest(group.ids);
  const { box } = group;
  const reach = Math.max(1, Math.round(SEAM_REACH * xHeight));
  for (const cut of cuts) {
    const lo = Math.max(box.left + 1, cut - reach), hi = Math.min(box.right - 1, cut + reach);
    const n = hi - lo + 1, rows = box.bottom - box.top;
    // cost[r * n + k]: least cost of a line reaching column lo + k in row r; step: where it came from.
    const cost = new Float32Array(rows * n);
    const step = new Int8Array(rows * n);
    for (let r = 0; r < rows; r++) {
      const row = (box.top + r) * src.width;
      for (let k = 0; k < n; k++) {
        const x = lo + k;
        const here = (isOwn(src.labels[row + x]) ? 1 : 0) + SEAM_STRAY_COST * Math.abs(x - cut);
        if (r === 0) {
          cost[k] = here;
          continue;
        }
        let best = Infinity, from = 0;
        for (let d = -1; d <= 1; d++) {
          const j = k + d;
          if (j < 0 || j >= n) continue;
          const c = cost[(r - 1) * n + j] + (d === 0 ? 0 : SEAM_STEP_COST);
          if (c < best) {
            best = c;
            from = d;
          }
        }
        cost[r * n + k] = best + here;
        step[r * n + k] = from;
      }
    }
    let k = 0;
    for (let j = 1; j < n; j++) if (cost[(rows - 1) * n + j] < cost[(rows - 1) * n + k]) k = j;
    const path = new Int32Array(rows);
    for (let r = rows - 1; r >= 0; r--) {
      path[r] = lo + k;
      k += step[r * n + k];
    }
    seams.set(cut, path);
  }
  return seams;
}

export interface Piece {
  readonly x0: number;
  readonly x1: number;
}

/** All pieces between cut points (including the whole), wide pieces of several characters excluded. */
export function piecesOf(box: Box, cuts: readonly number[], maxWidth: number): Piece[] {
  const xs = [box.left, ...cuts, box.right];
  const out: Piece[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const whole = i === 0 && j === xs.length - 1;
      if (whole || xs[j] - xs[i] <= maxWidth) out.push({ x0: xs[i], x1: xs[j] });
    }
  }
  return out;
}

export interface Cutting {
  readonly pieces: Piece[];
  /** Sum over pieces of score(piece) - PIECE_COST. */
  readonly score: number;
}

/**
 * Ways to cut a group, best first: the best cutting into each number of pieces (pieces cover
 * [box.left, box.right) edge to edge), keeping those within `margin` nats of the best, at most
 * `max`, and up to `moved` more that cut the same number of pieces elsewhere. `score(piece)` is the
 * piece's log-probability term, or undefined / -Infinity if unusable. At most MAX_CUTS cut points.
 * The alternatives let the word decoder (classifier + n-gram) settle what the glyphs alone
 * cannot: tt joined at the bar reads as H whole, but "bottle" beats "boHle" once the text is read.
 * When no way of cutting is usable, the whole group is the one answer, so a group never vanishes.
 */
export function cuttingAlternatives(
  box: Box,
  cuts: readonly number[],
  score: (p: Piece) => number | undefined,
  max = 3,
  margin = 4,
  moved = MOVED_CUTTINGS,
): Cutting[] {
  if (cuts.length > MAX_CUTS) throw new RangeError(`At most ${MAX_CUTS} cut points (got ${cuts.length}).`);
  const xs = [box.left, ...cuts, box.right];
  const n = xs.length;
  const memo = new Map<number, number | undefined>();
  const scoreOf = (i: number, j: number) => {
    const key = i * n + j;
    if (!memo.has(key)) memo.set(key, score({ x0: xs[i], x1: xs[j] }));
    return memo.get(key);
  };
  // Every way of cutting, each cut point used or not (at most 2^MAX_CUTS), scored.
  const all: Cutting[] = [];
  for (let mask = 0; mask < 1 << (n - 2); mask++) {
    const points = [0];
    for (let k = 0; k < n - 2; k++) if (mask & (1 << k)) points.push(k + 1);
    points.push(n - 1);
    const pieces: Piece[] = [];
    let total = 0;
    for (let q = 1; q < points.length; q++) {
      const s = scoreOf(points[q - 1], points[q]);
      if (s === undefined || s === -Infinity) {
        total = -Infinity;
        break;
      }
      total += s - PIECE_COST;
      pieces.push({ x0: xs[points[q - 1]], x1: xs[points[q]] });
    }
    if (total > -Infinity) all.push({ pieces, score: total });
  }
  if (all.length === 0) return [{ pieces: [{ x0: box.left, x1: box.right }], score: -Infinity }];
  const byScore = (a: Cutting, b: Cutting) => b.score - a.score || a.pieces.length - b.pieces.length;
  all.sort(byScore);
  const near = all.filter((c) => c.score >= all[0].score - margin);
  // The best cutting into each number of pieces...
  const out: Cutting[] = [];
  for (const c of near) if (!out.some((o) => o.pieces.length === c.pieces.length)) out.push(c);
  out.splice(Math.max(1, max));
  // ...then the next best with a count already offered: the same letters, cut elsewhere.
  const extra = near.filter((c) => !out.includes(c) && out.some((o) => o.pieces.length === c.pieces.length)).slice(0, moved);
  return [...out, ...extra].sort(byScore);
}

/**
 * Per column of a group's box, whether it crosses a hole of the group's ink: paper enclosed by ink
 * (the inside of an o, a 0, a closed a). A cut there halves one ring into ( and ), never separates two
 * letters, which touch beside their rings.
 */
export function holeColumns(src: CropSource, group: CharGroup): Uint8Array {
  const { box } = group;
  const isOwn = ownLabelTest(group.ids);
  const w = box.right - box.left, h = box.bottom - box.top;
  // Paper reachable from the box's edge (4-connected) is open; the rest of the paper is holes.
  const open = new Uint8Array(w * h);
  const stack: number[] = [];
  const visit = (x: number, y: number) => {
    const i = y * w + x;
    if (open[i] || isOwn(src.labels[(box.top + y) * src.width + box.left + x])) return;
    open[i] = 1;
    stack.push(i);
  };
  for (let x = 0; x < w; x++) {
    visit(x, 0);
    visit(x, h - 1);
  }
  for (let y = 0; y < h; y++) {
    visit(0, y);
    visit(w - 1, y);
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    const x = i % w, y = (i - x) / w;
    if (x > 0) visit(x - 1, y);
    if (x + 1 < w) visit(x + 1, y);
    if (y > 0) visit(x, y - 1);
    if (y + 1 < h) visit(x, y + 1);
  }
  const holed = new Uint8Array(w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!open[y * w + x] && !isOwn(src.labels[(box.top + y) * src.width + box.left + x])) holed[x] = 1;
    }
  }
  return holed;
}

/** Local minima of the 3-smoothed profile clearly below the highest value on each side, with their depth ratio. */
function dips(profile: number[], ratio: number): { x: number; v: number }[] {
  const n = profile.length;
  const smooth = profile.map((_, i) => (profile[Math.max(0, i - 1)] + profile[i] + profile[Math.min(n - 1, i + 1)]) / 3);
  const leftPeak: number[] = [], rightPeak: number[] = [];
  smooth.forEach((v, i) => (leftPeak[i] = Math.max(v, i ? leftPeak[i - 1] : 0)));
  for (let i = n - 1; i >= 0; i--) rightPeak[i] = Math.max(smooth[i], i + 1 < n ? rightPeak[i + 1] : 0);
  const out: { x: number; v: number }[] = [];
  for (let i = 1; i < n - 1; i++) {
    const peak = Math.min(leftPeak[i], rightPeak[i]);
    if (peak > 0 && smooth[i] <= smooth[i - 1] && smooth[i] <= smooth[i + 1] && smooth[i] <= ratio * peak) out.push({ x: i, v: smooth[i] / peak });
  }
  return out;
}
