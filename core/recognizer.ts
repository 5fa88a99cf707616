/**
 * The recognition facade: one object that the CLI, the webview, the benchmarks and the tests
 * call to turn grey images into text. It ties the classifier to preprocessing, character sets,
 * word decoding and text segmentation, and owns none of their logic.
 */
import { Box, cropGrey, GreyImage } from './image';
import { BlankImageError, inkMap, LineFrame, NormalizedCharacter, normalizeCharacter, PreprocessOptions } from './preprocess';
import { Charset, parseCharset, restrictToCharset } from './decode/charset';

/** What the recognizer needs from a classifier (CharClassifier satisfies it). */
export interface Classifier {
  readonly labels: readonly string[];
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[];
}

export interface TextCandidate {
  readonly text: string;
  readonly p: number;
}

export interface Recognition {
  /** Best reading; '' when the image holds no ink. */
  readonly text: string;
  /** Probability of `text` (for text: the product-based word confidence). */
  readonly confidence: number;
  /** Alternatives, best first, `text` among them. */
  readonly candidates: readonly TextCandidate[];
}

/** One result of a batch: blank images do not fail the whole batch. */
export type CharacterResult = (Recognition & { readonly blank?: false }) | { readonly blank: true; readonly error: BlankImageError };

export interface CharacterInput {
  readonly image: GreyImage;
  /** The writing line the character sits on, for case from size and position. */
  readonly frame?: LineFrame;
}

export interface RecognizeOptions {
  /** Number of candidates to return (default 3). */
  readonly topK?: number;
  /** `all|digits|letters|upper|lower|alnum` or explicit characters (see core/decode/charset). */
  readonly charset?: string | Charset;
  /** Line frame for a lone character; a CharacterInput's own frame wins. */
  readonly frame?: LineFrame;
  /** Text before the cursor, for context decoding of words. */
  readonly context?: string;
  readonly polarity?: PreprocessOptions['polarity'];
}

export interface RecognizerOptions {
  /** Characters classified per forward pass; bounds tensor memory on long batches. */
  readonly batchSize?: number;
}

const DEFAULT_TOP_K = 3;
const DEFAULT_BATCH = 64;
const MAX_TOP_K = 62;

export class Recognizer {
  private readonly batchSize: number;

  constructor(
    readonly classifier: Classifier,
    options: RecognizerOptions = {},
  ) {
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
  }

  get labels(): readonly string[] {
    return this.classifier.labels;
  }

  /** One character. Throws BlankImageError when the image holds no ink. */
  recognizeCharacter(image: GreyImage, opts: RecognizeOptions = {}): Recognition {
    const [result] = this.recognizeCharacters([{ image, frame: opts.frame }], opts);
    if (result.blank) throw result.error;
    return result;
  }

  /** Many characters in batched forward passes; a blank image gives `{ blank: true }` in its slot. */
  recognizeCharacters(inputs: readonly (GreyImage | CharacterInput)[], opts: RecognizeOptions = {}): CharacterResult[] {
    const topK = clampTopK(opts.topK);
    const charset = opts.charset === undefined ? undefined : typeof opts.charset === 'string' ? parseCharset(opts.charset) : opts.charset;
    const results: CharacterResult[] = new Array(inputs.length);
    const normalized: NormalizedCharacter[] = [];
    const slots: number[] = [];
    inputs.forEach((input, i) => {
      const { image, frame } = 'image' in input ? input : { image: input, frame: undefined };
      try {
        normalized.push(normalizeCharacter(image, { frame: frame ?? opts.frame, polarity: opts.polarity }));
        slots.push(i);
      } catch (err) {
        if (!(err instanceof BlankImageError)) throw err;
        results[i] = { blank: true, error: err };
      }
    });
    const probs = this.probabilities(normalized);
    probs.forEach((p, j) => {
      results[slots[j]] = this.toRecognition(charset ? restrictToCharset(p, this.labels, charset) : p, topK);
    });
    return results;
  }

