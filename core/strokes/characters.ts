/**
 * Characters of one line: which strokes make one letter.
 *
 * Strokes that overlap in x belong together (t-crossings, E bars, x, +, =); a stroke that starts or
 * ends on another's ink joins it (v, w, M, m drawn in pieces, k, b); strokes grazing each other join
 * when they overlap partly or one is a narrow stem; small marks touching a letter are part of it (a G's
 * bar), small marks above a letter join it (i and j dots); anything else is a character of its own.
 * One crossbar drawn through two letters ('tt', 'ft': both ends free, each letter crossed) is cut
 * between them, each letter getting its part, instead of gluing the two letters into one.
 */
import { decimate } from './simplify';
import { PROBE_POINTS, endNear, touchOf } from './touch';
import { Box } from '../image';
import { StrokePoint, unionBounds } from './types';
import { median } from '../stats';

/** x-overlap (share of the narrower stroke) that makes strokes one character by itself: t, E, x, =. */
const CONTAINED = 0.8;
/** x-overlap that makes touching strokes one character: an A's bar meeting its legs. */
const OVERLAP_IF_TOUCHING = 0.4;
/** A stroke narrower than this share of the typical size is a stem: touching it joins (b, k, R). */
const STEM_WIDTH = 0.2;
/** How near (share of the typical size, at least a pen width) a stroke's end must come to other ink to join it. */
const JUNCTION_REACH = 0.08;
/** A mark joins a letter within this share of the typical size horizontally (the dot drifts right). */
const MARK_REACH = 0.25;

/** A mark at most this share of the typical size under a stroke's end is its point ('!', '?')... */
const UNDER_REACH = 0.6;
/** ... when that stroke is no wider than this share (a stem or a question mark's hook, not a word)... */
const UNDER_WIDTH = 0.8;
/**
 * ...or this share when it ends this share of the typical size above the line's letters' feet: a wide
 * question mark's hook (Hershey rowmand's ? and its point read `@?` in bench:code's pad lines).
 */
const FLOATING_UNDER_WIDTH = 1.2;
const FLOATING = 0.2;
/** A dot joins the letter under it only if it sits no lower than this share of the letter's height below its top. */
const OVER_TOP = 0.15;
/** Loose marks one over the other whose centres are this close (share of the letters' height) are one: ; : */
const STACK_CENTRES = 0.25;
/** A quote's tick stands at least this share of the letters' height over the comma after it (edu-sa-beginner's 'tick', 0.5). */
const QUOTE_OVER_COMMA = 0.4;
/** A group no taller than this share of its width is flat: - _ = take no dots. */
const FLAT = 0.3;
/** A stroke shorter than this share of the typical size, wholly in the line's upper half, is a high mark. */
const HIGH_MARK = 0.65;
/** ...or one ending at least this share of the typical size above the full-size strokes' feet (gochi-hand's ticks of "). */
const HIGH_MARK_CLEARANCE = 0.45;
/** Two high marks at most this share of the letters' height apart (and level) are one double quote. */
const QUOTE_GAP = 0.6;

/** A flat stroke at least this share of the typical size wide may be a crossbar shared by two letters. */
const BAR_MIN_WIDTH = 0.3;
/** ... flat meaning no taller than this share of its width. */
const BAR_FLATNESS = 0.25;

/** A crossbar drawn through several letters: each letter's root and where to cut the bar between them. */
export interface SharedBar {
  readonly bar: number;
  /** Stroke indices (any member) of the crossed letters, left to right. */
  readonly letters: number[];
  /** x positions of the cuts, one fewer than letters. */
  readonly cuts: number[];
}

/**
 * Characters of one line as lists of stroke indices, and the crossbars to cut between letters (their
 * strokes are in no list: the caller cuts them and adds each part to its letter).
 */
