/**
 * Test material for bench/context.ts: lines of code-like text in four groups, rendered one
 * character at a time in held-out handwriting families, each with its writing line.
 *
 * A line is a list of segments: 'written' segments are handwriting to recognise; 'typed' segments
 * (punctuation such as '_', ' = ', '(' that the 62 classes do not cover, or text already in the
 * editor) are known and reach the decoder only as context, as the text before the cursor would.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { GreyImage } from '../core/image';
import { LineFrame } from '../core/preprocess';
import { FontFamily, registerFontFamily } from '../training/fonts';
import { hashString, Rng } from '../training/prng';
import { isBenchWord, readWordList } from '../training/wordSplit';

export type Group = 'words' | 'identifiers' | 'numbers' | 'mixed';
export const GROUPS: readonly Group[] = ['words', 'identifiers', 'numbers', 'mixed'];

export interface Segment {
  readonly text: string;
  readonly written: boolean;
}

/** Which half of the identifier and word pools: tuning and report never share an item. */
export type Part = 'tune' | 'report';

export interface BenchLine {
  readonly group: Group;
  readonly segments: readonly Segment[];
}

export interface RenderedChar {
  readonly image: GreyImage;
  readonly frame: LineFrame;
}

// ---- text --------------------------------------------------------------------------------------

/**
 * Real identifiers (idx, ctx, reporterOptions, ...) from JavaScript the n-gram never saw: npm
 * packages the project installs but training/buildNgram.ts does not read. Abbreviations are
 * what a dictionary-leaning decoder gets wrong, so they must be in the bench.
 */
const CODE_DIRS = ['node_modules/mocha/lib', 'node_modules/tesseract.js/src', 'node_modules/@vscode/test-electron/out'];
const KEYWORDS = new Set(
  ('break case catch class const continue debugger default delete do else export extends false finally for function if ' +
    'import in instanceof let new null return super switch this throw true try typeof undefined var void while with yield ' +
    'async await of static get set require module exports').split(' '),
);

let identifierPool: Map<Part, string[]> | undefined;
function codeIdentifiers(part: Part): string[] {
  if (!identifierPool) {
    const seen = new Set<string>();
    const all: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.js')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
            const id = m[0];
            if (id.length < 2 || id.length > 14 || KEYWORDS.has(id) || /^_|_$|__/.test(id) || seen.has(id)) continue;
            seen.add(id);
            all.push(id);
          }
        }
      }
    };
    for (const d of CODE_DIRS) {
      if (!fs.existsSync(d)) throw new Error(`${d} is missing (run npm ci): the identifier bench reads it.`);
      walk(d);
    }
    identifierPool = new Map([
      ['tune', all.filter((id) => hashString(id) % 2 === 0)],
      ['report', all.filter((id) => hashString(id) % 2 === 1)],
    ]);
  }
  return identifierPool.get(part)!;
}

/** A real identifier as segments: underscores are typed context, the rest is written. */
function realIdentifier(rng: Rng, part: Part): Segment[] {
  const id = rng.pick(codeIdentifiers(part));
  const out: Segment[] = [];
  id.split('_').forEach((piece, i) => {
    if (i > 0) out.push(t('_'));
    out.push(w(piece));
  });
  return out;
}

let benchWords: { lower: string[]; any: string[] } | undefined;
let wordsPart: Part = 'report';
function words(): { lower: string[]; any: string[] } {
  if (!benchWords) {
    const held = readWordList().filter((w) => isBenchWord(w) && w.length >= 2 && w.length <= 10 && Math.floor(hashString(w.toLowerCase()) / 10) % 2 === (wordsPart === 'tune' ? 0 : 1));
    benchWords = { lower: held.filter((w) => /^[a-z]+$/.test(w)), any: held };
  }
  return benchWords;
}

const HEX = '0123456789ABCDEF';
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const w = (text: string): Segment => ({ text, written: true });
const t = (text: string): Segment => ({ text, written: false });

function word(rng: Rng): string {
  return rng.pick(words().any);
}
function lowerWord(rng: Rng, max = 7): string {
  for (;;) {
    const s = rng.pick(words().lower);
    if (s.length <= max) return s;
  }
}

