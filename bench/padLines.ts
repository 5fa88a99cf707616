/**
 * Lines of words written as pen strokes and read through the pad's path, for the pad benches
 * (bench:pad-accuracy, and the pad part of bench:adapt): the vocabulary, the writing ranges, and
 * the figures (CER, CER ignoring case, words right, character count right).
 */
import { performance } from 'node:perf_hooks';
import { Recognizer } from '../core/recognizer';
import { HersheyFont } from '../training/hershey';
import { LineRanges, writeHersheyLine } from '../training/hersheyLines';
import { lcg } from '../training/prng';

export const VOCAB = (
  'the quick brown fox jumps over lazy dog hello world value index count total print return const let ' +
  'Map String Number Error Promise JSON HTTP URL idx2 getValue x1 0x1F camelCase 2026 42 ' +
  'width height size push pop new for while if else true false null'
).split(' ');

/** Levenshtein distance, for the character error rate. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** How the bench writes: a little tidier than the grouping tests' ranges, as a person writing to be read. */
export const RANGES: LineRanges = {
  xHeight: [16, 40],
  slant: [-0.05, 0.25],
  inkWidth: [2.5, 5],
  wordGap: [0.9, 1.6],
  letterGap: [0.1, 0.45],
  charScale: [0.92, 1.08],
  baselineShift: [-0.06, 0.06],
  baselineY: 120,
};

/** Writing with traced held-out families: slant up to ~25 degrees and letters that may touch. */
export const TRACED_RANGES: LineRanges = { ...RANGES, slant: [-0.05, 0.47], letterGap: [0, 0.4] };

export interface SetFigures {
  cer: number;
  cerIgnoringCase: number;
  words: number;
  grouping: number;
  msPerLine: number;
  examples: string[];
}

/**
 * Writes `lines` lines (round-robin over `fonts`) and reads each through the pad path. `show`: print each
 * line read wrong, with each character's three best candidates (for finding what to work on).
 */
export function readLines(recognizer: Recognizer, fonts: readonly HersheyFont[], lines: number, ranges: LineRanges, seed: number, show = false): SetFigures {
  const rnd = lcg(seed);
  let chars = 0, errors = 0, caseless = 0, wordsRight = 0, words = 0, grouped = 0, ms = 0;
  const examples: string[] = [];
  for (let i = 0; i < lines; i++) {
    const w = writeHersheyLine(fonts[i % fonts.length], VOCAB, ranges, rnd);
    const t0 = performance.now();
    const read = recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth });
    ms += performance.now() - t0;
    if (read.grouped.characters.length === w.text.replace(/ /g, '').length) grouped++;
    chars += w.text.length;
    errors += editDistance(read.text, w.text);
    caseless += editDistance(read.text.toLowerCase(), w.text.toLowerCase());
    const want = w.text.split(' '), got = read.text.split(' ');
    words += want.length;
    want.forEach((word, k) => (wordsRight += got[k] === word ? 1 : 0));
    if (read.text !== w.text && examples.length < 3) examples.push(`'${w.text}' -> '${read.text}'`);
    if (read.text !== w.text && show) {
      const candidates = read.chars.map((c) => c.candidates.slice(0, 3).map((k) => `${k.text}${k.p.toFixed(2)}`).join('/'));
      console.log(`    [${fonts[i % fonts.length].id}] '${w.text}' -> '${read.text}'\n      ${candidates.join(' ')}`);
    }
  }
  return { cer: errors / chars, cerIgnoringCase: caseless / chars, words: wordsRight / words, grouping: grouped / lines, msPerLine: ms / lines, examples };
}

export function row(name: string, f: SetFigures, lines: number): string {
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  return `  ${name.padEnd(16)} CER ${pct(f.cer).padStart(6)}  ignoring case ${pct(f.cerIgnoringCase).padStart(6)}  words ${pct(f.words).padStart(6)}  ` +
    `character count right ${pct(f.grouping).padStart(6)} of ${lines}  ${f.msPerLine.toFixed(1)} ms/line   e.g. ${f.examples.join(', ')}`;
}

