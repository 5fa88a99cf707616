/**
 * Characters that came apart: a worn or faint pen breaks a letter's strokes into pieces that stand
 * side by side (the stem and bowl of a b, the two arches of an n), each wide enough to pass for a
 * character of its own. Neighbouring pieces close enough to be one character are offered merged; the
 * classifier proposes the merges whose whole reads much better than its pieces do, and the word
 * decoder, given both readings, settles them (an unsure l beside an o reads "b" alone, "lo" in "load").
 * (Pieces stacked one over the other are joined already by chars.ts; the cuts of split.ts are the
 * opposite case, letters that touch.)
 */
import { CharGroup } from './chars';
import { Box } from '../image';
import { boxHeight, boxWidth, midY, unionBox } from './components';
import { PIECE_COST } from './split';

/** Pieces further apart than this (share of the x-height) are not offered merged. */
const MAX_GAP = 0.45;
/** Marks alone are offered merged only when together they stand this many x-heights tall. */
const MARKS_AS_LETTER = 0.7;
/** Most pieces merged into one character. */
const MAX_RUN = 4;
/**
 * What a merge costs, in nats per join: separate components are separate characters unless the
 * whole reads much better. Two sure letters (r n at 0.9 each) stay two beside an m read at 0.9.
 */
const MERGE_COST = 1.5;
/**
 * A group read this surely as one shape is a character, not a piece of one: no run containing it is
 * merged (an l beside an o would otherwise make a b, c beside l a d).
 */
const SURE_SHAPE = 0.75;
/** Classes of one shape, whose probabilities add up when judging how sure a reading is (o, O and 0 split theirs). */
const SHAPES = ['oO0', 'lI1|!', 'cC(', 'sS5', 'zZ2', 'gq9'];
/** A line with at least this share of its letter-sized groups read surely pays merges in full... */
const SURE_LINE = 0.6;
/** ...one with none read surely this share of their cost. */
const MIN_COST_SHARE = 0.2;
/** A piece read below this (its surest class) reads as almost nothing of its own. */
const STRAY_PIECE = 0.3;
/** Extra cost per x-height of gap between the pieces joined. */
const GAP_COST = 5;

/**
 * Characters written in pieces that each read surely as a character of their own: a % of two rings and a
 * slash (o / o). A run whose whole reads one of them at least SURE_PIECED is merged however sure its
 * pieces, at no merge cost: `y = x 0/o 8` read for `y = x % 8` in bench:code's images. Was 0.85: two
 * hands' % read 0.81 whole (`olo`, `'/.`); at 0.75 no held-out line reads worse.
 */
export const PIECED_CLASSES = '%';
export const SURE_PIECED = 0.75;
/**
 * A % is about as wide as it is tall, wider than a letter: three pieces that stand as its rings and
 * slash (looksPieced) are offered merged up to this many times their height, past the letters' width
 * limit (happy-monkey's `y = x % 8`, its rings at 1.6 x-heights apart, read `Olo`).
 */
const PIECED_WIDTH = 1.5;

/** Neighbouring groups read as one character. */
export interface MergedGroup extends CharGroup {
  /** The groups merged, left to right: the word decoder may still read them apart. */
  readonly parts: readonly CharGroup[];
  /** The merge's own cost (joins and gaps), in nats. */
  readonly cost: number;
  /** Merged as a character written in pieces (PIECED_CLASSES): wide by nature, it pays no width prior. */
  readonly pieced?: boolean;
}

export function isMerged(g: CharGroup): g is MergedGroup {
  return (g as MergedGroup).parts !== undefined;
}

/** A run of neighbouring groups [first, last] offered as one character. */
export interface MergeRun {
  readonly first: number;
  readonly last: number;
  readonly group: MergedGroup;
}

/**
 * Runs of two or more neighbouring groups (sorted by left) that could be one character: each gap at
 * most MAX_GAP x-heights, together at most `maxWidth` wide (two or three placed as a %'s pieces: PIECED_WIDTH
 * of their height), and letter-sized (a piece of letter size among them, or marks that stand
 * MARKS_AS_LETTER x-heights tall together).
 */