export function groupLine(
  members: readonly number[],
  strokes: readonly (readonly StrokePoint[])[],
  bounds: readonly Box[],
  small: readonly boolean[],
  ref: number,
  r: number,
): { groups: number[][]; shared: SharedBar[] } {
  // Short strokes high on the line are marks too (the ticks of ' and ", a backquote), though longer
  // than a dot: they join a letter only as its dot or accent would.
  const extentOf = (i: number) => Math.max(bounds[i].right - bounds[i].left, bounds[i].bottom - bounds[i].top);
  const centreY = (i: number) => (bounds[i].top + bounds[i].bottom) / 2;
  // The line's middle from its full-size strokes (quotes and dots would pull it up).
  // Sizes against the line's longest stroke too: in a short line of quotes the typical stroke is a tick.
  const scale = Math.max(ref, ...members.map(extentOf));
  const full = members.filter((i) => extentOf(i) >= HIGH_MARK * scale);
  const middle = median((full.length ? full : members.filter((i) => !small[i])).map(centreY));
  // Where the full-size strokes end: a hand's long quote ticks reach below the middle, yet stand clear
  // of the feet and of every other stroke's box (the strokes of a * cross each other).
  const fullFeet = full.length ? median(full.map((i) => bounds[i].bottom)) : Infinity;
  const standsAlone = (i: number) => {
    const a = bounds[i];
    return members.every((j) => j === i || bounds[j].left > a.right || bounds[j].right < a.left || bounds[j].top > a.bottom || bounds[j].bottom < a.top);
  };
  const isHigh = (i: number) => {
    const w = bounds[i].right - bounds[i].left;
    // Narrow and upright: a flat stroke up there is a bar (T, H, E), not a tick.
    if (extentOf(i) >= HIGH_MARK * scale || w >= 0.35 * scale || w > bounds[i].bottom - bounds[i].top) return false;
    return bounds[i].bottom < middle - 0.1 * scale || (bounds[i].bottom < fullFeet - HIGH_MARK_CLEARANCE * scale && standsAlone(i));
  };
  const highs = new Set(members.filter(isHigh));
  const high = (i: number) => highs.has(i);
  const isMark = (i: number) => small[i] || high(i);
  const letters = members.filter((i) => !isMark(i)).sort((a, b) => bounds[a].left - bounds[b].left);
  // Where the line's letters stand: the median foot of its strokes that are no marks.
  const feet = median(letters.map((i) => bounds[i].bottom));
  const marks = members.filter(isMark);
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
  // Flat bars wait for the second pass: a bar may cross two letters that must stay apart.
  const isBar = (i: number) => {
    const w = bounds[i].right - bounds[i].left;
    return w >= BAR_MIN_WIDTH * ref && bounds[i].bottom - bounds[i].top <= BAR_FLATNESS * w;
  };
  const bars = new Set(letters.filter(isBar));
  // How far sideways a mark may sit from the letter it belongs to (the dot drifts right).
  const markReach = Math.max(MARK_REACH * ref, 2 * r);
  // A narrow stroke with a dot of its own over it is an i or a j: a whole letter, which joins a stroke
  // beside it only where their boxes meet (a bracket's arm reaching near it is no part of it: `[i]`).
  const dotted = new Map<number, boolean>();
  const markBoxes = marks.map((m) => bounds[m]);
  const dottedStem = (i: number) => {
    let known = dotted.get(i);
    if (known === undefined) dotted.set(i, (known = isDottedStem(bounds[i], markBoxes, ref, r, markReach)));
    return known;
  };
  // Two dotted stems of about one height side by side are one stem, as a serif font draws it in strokes.
  const oneStem = (a: Box, b: Box) => Math.abs(a.top - b.top) <= ONE_STEM * ref && Math.abs(a.bottom - b.bottom) <= ONE_STEM * ref;
  const standsApart = (i: number, j: number) => {
    const a = bounds[i], b = bounds[j];
    if (!(a.right < b.left || b.right < a.left) || !(dottedStem(i) || dottedStem(j))) return false;
    return !(dottedStem(i) && dottedStem(j) && oneStem(a, b));
  };
  for (let a = 0; a < letters.length; a++) {
    const ia = letters[a];
    if (bars.has(ia)) continue;
    for (let b = a + 1; b < letters.length; b++) {
      const ib = letters[b];
      if (bounds[ib].left > bounds[ia].right + 2 * r) break;
      if (bars.has(ib) || find(ia) === find(ib)) continue;
      if (!standsApart(ia, ib) && belongTogether(probes(ia), probes(ib), bounds[ia], bounds[ib], ref, r)) join(ia, ib);
    }
  }
  const tol = Math.max(2 * r + 1, JUNCTION_REACH * ref);
  const shared: SharedBar[] = [];
  const sharedBars = new Set<number>();
  const doneBars = new Set<number>();
  for (const bar of letters.filter((i) => bars.has(i))) {
    const B = bounds[bar];
    // One partner per letter is enough to join it (and keeps a hostile scribble linear here).
    const partners: number[] = [];
    const seen = new Set<number>();
    for (const j of letters) {
      if (bounds[j].left > B.right + 2 * r) break;
      if (j === bar || bounds[j].right < B.left - 2 * r || (bars.has(j) && !doneBars.has(j)) || seen.has(find(j))) continue;
      if (belongTogether(probes(bar), probes(j), B, bounds[j], ref, r)) {
        partners.push(j);
        seen.add(find(j));
      }
    }
    doneBars.add(bar);
    const roots = partners.map(find);
    const crossed = roots.length < 2 ? [] : roots.map((root) => unionBounds(letters.filter((i) => find(i) === root && !bars.has(i)).map((i) => bounds[i])));
    const sharedBar =
      roots.length >= 2 &&
      crossed.every((g) => Number.isFinite(g.left) && g.left > B.left + tol && g.right < B.right - tol) &&
      crossed.every((g) => B.top > g.top && B.bottom < g.bottom) &&
      !partners.some((j) => endNear(probes(bar), probes(j), tol));
    if (!sharedBar) {
      for (const j of partners) join(bar, j);
      continue;
    }
    const order = roots.map((root, k) => ({ root, g: crossed[k] })).sort((p, q) => p.g.left - q.g.left);
    shared.push({
      bar,
      letters: order.map((o) => o.root),
      cuts: order.slice(1).map((o, k) => (order[k].g.right + o.g.left) / 2),
    });
    sharedBars.add(bar);
  }

  // Marks touching a letter's ink are part of it (a G's bar, a Q's tail, serifs); marks above a letter
  // and within reach join it (i, j dots, umlauts); the rest stand alone.
  const letterRoots = [...new Set(letters.filter((i) => !sharedBars.has(i)).map(find))];
  const groupBounds = new Map<number, Box>();
  const groupPeakX = new Map<number, number>();
  for (const root of letterRoots) {
    const own = letters.filter((i) => find(i) === root);
    groupBounds.set(root, unionBounds(own.map((i) => bounds[i])));
    groupPeakX.set(root, peakX(own.map((i) => strokes[i])));
  }
  const loose: number[] = [];
  for (const m of marks) {
    const mb = bounds[m];
    const touching = letters.filter((i) => !sharedBars.has(i) && touchOf(probes(m), probes(i), mb, bounds[i], tol) !== 'none');
    if (touching.length > 0) {
      // A short stroke bridging two letters' strokes end to end joins them: the link of an m whose arch
      // starts beside its stem. Touching one, or two only along the way, it joins the first.
      const bridged = bridges(probes(m), touching.map((i) => probes(i)), tol);
      for (const i of bridged ? touching : touching.slice(0, 1)) join(m, find(i));
      continue;
    }
    const cx = (mb.left + mb.right) / 2;
    // Among letters within reach, the one whose highest point is nearest below the mark (the i of 'ij'
    // has its dot over its own stem, though the j's hook reaches under it).
    let best = -1, bestD = Infinity;
    for (const root of letterRoots) {
      const g = groupBounds.get(root)!;
      // Over the letter's top, as an i's dot or an accent sits; a mark lower than that beside a tall
      // letter is a character of its own (the dot of ';' after ')').
      if (mb.bottom >= (g.top + g.bottom) / 2 || mb.bottom > g.top + OVER_TOP * (g.bottom - g.top)) continue;
      // A flat letter (- _) takes no dot or accent: only another bar over it makes one character (=).
      if (g.bottom - g.top < FLAT * (g.right - g.left) && !(mb.bottom - mb.top < FLAT * (mb.right - mb.left))) continue;
      const d = cx < g.left ? g.left - cx : cx > g.right ? cx - g.right : 0;
      // Beside a letter rather than over it, only a dot drifting right joins it: a tick there is an apostrophe.
      if (d > 0 && !isDotShaped(mb, r)) continue;
      const toPeak = Math.abs(cx - groupPeakX.get(root)!);
      if (d <= markReach && toPeak < bestD) {
        bestD = toPeak;
        best = root;
      }
    }
    if (best >= 0) {
      join(m, best);
      continue;
    }
    // A dot under a stroke that stops short of it: the point of '!' and '?'. Its top is below the
    // stroke's end (a full stop after a letter stands beside it, level with its foot).
    const under = letterRoots.find((root) => {
      const g = groupBounds.get(root)!;
      const widest = g.bottom < feet - FLOATING * ref ? FLOATING_UNDER_WIDTH : UNDER_WIDTH;
      return mb.top >= g.bottom - r && mb.top - g.bottom <= UNDER_REACH * ref && cx >= g.left - 2 * r && cx <= g.right + 2 * r && g.right - g.left <= widest * ref;
    });
    if (under !== undefined) join(m, under);
    else loose.push(m);
  }
  // Loose marks stacked over each other are one character (':', ';', '='); two ticks side by side
  // high on the line are one double quote.
  const letterMiddle = median([...groupBounds.values()].map((g) => (g.top + g.bottom) / 2));
  // Measured against the letters as written (a font's strokes may be pieces, which makes ref small).
  const letterHeight = Math.max(median([...groupBounds.values()].map((g) => g.bottom - g.top)) || 0, 0.6 * scale);
  // A tick high on the line (drawn down, not dotted) `below` over the mark under it is a quote over its
  // comma: 'tick', read 'tick: (bench:code pad, edu-sa-beginner and crafty-girls), not a colon's or
  // semicolon's dot. Far over it: the hook of a ? or a piece of a * stands close over the rest.
  const isTickOver = (tick: number, below: number) => {
    const t = bounds[tick], h = t.bottom - t.top;
    return high(tick) && h >= r && h >= 3 * (t.right - t.left) && below >= QUOTE_OVER_COMMA * letterHeight;
  };
  // An upright tick (' " `), as against a piece of a * or of a serif font's quote.
  const isTick = (b: Box) => b.bottom - b.top >= 1.5 * (b.right - b.left);
  for (let a = 0; a < loose.length; a++) {
    for (let b = a + 1; b < loose.length; b++) {
      const A = bounds[loose[a]], B = bounds[loose[b]];
      const gap = Math.max(A.left, B.left) - Math.min(A.right, B.right);
      const apartY = B.top >= A.bottom || A.top >= B.bottom;
      if (apartY && isTickOver(A.top <= B.top ? loose[a] : loose[b], Math.max(B.top - A.bottom, A.top - B.bottom))) continue;
      // One over the other with centres close: a semicolon's comma leans away from its dot.
      const overEachOther = apartY && Math.abs((A.left + A.right) / 2 - (B.left + B.right) / 2) <= STACK_CENTRES * letterHeight;
      // Upright ticks level with each other, apart by more than a pen's radius, are left to the quotes'
      // pairing below: a narrow hand's "" touch in the middle, and joined by touch its four ticks were one
      // quote (`if (s === ")`).
      const levelTicks = !apartY && gap > r && isTick(A) && isTick(B) && high(loose[a]) && high(loose[b]);
      if ((gap <= 2 * r && !levelTicks) || overEachOther) join(loose[a], loose[b]);
    }
  }
  // Then the marks so made, left to right, pair as quotes, each mark in one quote at most: the four
  // ticks of "" are two quotes, not one.
  const markBounds = new Map<number, Box>();
  for (const m of loose) {
    const root = find(m), b = markBounds.get(root);
    markBounds.set(root, b ? unionBounds([b, bounds[m]]) : bounds[m]);
  }
  const looseMarks = [...markBounds.entries()].sort((x, y) => x[1].left - y[1].left);
  const inQuote = new Set<number>();
  for (let a = 0; a < looseMarks.length; a++) {
    for (let b = a + 1; b < looseMarks.length && !inQuote.has(looseMarks[a][0]); b++) {
      const [ra, A] = looseMarks[a], [rb, B] = looseMarks[b];
      const gap = Math.max(A.left, B.left) - Math.min(A.right, B.right);
      // (A line of marks alone has no letters' middle: its marks are all high.)
      const quote = !inQuote.has(rb) && !(A.bottom >= letterMiddle) && !(B.bottom >= letterMiddle) && gap <= QUOTE_GAP * letterHeight && Math.abs(A.top - B.top) <= QUOTE_GAP * letterHeight;
      if (!quote) continue;
      inQuote.add(ra).add(rb);
      join(ra, rb);
    }
  }

  const groups = new Map<number, number[]>();
  for (const i of members) {
    if (sharedBars.has(i)) continue;
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  return { groups: [...groups.values()], shared };
}

/** The parts of a polyline within x0 <= x < x1 (a stroke that wanders back across a cut gives several). */
export function clipToColumn(points: readonly StrokePoint[], x0: number, x1: number): StrokePoint[][] {
  const out: StrokePoint[][] = [];
  let run: StrokePoint[] = [];
  const inside = (p: StrokePoint) => p.x >= x0 && p.x < x1;
  const at = (a: StrokePoint, b: StrokePoint, x: number): StrokePoint => {
    const t = (x - a.x) / (b.x - a.x);
    return { x, y: a.y + t * (b.y - a.y), pressure: a.pressure };
  };
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && inside(prev) !== inside(p)) {
      const edge = (prev.x < x0) !== (p.x < x0) ? x0 : x1;
      const cross = at(prev, p, edge);
      if (inside(p)) run = [cross];
      else {
        run.push(cross);
        out.push(run);
        run = [];
      }
    }
    if (inside(p)) run.push(p);
  });
  if (run.length) out.push(run);
  return out;
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
  A: Box,
  B: Box,
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

