/**
 * Text lines: row projection of the ink splits the page into bands, bands too tall for one
 * line (a line being at most two letter heights, so a tight page whose lines touch is not taken for
 * one line) are cut at their projection minima, then every component joins the band it overlaps
 * most (a dot or accent in no band joins the nearest one, preferring the line below it).
 */
import { median } from '../stats';
import { Component, boxHeight } from './components';

export interface LineGroup {
  /** Components of the line, sorted by left edge. */
  readonly components: Component[];
  readonly top: number;
  readonly bottom: number;
}

/**
 * Most a line's band (ascender top to descender bottom) measures in typical letter heights: capitals
 * and ascenders stand about 1.3-1.5 letters tall over descenders of 0.3-0.5.
 */
const LINE_PER_LETTER = 2;

/** Typical height of a letter: the median height of the components that are not specks or marks. */
function letterHeight(components: readonly Component[]): number {
  const heights = components.map((c) => boxHeight(c.box)).sort((a, b) => a - b);
  const tall = heights[Math.floor(0.9 * (heights.length - 1))];
  return median(heights.filter((h) => h >= 0.35 * tall)) || tall;
}

interface Band {
  top: number;
  bottom: number;
  ink: number;
}

export function findLines(components: readonly Component[], labels: Int32Array, width: number, height: number, keep: Uint8Array): LineGroup[] {
  if (components.length === 0) return [];
  const profile = new Float64Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const l = labels[row + x];
      if (l && keep[l]) n++;
    }
    profile[y] = n;
  }
  let bands: Band[] = [];
  for (let y = 0; y < height; ) {
    if (profile[y] === 0) {
      y++;
      continue;
    }
    const top = y;
    let ink = 0;
    while (y < height && profile[y] > 0) ink += profile[y++];
    bands.push({ top, bottom: y, ink });
  }
  if (bands.length === 0) return [];
  const maxInk = Math.max(...bands.map((b) => b.ink));
  const majorHeights = bands.filter((b) => b.ink >= 0.3 * maxInk).map((b) => b.bottom - b.top);
  // A line is no taller than LINE_PER_LETTER letters: on a tight page, where descenders touch the
  // next line's ascenders, every band may hold several lines and their median says nothing.
  const letter = letterHeight(components);
  const lineHeight = Math.max(1, Math.min(median(majorHeights), LINE_PER_LETTER * letter));
  // Bands much taller than a line hold several lines whose ascenders and descenders touch.
  bands = bands.flatMap((b) => (b.bottom - b.top > 1.5 * lineHeight ? splitBand(b, profile, lineHeight) : [b]));
  bands = withSliversJoined(bands, letter);
  const inks = bands.map((b) => b.ink);
  const medianInk = median(inks);
  const major = bands.filter((b) => b.bottom - b.top >= 0.45 * lineHeight && b.ink >= 0.15 * medianInk);
  const lines = (major.length ? major : bands).map((b) => ({ band: b, members: [] as Component[] }));
  for (const c of components) {
    let best = -1, bestOverlap = 0;
    lines.forEach((l, i) => {
      const o = Math.min(l.band.bottom, c.box.bottom) - Math.max(l.band.top, c.box.top);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best < 0 || bestOverlap < 0.3 * boxHeight(c.box)) {
      // Nearest band; a mark above a line usually belongs to the line below (i, j dots).
      let bestD = Infinity;
      let far = Infinity;
      lines.forEach((l, i) => {
        const below = l.band.top - c.box.bottom;
        const above = c.box.top - l.band.bottom;
        const d = below >= 0 ? below * 0.7 : above >= 0 ? above : 0;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
        far = Math.min(far, Math.max(0, below, above));
      });
      // Smaller than a letter and far from every line: a photo's shaded corner or a speck, read `__` before a line.
      if (far > STRAY_DISTANCE * letter && boxHeight(c.box) < letter) continue;
    }
    lines[best].members.push(c);
  }
  return lines
    .filter((l) => l.members.length > 0)
    .map((l) => {
      const members = l.members.sort((a, b) => a.box.left - b.box.left);
      return {
        components: members,
        top: Math.min(...members.map((m) => m.box.top)),
        bottom: Math.max(...members.map((m) => m.box.bottom)),
      };
    })
    .sort((a, b) => a.top - b.top);
}