export function mergeRuns(groups: readonly CharGroup[], xHeight: number, maxWidth: number): MergeRun[] {
  const runs: MergeRun[] = [];
  for (let first = 0; first < groups.length; first++) {
    let box = groups[first].box;
    let ids = [...groups[first].ids];
    let cost = 0;
    let marks = groups[first].mark ? 1 : 0;
    for (let last = first + 1; last < groups.length && last - first < MAX_RUN; last++) {
      const next = groups[last];
      const gap = next.box.left - box.right;
      if (gap > MAX_GAP * xHeight) break;
      box = unionBox(box, next.box);
      if (boxWidth(box) > Math.max(maxWidth, PIECED_WIDTH * boxHeight(box))) break;
      ids = [...ids, ...next.ids];
      marks += next.mark ? 1 : 0;
      cost += MERGE_COST + GAP_COST * Math.max(0, gap) / Math.max(1, xHeight);
      const parts = groups.slice(first, last + 1);
      if (boxWidth(box) > maxWidth && !looksPieced(parts, box)) continue;
      // Marks alone stay marks (a colon, a quote) unless together they are letter-sized.
      if (marks <= last - first || boxHeight(box) >= MARKS_AS_LETTER * xHeight) runs.push({ first, last, group: { box, ids, parts, cost } });
    }
  }
  return runs;
}

/**
 * Pieces placed as a %'s: three, a small one high on the left, a tall one (the slash) between, a small
 * one low on the right; or two, the slash joined to one ring and the other ring small beside it, high on
 * the left or low on the right (kalam's %, its slash and top ring one stroke, read "70").
 */
function looksPieced(parts: readonly CharGroup[], box: Box): boolean {
  const h = boxHeight(box);
  const small = (b: Box) => boxHeight(b) <= 0.7 * h;
  if (parts.length === 2) {
    // A slash joined to one ring, the other ring apart: high on the left or low on the right.
    const [a, b] = parts.map((g) => g.box);
    const [ring, rest] = small(a) && !small(b) ? [a, b] : small(b) && !small(a) ? [b, a] : [undefined, undefined];
    if (!ring || !rest) return false;
    const centre = (rest.left + rest.right) / 2;
    return ring === a ? midY(ring) < midY(box) && ring.left < centre : midY(ring) > midY(box) && ring.right > centre;
  }
  if (parts.length !== 3) return false;
  const [a, slash, c] = parts.map((g) => g.box);
  return small(a) && small(c) && boxHeight(slash) >= 0.6 * h && midY(a) < midY(c) - 0.25 * h && a.left < c.left;
}

/**
 * The line's groups with the runs that read better merged: the partition of the groups into single
 * groups and runs (none of whose groups `isSure`) with the highest sum of score(group) - PIECE_COST -
 * run cost; a run whose whole `readsLetter` pays less on a line of unsure pieces, and one whose whole
 * `readsPieced` (PIECED_CLASSES) nothing, sure pieces or not. `score` is the group's log-probability term
 * (undefined when it has no crop: it then stays as it is).
 */
