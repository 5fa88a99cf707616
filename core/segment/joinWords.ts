/**
 * Words of an image's line joined after reading: a name the document has, written with a gap inside it,
 * is one word (core/decode/lexicon.ts splitNameJoins decides which), and so is a word the n-gram reads
 * better whole where the gap inside it is in doubt (doubtfulWordGaps; core/decode/doubtfulSpaces.ts textJoins).
 */
import { unionBox } from './components';
import type { TextWord } from './readText';
import { spaceInDoubt } from '../decode/doubtfulSpaces';

/** A line's words with each one `join` marks merged into the word before it (one name written with a gap). */
export function joinWords(words: readonly TextWord[], join: readonly boolean[]): TextWord[] {
  const out: TextWord[] = [];
  words.forEach((w, i) => {
    const prev = out[out.length - 1];
    if (!join[i] || !prev) out.push(w);
    else out[out.length - 1] = { box: unionBox(prev.box, w.box), text: prev.text + w.text, confidence: Math.min(prev.confidence, w.confidence), chars: [...prev.chars, ...w.chars] };
  });
  return out;
}

/**
 * A gap between two words under this many times the widest gap between two characters of one word on
 * the line is in doubt. Chosen on the training families' code images (`npx tsx bench/code.ts
 * --training-families --only images`, every gap scored both ways): at 1.0 to 1.4 none of their 650
 * written spaces joined and 4 to 5 of 12 gaps inside a word went; at 1.6, `def area` joined (the n-gram
 * likes `defa...`). Tighter than the pad's (strokes/spaces.ts DOUBTFUL_SPACE): an image's character boxes
 * hold their ink, a pen's centre lines do not, so the gaps inside a word measure narrower.
 */
export const DOUBTFUL_WORD_GAP = 1.4;

/** For each word of a line, whether the gap before it is in doubt (DOUBTFUL_WORD_GAP); never the first's, nor on a line with no gap inside a word. */
export function doubtfulWordGaps(words: readonly TextWord[]): boolean[] {
  const inDoubt = spaceInDoubt(words.flatMap((w) => w.chars.slice(1).map((c, k) => c.box.left - w.chars[k].box.right)), DOUBTFUL_WORD_GAP);
  return words.map((w, i) => i > 0 && inDoubt(w.box.left - words[i - 1].box.right));
}
