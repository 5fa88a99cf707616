/**
 * The text a word is decoded after: the caller's context (the text before the cursor), then what
 * has been read since. decodeLine, Recognizer.recognizeSequence and readText all build it here.
 * The decoder reads only its last n-gram order - 1 characters, whitespace collapsed (beam.ts).
 */

/** Context handed on with each word: a little more than any n-gram order needs. */
export const CONTEXT_CHARS = 40;

export class DecodeContext {
  private text: string;

  constructor(before?: string) {
    this.text = before ?? '';
  }

  /** Everything so far. */
  get all(): string {
    return this.text;
  }

  /** The last CONTEXT_CHARS characters: what the next word is decoded after. */
  get recent(): string {
    return this.text.slice(-CONTEXT_CHARS);
  }

  /** Append text as it is: a separator, or text that continues what came before. */
  add(text: string): void {
    this.text += text;
  }

  /** Append a word after a space; none at the start or where the text already ends in whitespace. */
  addWord(word: string): void {
    this.text += (this.text && !/\s$/.test(this.text) ? ' ' : '') + word;
  }
}
