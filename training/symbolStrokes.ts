/**
 * Symbols drawn as a hand draws them, as pen strokes: the generator's own source for the 32 printable
 * ASCII symbols, where fonts are thin (a font draws one bracket; hands draw them tall, short, round,
 * square, leaning). Each call gives a new hand: sizes, positions, curvature and proportions vary.
 *
 * Coordinates are line units, y up: the baseline is y = 0, the x-height y = 1, capitals reach ~1.4,
 * descenders ~-0.4; x is centred on 0. Where a symbol sits against these lines is part of what it is
 * (`.` on the baseline, `-` at half the x-height, `_` at or under the baseline, `'` at the cap height),
 * so positions vary only within what a reader would still accept.
 */
import { Rng } from './prng';
import type { Point } from './hershey';

export type Strokes = Point[][];

/** Points along an elliptical arc from angle a0 to a1 (radians, counter-clockwise positive). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 14): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const t = a0 + ((a1 - a0) * i) / n;
    out.push({ x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t) });
  }
  return out;
}

const line = (x0: number, y0: number, x1: number, y1: number): Point[] => [{ x: x0, y: y0 }, { x: x1, y: y1 }];

/** A dot as a hand makes it: a touch of the pen, sometimes a tiny dab. */
function dot(rng: Rng, x: number, y: number): Point[] {
  if (rng.chance(0.5)) return [{ x, y }];
  const a = rng.uniform(0, Math.PI * 2), r = rng.uniform(0.02, 0.06);
  return [{ x, y }, { x: x + r * Math.cos(a), y: y + r * Math.sin(a) }];
}

/** A comma's tail from (x, y) down-left below the baseline, with or without a dot at its head. */
function commaAt(rng: Rng, x: number, y: number): Point[] {
  const len = rng.uniform(0.22, 0.45), lean = rng.uniform(0.05, 0.2);
  const head = rng.chance(0.4) ? [{ x: x + 0.02, y: y + 0.03 }] : [];
  return [...head, { x, y }, { x: x - lean * 0.5, y: y - len * 0.6 }, { x: x - lean, y: y - len }];
}

/** A short tick from the cap height downward (apostrophe, quote, backquote). */
function tick(rng: Rng, x: number, top: number, dx: number): Point[] {
  const len = rng.uniform(0.2, 0.4);
  return [{ x, y: top }, { x: x + dx, y: top - len }];
}

/** Round or square bracket, brace; `side` -1 opens to the right (`(`), +1 closes (`)`). */
function bracket(rng: Rng, kind: 'round' | 'square' | 'brace', side: -1 | 1): Strokes {
  const top = rng.uniform(1.3, 1.65), bottom = rng.uniform(-0.45, -0.1);
  const depth = rng.uniform(0.15, 0.35);
  const mid = (top + bottom) / 2;
  // Drawn for `(`; mirrored for `)`.
  let pts: Point[];
  if (kind === 'round') {
    pts = arc(depth, mid, depth * 1.2, (top - bottom) / 2, Math.PI / 2 + 0.35, (3 * Math.PI) / 2 - 0.35).map((p) => ({ x: p.x - depth * 0.6, y: p.y }));
  } else if (kind === 'square') {
    const w = rng.uniform(0.15, 0.32);
    pts = [{ x: w / 2, y: top }, { x: -w / 2, y: top }, { x: -w / 2, y: bottom }, { x: w / 2, y: bottom }];
  } else {
    const w = rng.uniform(0.12, 0.22), nose = rng.uniform(0.1, 0.22), m = mid + rng.uniform(-0.1, 0.1);
    pts = [
      ...arc(w, top - 0.12, w, 0.12, Math.PI / 2, Math.PI, 5),
      { x: 0, y: m + 0.15 },
      ...arc(-nose, m + 0.1, nose, 0.1, 0, -Math.PI / 2, 4),
      ...arc(-nose, m - 0.1, nose, 0.1, Math.PI / 2, 0, 4),
      { x: 0, y: bottom + 0.12 },
      ...arc(w, bottom + 0.12, w, 0.12, Math.PI, (3 * Math.PI) / 2, 5),
    ];
  }
  return [side === -1 ? pts : pts.map((p) => ({ x: -p.x, y: p.y }))];
}

