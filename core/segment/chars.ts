/**
 * Character candidates in one line: connected components, with the dots of i and j, accents
 * and broken strokes merged into the character they sit on or beside.
 */
import { Box } from '../image';
import { median } from '../stats';
import { Component, boxHeight, boxWidth, midX, midY, unionBox, xOverlap } from './components';

export interface CharGroup {
  readonly box: Box;
  /** Component ids whose pixels make the character. */
  readonly ids: number[];
  /** A small mark standing alone (. , : ; - ' " = ~ ...): read as a symbol, left out of the line's metrics. */
  readonly mark?: boolean;
}

export interface GroupOptions {
  /**
   * Keep small marks that no character claims as characters of their own: the model reads symbols
   * (. , ; : - ' " = ~). Without it they are dropped, as a letters-only model cannot read them.
   */
  readonly keepMarks?: boolean;
}

/** A mark smaller than this share of the body height is a speck of noise, never a character. */
const SPECK = 0.1;
/** ...but a dot this size on the line's foot (within STOP_REACH body heights of its letters' feet) is a full stop. */
const STOP_SPECK = 0.08;
const STOP_REACH = 0.2;
/** A full stop under a letter's overhang is no larger than this (body heights); a %'s lower ring is larger. */
const STOP_BESIDE_SIZE = 0.38;
/** x-overlap (share of the narrower) that stacks two marks into one character: : ; = and the two dots of ". */
const MARK_STACK = 0.3;
/** Marks one over the other whose centres are this close (share of the body height) are one character: ; : */
const MARK_CENTRES = 0.25;
/** A !'s stroke is at least this tall and at most this wide (body heights)... */
const BANG_STROKE_HEIGHT = 0.8;
const BANG_STROKE_WIDTH = 0.6;
/** ...its dot this far under its foot (body heights: apart, and not a letter's further off)... */
const BANG_GAP = [0.05, 0.5] as const;
/** ...and at most this far beside its box (an italic ! stood upright still leans more than its letters). */
const BANG_REACH = 0.15;
/** How far beside its comma (share of the body height) a semicolon's dot may stand. */
const COMMA_DOT_REACH = 0.15;
/**
 * A tick (' " `) may be this tall (share of the body height) and reach this far below the middle of
 * the line's tall characters: some hands draw quotes half a letter long (gochi-hand's " read '').
 * Were 0.65 and 0: bench:code images with the lexicon 9.1% -> 8.8%, and with the same reach for the
 * pairing of two ticks into one quote 8.0% -> 7.7% (after split.ts's cuts of unsure groups); bench:text
 * unchanged.
 */
const TICK_HEIGHT = 0.8;
const TICK_REACH = 0.1;
/** A letter this wide (body heights) or wider under a tick at its end (TICK_END of its width) is no i. */
const WIDE_UNDER_TICK = 0.6;
const TICK_END = 0.2;
/** Marks further above or below a character than this share of the body height are not its own (a speck further off is noise)... */
const MARK_GAP = 0.6;
/**
 * ...but a semicolon's dot may sit a whole body height over its comma: in four held-out hands of
 * `npm run bench:code` a line's last ';' read ",." (its images: wide 5.2 -> 4.3%, fresh-narrow 6.6 -> 5.2%).
 */
const DOT_OVER_COMMA_GAP = 1.0;
/**
 * A semicolon's comma is narrower than this share of the body height: a marker's comma is as wide as it
 * is tall (nerko-one's, half the body height: its `;` read `,-` at 0.5).
 */
const COMMA_WIDTH = 0.7;
/** A quote's tick stands at least this share of the body height over a comma after it (a colon's dots stand closer or are dots). */
const QUOTE_OVER_COMMA = 0.4;
/** Two top marks closer than this share of the body height side by side are one double quote. */
const QUOTE_GAP = 0.35;

/** The height of a line's letters: the median of its components at least 0.3 times the tallest. */
export function markBodyHeight(components: readonly Component[]): number {
  const heights = components.map((c) => boxHeight(c.box));
  const tallest = Math.max(...heights);
  return median(heights.filter((h) => h >= 0.3 * tallest));
}

