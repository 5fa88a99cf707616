/**
 * Words of an image's line joined after reading: a name the document has, written with a gap inside it,
 * is one word (core/decode/lexicon.ts splitNameJoins decides which).
 */
import { unionBox } from './components';
import type { TextWord } from './readText';

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