/** A dot over a stem at most this share of the typical size above its top makes it an i or a j. */
const DOT_OVER_STEM = 0.6;
/** Dotted stems whose tops and feet are this close (share of the typical size) are one stem drawn in strokes. */
const ONE_STEM = 0.15;

/**
 * Whether a stroke is a stem (narrow, or at most half as wide as tall: a leaning hand's i) with a dot
 * (no longer than twice its width) over its top and within `reach` of it sideways.
 */
function isDottedStem(stem: Box, marks: readonly Box[], ref: number, r: number, reach: number): boolean {
  const w = stem.right - stem.left;
  if (w > STEM_WIDTH * ref && w > 0.5 * (stem.bottom - stem.top)) return false;
  return marks.some((d) => d.bottom <= stem.top + r && stem.top - d.bottom <= DOT_OVER_STEM * ref && d.right >= stem.left - reach && d.left <= stem.right + reach && isDotShaped(d, r));
}

/** A mark no longer than twice its width (a pen's width of grace): a dot, not a tick or a bar. */
function isDotShaped(b: Box, r: number): boolean {
  const w = b.right - b.left, h = b.bottom - b.top;
  return Math.max(w, h) <= 2 * Math.min(w, h) + 2 * r;
}

/** Whether a short stroke's two ends each lie on a different one of the strokes it touches (a link between them). */
function bridges(mark: readonly StrokePoint[], touching: readonly (readonly StrokePoint[])[], tol: number): boolean {
  if (mark.length < 2 || touching.length < 2) return false;
  const first = [mark[0]], last = [mark[mark.length - 1]];
  const atFirst = touching.findIndex((t) => endNear(first, t, tol));
  const atLast = touching.findIndex((t, k) => k !== atFirst && endNear(last, t, tol));
  return atFirst >= 0 && atLast >= 0;
}