/** A mark is lower than this share of the letters' body height. */
export const MARK_HEIGHT = 0.42;

/** Small enough beside letters `bodyHeight` tall to be a mark (a dot, a stop, a broken stroke's piece), not a letter. */
export function isMarkSized(c: Component, bodyHeight: number): boolean {
  return boxHeight(c.box) < MARK_HEIGHT * bodyHeight && boxWidth(c.box) < 0.7 * bodyHeight;
}

/**
 * Group a line's components (sorted by left) into character candidates.
 * Small marks join the character they sit on, over or under (i and j dots, accents, broken strokes);
 * the rest are dropped, or with `keepMarks` become characters of their own (full stops, commas, colons).
 */
export function groupCharacters(components: readonly Component[], options: GroupOptions = {}): CharGroup[] {
  if (components.length === 0) return [];
  const heights = components.map((c) => boxHeight(c.box));
  const tallest = Math.max(...heights);
  const bodyHeight = markBodyHeight(components);
  // The middle of the line's full-height characters: a short narrow stroke wholly above it is a tick
  // (' " `), a mark like a dot even when it is taller than one.
  const fullHeight = components.filter((c) => boxHeight(c.box) >= 0.5 * tallest);
  const upperHalf = median(fullHeight.map((c) => midY(c.box)));
  const isTick = (c: Component) => boxHeight(c.box) < TICK_HEIGHT * bodyHeight && boxWidth(c.box) < 0.35 * bodyHeight && c.box.bottom < upperHalf + TICK_REACH * bodyHeight;
  // A dot on the letters' feet, where a full stop sits: kept smaller than a speck (a fine pen's `map.get`
  // read `map get`). Held out (npx tsx bench/code.ts --only images): three lines read better, none worse; the
  // training families' lines and bench:text as before (kept anywhere low on the line, bench:text's tight
  // pages 2.7 -> 2.9%: a descender's tip from the line above).
  const footLine = median(fullHeight.map((c) => c.box.bottom));
  const isLowDot = (b: Box) => isDotShaped(b) && Math.max(boxHeight(b), boxWidth(b)) >= STOP_SPECK * bodyHeight && Math.abs(b.bottom - footLine) <= STOP_REACH * bodyHeight;
  const isSmall = (c: Component) => isMarkSized(c, bodyHeight) || (options.keepMarks === true && isTick(c));
  // A dot (no taller than wide) over a narrow character sitting low on the line, as a semicolon's over its comma.
  const isDotOverComma = (dot: Box, under: Box) =>
    under.top > upperHalf && dot.bottom <= under.top && boxWidth(under) < COMMA_WIDTH * bodyHeight && isDotShaped(dot);
  let groups: CharGroup[] = components
    .filter((c) => !isSmall(c))
    .map((c) => ({ box: c.box, ids: [c.id] }));
  // Pieces stacked on top of each other (broken strokes) are one character.
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i + 1 < groups.length && !merged; i++) {
      for (let j = i + 1; j < groups.length && groups[j].box.left < groups[i].box.right; j++) {
        const a = groups[i], b = groups[j];
        const narrower = Math.min(boxWidth(a.box), boxWidth(b.box));
        if (xOverlap(a.box, b.box) >= 0.6 * narrower) {
          groups[i] = { box: unionBox(a.box, b.box), ids: [...a.ids, ...b.ids] };
          groups.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
    groups.sort((a, b) => a.box.left - b.box.left);
  }
  // Dots, accents and stroke fragments join the character they overlap most or touch nearly.
  const loose: Component[] = [];
  const small = components.filter(isSmall);
  const colon = options.keepMarks ? colonMarks(small, bodyHeight, upperHalf) : new Set<Component>();
  for (const c of small) {
    let best = -1, bestScore = -Infinity;
    groups.forEach((g, i) => {
      // Only marks close above or below a character belong to it (a speck further off is noise).
      const vGap = Math.max(g.box.top - c.box.bottom, c.box.top - g.box.bottom);
      const overComma = isDotOverComma(c.box, g.box);
      if (vGap > (overComma ? DOT_OVER_COMMA_GAP : MARK_GAP) * bodyHeight) return;
      const overlap = xOverlap(g.box, c.box);
      // A semicolon's dot over its comma belongs to it though it stands a little beside it (a leaning
      // hand stood upright shifts the dot from over the comma: nothing-you-could-do's `push(next);` read `).,`).
      // Not a quote's tick high over the comma after it (`'tick',`).
      const leaningComma = options.keepMarks === true && overComma && overlap >= -COMMA_DOT_REACH * bodyHeight && c.box.bottom >= upperHalf - COMMA_DOT_REACH * bodyHeight;
      const score = leaningComma ? Math.max(1, overlap / Math.max(1, boxWidth(c.box))) : overlap >= 0 ? overlap / Math.max(1, boxWidth(c.box)) : overlap / Math.max(1, bodyHeight);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    // With symbols, a mark beside a character's lower half is a character of its own (a full stop or
    // comma after a letter, a hyphen between two): only marks over or under a character, or a dot
    // drifting right above one, join it. A tick beside a letter's top is a quote ('a' read a'), as on the pad.
    const overTop = best >= 0 && c.box.bottom <= groups[best].box.top + 0.15 * bodyHeight;
    const nearAbove = bestScore >= (isDotShaped(c.box) ? -0.12 : 0) && overTop;
    // A full stop under a letter's overhang (an r's arm, a t's bar: `user.age` read `userage`; a g's hook:
    // `map.get`) sits on the feet inside the letter's box, beside its stem rather than over or under it;
    // a larger ring there is a %'s.
    const stopBeside =
      best >= 0 && isLowDot(c.box) && Math.max(boxWidth(c.box), boxHeight(c.box)) <= STOP_BESIDE_SIZE * bodyHeight && c.box.top >= groups[best].box.top && c.box.bottom <= groups[best].box.bottom && !isDotOverComma(c.box, groups[best].box);
    // A quote's tick over the end of a wide letter's tail (swanky-and-moo-moo's `'a'` read `'d`) is no part
    // of it: an i's or j's dot is dot-shaped and over a narrow letter.
    const tickOverEnd = overTop && options.keepMarks === true && isTick(c) && !isDotShaped(c.box) &&
      boxWidth(groups[best].box) >= WIDE_UNDER_TICK * bodyHeight &&
      Math.min(midX(c.box) - groups[best].box.left, groups[best].box.right - midX(c.box)) <= TICK_END * boxWidth(groups[best].box);
    // An italic !'s dot stands under its stroke's foot but beside its box (grape-nuts' `(!done)` read `(.'done)`).
    const stroke = options.keepMarks && !colon.has(c) ? groups.findIndex((g) => dotUnderStroke(c.box, g.box, bodyHeight)) : -1;
    const bang = stroke >= 0;
    if (bang) best = stroke;
    // A colon's or semicolon's mark is its own, however the box of a leaning letter beside it reaches over it.
    const claims = best >= 0 && (bang || (options.keepMarks ? (bestScore >= 0.3 || nearAbove) && !colon.has(c) && !stopBeside && !tickOverEnd : bestScore >= -0.12));
    if (claims) {
      const g = groups[best];
      groups[best] = { box: unionBox(g.box, c.box), ids: [...g.ids, c.id] };
    } else if (options.keepMarks && (best >= 0 || groups.length === 0) && (Math.max(boxHeight(c.box), boxWidth(c.box)) >= SPECK * bodyHeight || colon.has(c) || isLowDot(c.box))) {
      // A mark of its own stands level with some character of the line (best >= 0: within 0.6 body
      // heights of one, above or below); a speck further off, as in a photo's shaded corner, is noise.
      loose.push(c);
    }
  }
  if (options.keepMarks && loose.length > 0) {
    const marks: CharGroup[] = [];
    const lineMiddle = median(groups.map((g) => midY(g.box))) || median(loose.map((c) => midY(c.box)));
    // Two ticks side by side high on the line are a double quote (ticks stand upright; a hyphen lies flat).
    const isHighTick = (b: Box) => b.bottom < lineMiddle + TICK_REACH * bodyHeight && boxHeight(b) >= boxWidth(b);
    // A quote's tick high over the comma after it ('tick', read 'tick:) is two characters, not a colon.
    const isTickOverComma = (a: Box, b: Box) => {
      const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
      return !isDotShaped(upper) && isHighTick(upper) && lower.top - upper.bottom >= QUOTE_OVER_COMMA * bodyHeight;
    };
    for (const c of [...loose].sort((a, b) => a.box.left - b.box.left)) {
      const last = marks[marks.length - 1];
      // Over each other: overlapping in x, or centres close (a comma's tail leans away from its dot).
      const apartY = last && (c.box.top >= last.box.bottom - 1 || last.box.top >= c.box.bottom - 1);
      const stacked = last && !(apartY && isTickOverComma(last.box, c.box)) && (xOverlap(last.box, c.box) >= MARK_STACK * Math.min(boxWidth(last.box), boxWidth(c.box)) || (apartY && Math.abs(midX(last.box) - midX(c.box)) <= MARK_CENTRES * bodyHeight));
      const quote = last && isHighTick(last.box) && isHighTick(c.box) && -xOverlap(last.box, c.box) <= QUOTE_GAP * bodyHeight && last.ids.length === 1;
      if (stacked || quote) marks[marks.length - 1] = { box: unionBox(last.box, c.box), ids: [...last.ids, c.id], mark: true };
      else marks.push({ box: c.box, ids: [c.id], mark: true });
    }
    groups = [...groups, ...marks];
  }
  return groups.sort((a, b) => a.box.left - b.box.left);
}

/**
 * The marks that are a colon's dots or a semicolon's dot and comma: a dot (no taller than wide, narrow)
 * over another dot, or over a narrow mark below the line's middle, apart by a tenth of the body height or
 * more and at most DOT_OVER_COMMA_GAP, each paired with no other mark. They are kept however small
 * beside large letters (a speck alone would not be), as two specks are rarely found one over the other,
 * and never join a neighbouring character (an oooh-baby `b);` leans its ) over the dot: `b),`).
 */
function colonMarks(small: readonly Component[], bodyHeight: number, upperHalf: number): Set<Component> {
  const narrow = (c: Component) => boxWidth(c.box) < 0.35 * bodyHeight;
  const dots = small.filter((c) => isDotShaped(c.box) && narrow(c));
  const lower = small.filter((c) => narrow(c) && (isDotShaped(c.box) || c.box.top > upperHalf));
  const partners = new Map<Component, Component[]>();
  const pair = (x: Component, y: Component) => partners.set(x, [...(partners.get(x) ?? []), y]);
  for (const a of dots) {
    for (const b of lower) {
      const gap = b.box.top - a.box.bottom;
      if (a === b || gap < 0.1 * bodyHeight || gap > DOT_OVER_COMMA_GAP * bodyHeight || Math.abs(midX(a.box) - midX(b.box)) > MARK_CENTRES * bodyHeight) continue;
      pair(a, b);
      pair(b, a);
    }
  }
  // Two marks and only two: three or more stacked are a letter's pieces (a thick i broken under its dot, a worn 4).
  const alone = (c: Component) => partners.get(c)!.length === 1;
  return new Set([...partners.keys()].filter((c) => alone(c) && alone(partners.get(c)![0])));
}

/**
 * A dot wholly under the foot of a tall narrow stroke, at most BANG_REACH beside its box: a !, upright
 * or leaning. A full stop after a narrow letter (l . 1 .) stands level with its foot, not under it.
 * npx tsx bench/code.ts --only images: one line right (grape-nuts' `(!done)`), none worse, training
 * families as before; npx tsx bench/text.ts: every reading as before.
 */
function dotUnderStroke(dot: Box, stroke: Box, bodyHeight: number): boolean {
  if (!isDotShaped(dot) || boxHeight(stroke) < BANG_STROKE_HEIGHT * bodyHeight || boxWidth(stroke) > BANG_STROKE_WIDTH * bodyHeight) return false;
  const below = dot.top - stroke.bottom;
  if (below < BANG_GAP[0] * bodyHeight || below > BANG_GAP[1] * bodyHeight) return false;
  return Math.max(stroke.left - dot.right, dot.left - stroke.right) <= BANG_REACH * bodyHeight;
}

/** No taller than wide, or not by much: a dot, not a tick or a stroke's piece. */
const isDotShaped = (b: Box) => boxHeight(b) <= 1.5 * boxWidth(b);

/** Where a line's characters stand: baseline y and the heights of lowercase and capitals. */
export interface LineMetrics {
  readonly baseline: number;
  /** Body height of lowercase letters; 0 when the line does not show it (all capitals or digits). */
  readonly xHeight: number;
  /** Height of capitals and ascenders. */
  readonly capHeight: number;
}

/** Column tops below this share of the line's one box height may be its x-height (as for two box heights). */
const X_OF_CAP_MAX = 0.82;
const X_OF_CAP_MIN = 0.38;
/** Share of the line's columns whose tops must stand at one level below the box tops for it to be the x-height. */
const X_LEVEL_SHARE = 0.35;
/**
 * Columns needed, in x-heights: a line's worth of letters. Over a few letters the column tops are their
 * shapes (an x's crossing stands below its arms: "x -= 1" read "X -= 1").
 */
const X_LEVEL_MIN_COLUMNS = 6;

/**
 * The x-height of a line whose every character box reaches the same height (letters touching an
 * ascender are one box: "yak", "ory" in a thick pen): the top of the ink in each column, most of which
 * stand at the x-height in lowercase writing. 0 when no such level holds enough of the columns.
 */
function xHeightFromColumns(heights: readonly number[], top: number, tol: number): number {
  const level = densest(heights.filter((h) => h > 0 && h < X_OF_CAP_MAX * top), tol);
  const enough = level.count >= X_LEVEL_SHARE * heights.length && heights.length >= X_LEVEL_MIN_COLUMNS * level.value;
  return enough && level.value >= X_OF_CAP_MIN * top ? level.value : 0;
}

/** The value most others lie near (within ±tolerance), averaged over that cluster. */
function densest(values: readonly number[], tolerance: number): { value: number; count: number } {
  let best = { value: 0, count: 0 };
  for (const v of values) {
    const near = values.filter((u) => Math.abs(u - v) <= tolerance);
    if (near.length > best.count) best = { value: near.reduce((s, u) => s + u, 0) / near.length, count: near.length };
  }
  return best;
}

/**
 * `inkTops`: the y of the top of a group's ink in each of its columns, for a line whose boxes show one
 * height only.
 */
export function lineMetrics(all: readonly CharGroup[], inkTops?: (g: CharGroup) => number[]): LineMetrics {
  // Marks (. , - ' ...) sit anywhere on the line: they say nothing about its baseline or heights.
  const letters = all.filter((g) => !g.mark);
  const groups = letters.length > 0 ? letters : all;
  const heights = groups.map((g) => boxHeight(g.box));
  const tallest = Math.max(1, ...heights);
  const body = median(heights.filter((h) => h >= 0.3 * tallest)) || tallest;
  const tol = Math.max(1, 0.12 * body);
  const baseline = densest(groups.map((g) => g.box.bottom), tol).value;
  // Heights above the baseline of characters standing on it (descenders reach below and skew this).
  const standing = groups.filter((g) => Math.abs(g.box.bottom - baseline) <= 2 * tol);
  const above = standing.map((g) => baseline - g.box.top).filter((h) => h > 0);
  const first = densest(above, tol);
  const rest = above.filter((h) => Math.abs(h - first.value) > Math.max(2 * tol, 0.22 * first.value));
  const second = densest(rest, tol);
  if (second.count === 0) {
    const fromColumns = inkTops ? xHeightFromColumns(standing.flatMap(inkTops).map((t) => baseline - t), first.value, tol) : 0;
    if (fromColumns > 0) return { baseline, xHeight: fromColumns, capHeight: first.value };
    return { baseline, xHeight: 0, capHeight: first.value || body };
  }
  const lo = Math.min(first.value, second.value), hi = Math.max(first.value, second.value);
  // Handwritten x-heights run from about 0.4 to 0.8 of the capital height.
  if (lo / hi < X_OF_CAP_MIN || lo / hi > X_OF_CAP_MAX) return { baseline, xHeight: 0, capHeight: first.value };
  return { baseline, xHeight: lo, capHeight: hi };
}