export function chooseMerges(
  groups: readonly CharGroup[],
  runs: readonly MergeRun[],
  score: (g: CharGroup) => number | undefined,
  isSure: (g: CharGroup) => boolean,
  readsLetter: (g: CharGroup) => boolean = () => true,
  readsPieced: (g: CharGroup) => boolean = () => false,
): CharGroup[] {
  if (runs.length === 0) return [...groups];
  const n = groups.length;
  const best = new Array<number>(n + 1).fill(-Infinity);
  const choice = new Array<{ from: number; group: CharGroup[] } | undefined>(n + 1);
  best[0] = 0;
  // On a line whose pieces mostly read unsurely (a worn pen broke it up), merging costs less.
  const sure = groups.map((g) => !g.mark && isSure(g));
  const sureShare = sure.filter(Boolean).length / Math.max(1, groups.filter((g) => !g.mark).length);
  const costShare = Math.max(MIN_COST_SHARE, Math.min(1, sureShare / SURE_LINE));
  const endingAt = new Map<number, MergeRun[]>();
  for (const r of runs) endingAt.set(r.last, [...(endingAt.get(r.last) ?? []), r]);
  for (let i = 0; i < n; i++) {
    // A group without a crop scores nothing but keeps its place.
    const single = best[i] + (score(groups[i]) ?? 0) - PIECE_COST;
    if (single > best[i + 1]) {
      best[i + 1] = single;
      choice[i + 1] = { from: i, group: [groups[i]] };
    }
    for (const r of endingAt.get(i) ?? []) {
      const s = score(r.group);
      // A mark read surely is no evidence (a worn letter's pieces read as sure ticks and dots), so `sure`
      // counts letter-sized groups only...
      const surePieces = sure.slice(r.first, r.last + 1).filter(Boolean).length;
      const pieced = s !== undefined && readsPieced(r.group);
      // A sure piece may still be part of a letter the whole reads surer than the piece alone, where its one
      // neighbour reads as almost nothing: bad-script's n, its stem apart from its arch, read ' at 0.18 and
      // 1 at 0.80, whole n at 0.94 (`co'1st`). Two sure pieces stay two (an l beside an o is no b), and a
      // whole less sure than its sure piece stays apart (a thin 1 beside an 8 whole B at 0.84, the 8 0.96).
      // The pieces' scores are looked up only for such a two-piece run.
      const strayBesideSure = () => {
        if (r.last - r.first !== 1 || surePieces !== 1 || s === undefined) return false;
        const pieces = [score(groups[r.first]) ?? 0, score(groups[r.last]) ?? 0];
        return Math.min(...pieces) < Math.log(STRAY_PIECE) && s > Math.max(...pieces) && isSure(r.group) && readsLetter(r.group);
      };
      // ...and on a line of sure letters the whole must read surely too: an unsure I beside an unsure t is no H.
      if (!pieced && ((surePieces > 0 && !strayBesideSure()) || (costShare >= 1 && !isSure(r.group)))) continue;
      if (s === undefined || best[r.first] === -Infinity) continue;
      // The worn line's discount is for letters and digits: two bars of || are no broken letter.
      const cost = pieced ? 0 : (readsLetter(r.group) ? costShare : 1) * r.group.cost;
      const total = best[r.first] + s - PIECE_COST - cost;
      if (total > best[i + 1]) {
        best[i + 1] = total;
        const merged: MergedGroup = { ...r.group, cost, pieced };
        choice[i + 1] = { from: r.first, group: [merged] };
      }
    }
  }
  const out: CharGroup[] = [];
  for (let j = n; j > 0; ) {
    const c = choice[j]!;
    out.unshift(...c.group);
    j = c.from;
  }
  return out;
}

/** Whether class probabilities `p` (in `labels` order) read one shape surely, letters of either case and look-alikes together. */
export function readsOneShape(p: Float32Array, labels: readonly string[]): boolean {
  return shapeProbability(p, labels) >= SURE_SHAPE;
}

/** The probability of the likeliest shape: letters of either case and look-alikes (SHAPES) added up. */
export function shapeProbability(p: Float32Array, labels: readonly string[]): number {
  const { shapeOf, count } = shapesOf(labels);
  const byShape = new Float64Array(count);
  for (let i = 0; i < shapeOf.length; i++) byShape[shapeOf[i]] += p[i] ?? 0;
  return Math.max(...byShape);
}

/** Each label's shape (an index; look-alikes and the two cases of a letter share one), once per label list. */
const shapeCache = new WeakMap<readonly string[], { shapeOf: Int32Array; count: number }>();
function shapesOf(labels: readonly string[]): { shapeOf: Int32Array; count: number } {
  let hit = shapeCache.get(labels);
  if (!hit) {
    const index = new Map<string, number>();
    const shapeOf = Int32Array.from(labels, (label) => {
      const shape = SHAPES.find((s) => s.includes(label)) ?? label.toLowerCase();
      if (!index.has(shape)) index.set(shape, index.size);
      return index.get(shape)!;
    });
    shapeCache.set(labels, (hit = { shapeOf, count: index.size }));
  }
  return hit;
}