/** Six-armed or five-armed star at the cap height. */
function star(rng: Rng): Strokes {
  const cx = 0, cy = rng.uniform(0.95, 1.2), r = rng.uniform(0.22, 0.38);
  const arms = rng.chance(0.6) ? 3 : 4;
  const out: Strokes = [];
  const turn = rng.uniform(-0.2, 0.2);
  for (let k = 0; k < arms; k++) {
    const a = turn + Math.PI / 2 + (k * Math.PI) / arms;
    out.push(line(cx - r * Math.cos(a), cy - r * Math.sin(a), cx + r * Math.cos(a), cy + r * Math.sin(a)));
  }
  return out;
}

/** An S curve between y0 and y1 (for `$`). */
function sCurve(rng: Rng, w: number, y0: number, y1: number): Point[] {
  const h = (y1 - y0) / 4;
  return [
    ...arc(0, y1 - h, w, h, 0.3, Math.PI * 1.5, 10),
    ...arc(0, y0 + h, w, h, Math.PI / 2, -Math.PI * 0.7, 10),
  ];
}

type Maker = (rng: Rng) => Strokes;

const MAKERS: Record<string, Maker> = {
  '!': (r) => [line(0, r.uniform(1.3, 1.55), r.uniform(-0.05, 0.05), r.uniform(0.3, 0.5)), dot(r, 0, r.uniform(0, 0.06))],
  '"': (r) => {
    const gap = r.uniform(0.1, 0.2), top = r.uniform(1.3, 1.5), dx = r.uniform(-0.08, 0.02);
    return [tick(r, -gap, top, dx), tick(r, gap, top, dx)];
  },
  '#': (r) => {
    const s = r.uniform(0, 0.15), w = r.uniform(0.35, 0.5), top = r.uniform(1.1, 1.4), bot = r.uniform(0, 0.2);
    const y1 = top - (top - bot) * 0.3, y2 = bot + (top - bot) * 0.3;
    return [
      line(-w / 2 + s, top, -w / 2 - s, bot), line(w / 2 + s, top, w / 2 - s, bot),
      line(-w, y1, w, y1 + r.uniform(-0.05, 0.05)), line(-w, y2, w, y2 + r.uniform(-0.05, 0.05)),
    ];
  },
  $: (r) => {
    const w = r.uniform(0.25, 0.38), top = r.uniform(1.15, 1.35);
    const through = r.chance(0.7);
    return [sCurve(r, w, 0.05, top), through ? line(0, top + 0.2, 0, -0.15) : line(0, top + 0.2, 0, top - 0.1), ...(through ? [] : [line(0, 0.1, 0, -0.15)])];
  },
  '%': (r) => {
    const o = r.uniform(0.1, 0.16);
    return [arc(-0.25, 1.15, o, o * 1.2, 0, Math.PI * 2, 12), line(0.35, 1.35, -0.35, 0), arc(0.25, 0.2, o, o * 1.2, 0, Math.PI * 2, 12)];
  },
  '&': (r) => {
    const k = r.uniform(0.85, 1.15);
    return [[
      { x: 0.45, y: 0 }, { x: 0.1, y: 0.35 * k }, { x: -0.2, y: 0.8 * k }, { x: -0.25, y: 1.1 * k }, { x: -0.1, y: 1.35 * k },
      { x: 0.1, y: 1.3 * k }, { x: 0.15, y: 1.05 * k }, { x: -0.1, y: 0.8 * k }, { x: -0.4, y: 0.5 * k }, { x: -0.42, y: 0.15 },
      { x: -0.15, y: -0.02 }, { x: 0.2, y: 0.15 }, { x: 0.45, y: r.uniform(0.4, 0.6) * k },
    ]];
  },
  "'": (r) => [tick(r, 0, r.uniform(1.3, 1.55), r.uniform(-0.08, 0.04))],
  '(': (r) => bracket(r, 'round', -1),
  ')': (r) => bracket(r, 'round', 1),
  '*': star,
  '+': (r) => {
    const w = r.uniform(0.28, 0.45), c = r.uniform(0.4, 0.65), h = r.uniform(0.28, 0.45);
    return [line(-w, c, w, c + r.uniform(-0.05, 0.05)), line(0, c + h, 0, c - h)];
  },
  ',': (r) => [commaAt(r, 0, r.uniform(0, 0.1))],
  '-': (r) => {
    const w = r.uniform(0.2, 0.45), c = r.uniform(0.38, 0.65);
    return [line(-w, c, w, c + r.uniform(-0.06, 0.06))];
  },
  '.': (r) => [dot(r, 0, r.uniform(0, 0.06))],
  '/': (r) => {
    const w = r.uniform(0.25, 0.45);
    return [line(-w, r.uniform(-0.35, 0), w, r.uniform(1.3, 1.6))];
  },
  ':': (r) => [dot(r, 0, r.uniform(0.75, 0.95)), dot(r, r.uniform(-0.04, 0.04), r.uniform(0, 0.08))],
  ';': (r) => [dot(r, 0, r.uniform(0.75, 0.95)), commaAt(r, 0, r.uniform(0, 0.1))],
  '<': (r) => {
    const w = r.uniform(0.28, 0.45), c = r.uniform(0.45, 0.65), h = r.uniform(0.3, 0.45);
    return [[{ x: w, y: c + h }, { x: -w, y: c }, { x: w, y: c - h }]];
  },
  '=': (r) => {
    const w = r.uniform(0.25, 0.45), c = r.uniform(0.4, 0.6), g = r.uniform(0.12, 0.22);
    return [line(-w, c + g, w, c + g + r.uniform(-0.04, 0.04)), line(-w + r.uniform(-0.05, 0.05), c - g, w, c - g + r.uniform(-0.04, 0.04))];
  },
  '>': (r) => {
    const w = r.uniform(0.28, 0.45), c = r.uniform(0.45, 0.65), h = r.uniform(0.3, 0.45);
    return [[{ x: -w, y: c + h }, { x: w, y: c }, { x: -w, y: c - h }]];
  },
  '?': (r) => {
    const w = r.uniform(0.25, 0.38), top = r.uniform(1.3, 1.5);
    return [[...arc(0, top - w, w, w, Math.PI * 0.9, -Math.PI * 0.35, 10), { x: 0, y: r.uniform(0.55, 0.75) }, { x: 0, y: r.uniform(0.3, 0.45) }], dot(r, 0, r.uniform(0, 0.06))];
  },
  '@': (r) => {
    const ri = r.uniform(0.18, 0.26), c = r.uniform(0.5, 0.65), ro = r.uniform(0.55, 0.7);
    return [[
      ...arc(0, c, ri, ri, Math.PI * 0.25, Math.PI * 2.2, 12),
      { x: ri * 1.1, y: c - ri * 1.2 },
      { x: ri * 1.8, y: c - ri * 0.9 },
      ...arc(0, c, ro, ro, -0.1, Math.PI * 1.7, 18),
    ]];
  },
  '[': (r) => bracket(r, 'square', -1),
  '\\': (r) => {
    const w = r.uniform(0.25, 0.45);
    return [line(-w, r.uniform(1.3, 1.6), w, r.uniform(-0.35, 0))];
  },
  ']': (r) => bracket(r, 'square', 1),
  '^': (r) => {
    const w = r.uniform(0.2, 0.35), top = r.uniform(1.3, 1.55), h = r.uniform(0.25, 0.45);
    return [[{ x: -w, y: top - h }, { x: 0, y: top }, { x: w, y: top - h }]];
  },
  _: (r) => {
    const w = r.uniform(0.35, 0.6), y = r.uniform(-0.3, 0.02);
    return [line(-w, y, w, y + r.uniform(-0.05, 0.05))];
  },
  '`': (r) => {
    const top = r.uniform(1.35, 1.55);
    return [[{ x: -0.1, y: top }, { x: r.uniform(0.05, 0.15), y: top - r.uniform(0.15, 0.3) }]];
  },
  '{': (r) => bracket(r, 'brace', -1),
  '|': (r) => [line(0, r.uniform(1.35, 1.65), r.uniform(-0.04, 0.04), r.uniform(-0.45, 0))],
  '}': (r) => bracket(r, 'brace', 1),
  '~': (r) => {
    const w = r.uniform(0.3, 0.45), c = r.uniform(0.45, 0.7), a = r.uniform(0.06, 0.14);
    const pts: Point[] = [];
    for (let i = 0; i <= 16; i++) {
      const t = i / 16;
      pts.push({ x: -w + 2 * w * t, y: c + a * Math.sin(t * Math.PI * 2 + Math.PI * 0.1) });
    }
    return [pts];
  },
};

/** The symbols this generator draws. */
export const DRAWN_SYMBOLS = Object.keys(MAKERS).join('');

/** One hand's strokes for `symbol` in line units (y up), or null when it is not a drawn symbol. */
export function drawnSymbolStrokes(symbol: string, rng: Rng): Strokes | null {
  const make = Object.prototype.hasOwnProperty.call(MAKERS, symbol) ? MAKERS[symbol] : undefined;
  return make ? make(rng) : null;
}