  /**
   * A line of handwriting to text. Throws BlankImageError when there is no ink.
   * PROVISIONAL: characters split at empty columns, words at wide gaps, per-character best
   * reading; replaced by core/segment (lines, words, characters) and core/decode (word
   * decoding) when they land.
   */
  recognizeText(image: GreyImage, opts: RecognizeOptions = {}): Recognition {
    const words = splitLineAtGaps(image, opts.polarity);
    if (words.length === 0) throw new BlankImageError();
    const flat = words.flat();
    // A margin of paper around each crop keeps its background estimate right.
    const pad = (b: Box) => {
      const m = Math.max(2, Math.round((b.bottom - b.top) * 0.15));
      return { left: b.left - m, top: b.top - m, right: b.right + m, bottom: b.bottom + m };
    };
    const results = this.recognizeCharacters(flat.map((box) => cropGrey(image, pad(box))), { ...opts, topK: 1 });
    let k = 0;
    let confidence = 1;
    const text = words
      .map((word) =>
        word
          .map(() => {
            const r = results[k++];
            if (r.blank) return '';
            confidence *= r.confidence;
            return r.text;
          })
          .join(''),
      )
      .join(' ');
    return { text, confidence, candidates: [{ text, p: confidence }] };
  }

  /** Class probabilities (label order = this.labels) for already-normalised characters, batched. */
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    const out: Float32Array[] = [];
    for (let i = 0; i < chars.length; i += this.batchSize) {
      out.push(...this.classifier.probabilities(chars.slice(i, i + this.batchSize)));
    }
    return out;
  }

  private toRecognition(probs: Float32Array, topK: number): Recognition {
    const candidates = topCandidates(probs, this.labels, topK);
    return { text: candidates[0].text, confidence: candidates[0].p, candidates };
  }
}

/** The k most probable labels, best first; zero-probability labels (outside a charset) are left out. */
export function topCandidates(probs: Float32Array, labels: readonly string[], k: number): TextCandidate[] {
  const order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a]);
  const out: TextCandidate[] = [];
  for (const i of order) {
    if (out.length >= k) break;
    if (out.length > 0 && !(probs[i] > 0)) break;
    out.push({ text: labels[i], p: probs[i] });
  }
  return out;
}

function clampTopK(k: number | undefined): number {
  if (k === undefined) return DEFAULT_TOP_K;
  if (!Number.isFinite(k) || k < 1) throw new RangeError(`topK must be a positive number, got ${k}.`);
  return Math.min(MAX_TOP_K, Math.floor(k));
}

/** PROVISIONAL (see recognizeText): character boxes grouped into words, from column gaps of one line. */
function splitLineAtGaps(image: GreyImage, polarity: PreprocessOptions['polarity']): Box[][] {
  const ink = inkMap(image, polarity);
  const { width, height } = image;
  const colHasInk = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (ink[y * width + x] >= 0.35) colHasInk[x] = 1;
  }
  const boxes: Box[] = [];
  for (let x = 0; x < width; ) {
    if (!colHasInk[x]) {
      x++;
      continue;
    }
    const left = x;
    while (x < width && colHasInk[x]) x++;
    let top = height, bottom = 0;
    for (let y = 0; y < height; y++) {
      for (let xx = left; xx < x; xx++) {
        if (ink[y * width + xx] >= 0.35) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y + 1);
        }
      }
    }
    boxes.push({ left, top, right: x, bottom });
  }
  if (boxes.length === 0) return [];
  const heights = boxes.map((b) => b.bottom - b.top).sort((a, b) => a - b);
  const wordGap = Math.max(3, heights[Math.floor(heights.length / 2)] * 0.45);
  const words: Box[][] = [[boxes[0]]];
  for (let i = 1; i < boxes.length; i++) {
    if (boxes[i].left - boxes[i - 1].right > wordGap) words.push([]);
    words[words.length - 1].push(boxes[i]);
  }
  return words;
}