/** A mark in no line's band further than this many letter heights from every line is no part of the writing. */
const STRAY_DISTANCE = 1;

/**
 * A band shorter than a letter, with a small share of the ink of a band just above or below it, is
 * part of that line: a semicolon's tail hanging under 'i <= 42;' (read as a second line, '7'), quote
 * marks or accents floating over their words.
 */
const SLIVER_GAP = 0.5;
const SLIVER_INK = 0.25;

function withSliversJoined(bands: readonly Band[], letter: number): Band[] {
  const out = [...bands];
  for (let i = 0; i < out.length; ) {
    const b = out[i];
    const gapTo = (n: Band | undefined) => (n ? Math.max(n.top - b.bottom, b.top - n.bottom) : Infinity);
    const joins = (n: Band | undefined) => n !== undefined && b.bottom - b.top < letter && b.ink < SLIVER_INK * n.ink && gapTo(n) < SLIVER_GAP * letter;
    // The line above first: tails hang down more often than marks float up.
    const into = joins(out[i - 1]) ? i - 1 : joins(out[i + 1]) ? i + 1 : -1;
    if (into < 0) {
      i++;
      continue;
    }
    const n = out[into];
    out[into] = { top: Math.min(n.top, b.top), bottom: Math.max(n.bottom, b.bottom), ink: n.ink + b.ink };
    out.splice(i, 1);
    i = Math.max(0, Math.min(i, into));
  }
  return out;
}

/** Cut a band at deep minima of its smoothed projection, at least half a line apart. */
function splitBand(band: Band, profile: Float64Array, lineHeight: number): Band[] {
  const r = Math.max(1, Math.round(lineHeight / 8));
  const smooth: number[] = [];
  for (let y = band.top; y < band.bottom; y++) {
    let s = 0, n = 0;
    for (let k = y - r; k <= y + r; k++) {
      if (k >= band.top && k < band.bottom) {
        s += profile[k];
        n++;
      }
    }
    smooth.push(s / n);
  }
  const peak = Math.max(...smooth);
  const cuts: number[] = [];
  const minGap = 0.55 * lineHeight;
  const candidates = smooth
    .map((v, i) => ({ v, i }))
    .filter(({ v, i }) => i > 0 && i < smooth.length - 1 && v <= smooth[i - 1] && v <= smooth[i + 1] && v < 0.35 * peak)
    .sort((a, b) => a.v - b.v);
  for (const c of candidates) {
    if (c.i < minGap || smooth.length - c.i < minGap) continue;
    if (cuts.some((k) => Math.abs(k - c.i) < minGap)) continue;
    cuts.push(c.i);
  }
  cuts.sort((a, b) => a - b);
  const pieces = (): Band[] => {
    const out: Band[] = [];
    let start = 0;
    for (const cut of [...cuts, smooth.length]) {
      let ink = 0;
      for (let y = band.top + start; y < band.top + cut; y++) ink += profile[y];
      out.push({ top: band.top + start, bottom: band.top + cut, ink });
      start = cut;
    }
    return out;
  };
  // A piece with little ink is the tails of one line's descenders (or tops of its capitals), not a
  // line of its own: it stays with its neighbour.
  for (let out = pieces(); cuts.length > 0; out = pieces()) {
    const most = Math.max(...out.map((b) => b.ink));
    const weak = out.findIndex((b) => b.ink < MIN_LINE_INK * most);
    if (weak < 0) return out;
    cuts.splice(weak === out.length - 1 ? weak - 1 : weak, 1);
  }
  return pieces();
}

/** A band cut from a taller one holds at least this share of the ink of its fullest sibling. */
const MIN_LINE_INK = 0.25;
