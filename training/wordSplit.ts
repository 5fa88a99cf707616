/**
 * The wamerican word list, split so the context benchmark reads words the n-gram never saw.
 *
 * One word in ten (by a stable hash, not by position) is held out of training/buildNgram.ts and
 * is what bench/context.ts draws its words and identifier parts from.
 */
import * as fs from 'node:fs';
import { hashString } from './prng';

export const WORDS_FILE = '/usr/share/dict/american-english';

/** Plain ASCII words, possessives and accented words left out. */
export function readWordList(file = WORDS_FILE): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Word list ${file} is missing: run bash scripts/setup-bench-env.sh (Debian's wamerican package).`);
  }
  return text.split('\n').filter((w) => /^[A-Za-z]+$/.test(w));
}

export function isBenchWord(word: string): boolean {
  return hashString(word.toLowerCase()) % 10 === 0;
}
