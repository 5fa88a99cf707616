/**
 * The webview's recognition engine: starts a tfjs backend, loads the model once, and reads
 * words (pad) and images (importer) through the recognition core. UI code talks only to this.
 */
import { CharClassifier, topK } from '../../core/model';
import { BlankImageError, inkMap, LineFrame, NormalizedCharacter, normalizeCharacter } from '../../core/preprocess';
import { Box, createGreyImage, cropGrey, GreyImage } from '../../core/image';
import { BackendPreference, CharsetName } from '../../protocol/messages';
import { selectBackend } from './backend';
import { loadClassifier } from './loadModel';

export interface CharInput {
  readonly image: GreyImage;
  readonly frame?: LineFrame;
}

export interface TextCandidate {
  readonly text: string;
  readonly p: number;
}

export interface CharReading {
  /** Best first; the decoded choice is candidates[0]. */
  readonly candidates: readonly TextCandidate[];
}

export interface WordReading {
  readonly text: string;
  readonly chars: readonly CharReading[];
}

export interface ImageReading {
  readonly text: string;
  /** Each character's box in the image's pixels, with its text. */
  readonly boxes: readonly (Box & { readonly text: string })[];
}

export interface ReadOptions {
  /** Text before the cursor (decoding context). */
  readonly context?: string;
  readonly charset: CharsetName;
  readonly topK: number;
}

/** Batch sizes the classifier runs at (inputs are padded up to the next one). */
const BATCH_BUCKETS = [1, 8, 32];

const CHARSETS: Record<CharsetName, RegExp> = {
  all: /^[0-9A-Za-z]$/,
  digits: /^[0-9]$/,
  letters: /^[A-Za-z]$/,
  upper: /^[A-Z]$/,
  lower: /^[a-z]$/,
  alnum: /^[0-9A-Za-z]$/,
};

export class RecognitionEngine {
  private constructor(
    private readonly classifier: CharClassifier,
    readonly backend: string,
    readonly backendNote: string | undefined,
  ) {}

  /** Backend start + model fetch + warm-up, in ms. */
  loadMs = 0;

  static async start(modelUrl: string, preference: BackendPreference): Promise<RecognitionEngine> {
    const started = performance.now();
    const backend = await selectBackend(preference);
    const classifier = await loadClassifier(modelUrl);
    const engine = new RecognitionEngine(classifier, backend.name, backend.note);
    engine.warmUp();
    engine.loadMs = performance.now() - started;
    return engine;
  }

  /**
   * Classifies in fixed batch sizes (padded with blanks): WebGL compiles shaders per input
   * shape, so a new word length would otherwise stall for hundreds of ms the first time.
   */
  private probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    // The CPU backend has no shaders to reuse: padding would only add work.
    if (this.backend !== 'webgl') return this.classifier.probabilities(chars);
    const out: Float32Array[] = [];
    for (let i = 0; i < chars.length; i += BATCH_BUCKETS[BATCH_BUCKETS.length - 1]) {
      const chunk = chars.slice(i, i + BATCH_BUCKETS[BATCH_BUCKETS.length - 1]);
      const size = BATCH_BUCKETS.find((b) => b >= chunk.length) ?? chunk.length;
      const padded = chunk.length === size ? chunk : [...chunk, ...Array.from({ length: size - chunk.length }, () => this.blank)];
      out.push(...this.classifier.probabilities(padded).slice(0, chunk.length));
    }
    return out;
  }

  private get blank(): NormalizedCharacter {
    const { inputSize, geometrySize } = this.classifier.json;
    return { pixels: new Float32Array(inputSize * inputSize), geometry: new Float32Array(geometrySize), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
  }

  /** Compile every bucket's shaders now rather than on the first word of that length. */
  private warmUp(): void {
    if (this.backend === 'webgl') for (const size of BATCH_BUCKETS) this.classifier.probabilities(Array.from({ length: size }, () => this.blank));
    // And once through the whole path with ink, so preprocessing is compiled by the JIT too.
    const bar = createGreyImage(24, 32);
    for (let y = 4; y < 28; y++) bar.data.fill(0, y * 24 + 10, y * 24 + 14);
    this.readWord([{ image: bar }], { charset: 'all', topK: 1 });
  }

  /** Reads a word: one image per character, left to right. Blank characters read as ''. */
  readWord(chars: readonly CharInput[], opts: ReadOptions): WordReading {
    const normalized = chars.map((c) => {
      try {
        return normalizeCharacter(c.image, { frame: c.frame });
      } catch (err) {
        if (err instanceof BlankImageError) return undefined;
        throw err;
      }
    });
    const present = normalized.filter((n): n is NonNullable<typeof n> => n !== undefined);
    const probs = this.probabilities(present);
    let j = 0;
    const readings = normalized.map((n): CharReading => {
      if (!n) return { candidates: [] };
      const p = restrict(probs[j++], this.classifier.labels, CHARSETS[opts.charset]);
      return { candidates: topK(p, this.classifier.labels, opts.topK).filter((c) => c.p > 0).map((c) => ({ text: c.label, p: c.p })) };
    });
    return { text: readings.map((r) => r.candidates[0]?.text ?? '').join(''), chars: readings };
  }

  /**
   * Reads a picture of handwriting.
   * TEMPORARY: one line split at empty columns, until core/segment's page reader lands.
   */
  readImage(image: GreyImage, opts: ReadOptions): ImageReading {
    const ink = inkMap(image);
    const { width, height } = image;
    const colInk = new Uint8Array(width);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink[y * width + x] > 0.35) colInk[x] = 1;
    const spans: Box[] = [];
    for (let x = 0; x < width; ) {
      if (!colInk[x]) { x++; continue; }
      const left = x;
      while (x < width && colInk[x]) x++;
      let top = height, bottom = 0;
      for (let y = 0; y < height; y++) for (let xx = left; xx < x; xx++) if (ink[y * width + xx] > 0.35) { top = Math.min(top, y); bottom = Math.max(bottom, y + 1); }
      spans.push({ left, top, right: x, bottom });
    }
    if (spans.length === 0) return { text: '', boxes: [] };
    const heights = spans.map((s) => s.bottom - s.top).sort((a, b) => a - b);
    const typical = heights[heights.length >> 1];
    const word = this.readWord(spans.map((b) => ({ image: cropGrey(image, pad(b, 2, width, height)) })), opts);
    let text = '';
    const boxes = spans.map((b, i) => {
      const t = word.chars[i].candidates[0]?.text ?? '';
      if (i > 0 && b.left - spans[i - 1].right > 0.5 * typical) text += ' ';
      text += t;
      return { ...b, text: t };
    });
    return { text, boxes };
  }
}

function pad(b: Box, m: number, width: number, height: number): Box {
  return { left: Math.max(0, b.left - m), top: Math.max(0, b.top - m), right: Math.min(width, b.right + m), bottom: Math.min(height, b.bottom + m) };
}

function restrict(p: Float32Array, labels: readonly string[], allowed: RegExp): Float32Array {
  const out = new Float32Array(p.length);
  let sum = 0;
  labels.forEach((l, i) => {
    if (allowed.test(l)) {
      out[i] = p[i];
      sum += p[i];
    }
  });
  if (sum > 0) for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}