function identifier(rng: Rng, part: Part): Segment[] {
  // Half real identifiers from code, half made from held-out words (camelCase, snake_case, x2, Vec3).
  if (rng.chance(0.5)) return realIdentifier(rng, part);
  switch (rng.int(0, 3)) {
    case 0: // camelCase
      return [w(lowerWord(rng) + cap(lowerWord(rng)))];
    case 1: // snake_case: the underscore is typed context
      return [w(lowerWord(rng)), t('_'), w(lowerWord(rng))];
    case 2: // x2, idx2, tmp3
      return [w(lowerWord(rng, 3).slice(0, rng.int(1, 3)) + rng.int(0, 9))];
    default: // PascalCase with a digit: Vec3, Utf8Decoder
      return [w(cap(lowerWord(rng, 5)) + rng.int(0, 9) + (rng.chance(0.5) ? cap(lowerWord(rng, 6)) : ''))];
  }
}

function number(rng: Rng): Segment[] {
  switch (rng.int(0, 3)) {
    case 0:
      return [w(String(rng.int(1950, 2049)))];
    case 1:
      return [w(String(rng.int(0, 10 ** rng.int(1, 5))))];
    case 2:
      return [w('0x' + Array.from({ length: rng.pick([2, 2, 4]) }, () => rng.pick(Array.from(HEX))).join(''))];
    default:
      return [w(String(rng.int(0, 99))), t('.'), w(String(rng.int(0, 999)).padStart(rng.int(1, 3), '0'))];
  }
}

function mixed(rng: Rng, part: Part): Segment[] {
  const id = () => identifier(rng, part);
  const num = () => number(rng);
  switch (rng.int(0, 4)) {
    case 0: // already typed "const ", written "name = value"
      return [t(rng.pick(['const ', 'let ', 'var '])), ...id(), t(' = '), ...num()];
    case 1:
      return [w(lowerWord(rng)), t(' '), w(lowerWord(rng)), t(' '), ...num()];
    case 2:
      return [t('if ('), ...id(), t(' > '), ...num(), t(') ')];
    case 3:
      return [...id(), t('('), ...num(), t(', '), ...id(), t(')')];
    default:
      return [t('// '), w(word(rng)), t(' '), w(lowerWord(rng)), t(' '), ...id()];
  }
}

/** `n` lines per group, deterministic in the seed. */
export function benchLines(n: number, seed: number, part: Part): BenchLine[] {
  if (wordsPart !== part) benchWords = undefined;
  wordsPart = part;
  const out: BenchLine[] = [];
  for (const group of GROUPS) {
    const rng = new Rng(seed * 7919 + GROUPS.indexOf(group));
    for (let i = 0; i < n; i++) {
      const segments =
        group === 'words' ? [w(word(rng))] : group === 'identifiers' ? identifier(rng, part) : group === 'numbers' ? number(rng) : mixed(rng, part);
      out.push({ group, segments });
    }
  }
  return out;
}

// ---- rendering ---------------------------------------------------------------------------------


/**
 * Render each written character of a line on its own canvas: same family, size and slant for the
 * whole line; per character a little rotation, scale and baseline wander, as a hand does.
 */
export function renderLine(line: BenchLine, family: FontFamily, rng: Rng): RenderedChar[][] {
  const fontName = registerFontFamily(family);
  const probe = createCanvas(8, 8).getContext('2d');
  const px = rng.uniform(34, 56);
  probe.font = `${px.toFixed(1)}px "${fontName}"`;
  const xHeight = probe.measureText('x').actualBoundingBoxAscent;
  const slant = rng.normal(0, 0.12);
  const weight = rng.chance(0.3) ? rng.uniform(0.6, 1.8) : 0;
  const H = Math.ceil(px * 2.2);
  const baseline = Math.round(px * 1.5);
  return line.segments
    .filter((s) => s.written)
    .map((s) =>
      Array.from(s.text).map((ch) => {
        const W = Math.ceil(px * 1.6);
        const canvas = createCanvas(W, H);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, W, H);
        ctx.font = probe.font;
        const adv = ctx.measureText(ch).width;
        const rot = rng.normal(0, 0.04);
        const scale = Math.exp(rng.normal(0, 0.06));
        const dy = rng.normal(0, 0.05) * xHeight;
        // About the glyph's foot on the baseline: slant + rotation + scale, then the wander.
        const cx = W / 2, cy = baseline;
        const c = Math.cos(rot) * scale, s = Math.sin(rot) * scale;
        ctx.setTransform(c, s, -s - slant * c, c - slant * s, cx, cy + dy);
        ctx.fillStyle = '#000';
        ctx.fillText(ch, -adv / 2, 0);
        if (weight > 0) {
          ctx.strokeStyle = '#000';
          ctx.lineWidth = weight;
          ctx.strokeText(ch, -adv / 2, 0);
        }
        const rgba = ctx.getImageData(0, 0, W, H).data;
        const data = new Uint8ClampedArray(W * H);
        for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4];
        return { image: { width: W, height: H, data }, frame: { baseline, xHeight } };
      }),
    );
}
