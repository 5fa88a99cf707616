/**
 * The webview's recognition engine: starts a tfjs backend, loads the model (and the decoder's
 * n-gram) once, and reads pad characters and images through the core's Recognizer. UI code
 * talks only to this; the logic lives in core/ (recognizer, strokes, segment, decode).
 */
import { Box, createGreyImage, GreyImage } from '../../core/image';
import { CharClassifier } from '../../core/model';
import { BlankImageError, NormalizedCharacter } from '../../core/preprocess';
import { NgramModel } from '../../core/decode';
import { CharacterInput, Classifier, Recognizer, TextCandidate } from '../../core/recognizer';
import { BackendPreference, CharsetName } from '../../protocol/messages';
import { selectBackend } from './backend';
import { fetchOk, loadClassifier } from './loadModel';

export type { TextCandidate };

export interface SequenceReading {
  readonly text: string;
  /** One per input character: its decoded text and alternatives (best first). */
  readonly chars: readonly { readonly text: string; readonly candidates: readonly TextCandidate[] }[];
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

export interface SequenceOptions extends ReadOptions {
  readonly spaceBefore?: readonly boolean[];
  readonly lineBreakBefore?: readonly boolean[];
}

/** Batch sizes the WebGL classifier runs at (inputs are padded up to the next one). */
const BATCH_BUCKETS = [1, 8, 32];
const MAX_BATCH = BATCH_BUCKETS[BATCH_BUCKETS.length - 1];

/**
 * WebGL compiles shaders per input shape: padding every batch to a few fixed sizes (compiled at
 * warm-up) keeps a word of a new length from stalling for hundreds of ms.
 */
class BucketedClassifier implements Classifier {
  constructor(private readonly inner: CharClassifier) {}

  get labels(): readonly string[] {
    return this.inner.labels;
  }

  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    const out: Float32Array[] = [];
    for (let i = 0; i < chars.length; i += MAX_BATCH) {
      const chunk = chars.slice(i, i + MAX_BATCH);
      const size = BATCH_BUCKETS.find((b) => b >= chunk.length) ?? chunk.length;
      const padded = chunk.length === size ? chunk : [...chunk, ...Array.from({ length: size - chunk.length }, () => this.blank())];
      out.push(...this.inner.probabilities(padded).slice(0, chunk.length));
    }
    return out;
  }

  warmUp(): void {
    for (const size of BATCH_BUCKETS) this.inner.probabilities(Array.from({ length: size }, () => this.blank()));
  }

  private blank(): NormalizedCharacter {
    const { inputSize, geometrySize } = this.inner.json;
    return { pixels: new Float32Array(inputSize * inputSize), geometry: new Float32Array(geometrySize), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
  }
}

export class RecognitionEngine {
  /** Backend start + model fetch + warm-up, in ms. */
  loadMs = 0;

  private constructor(
    private readonly recognizer: Recognizer,
    readonly backend: string,
    readonly backendNote: string | undefined,
    readonly hasNgram: boolean,
  ) {}

  static async start(modelUrl: string, ngramUrl: string | undefined, preference: BackendPreference): Promise<RecognitionEngine> {
    const started = performance.now();
    const backend = await selectBackend(preference);
    const [classifier, ngram] = await Promise.all([loadClassifier(modelUrl), loadNgram(ngramUrl)]);
    let model: Classifier = classifier;
    if (backend.name === 'webgl') {
      const bucketed = new BucketedClassifier(classifier);
      bucketed.warmUp();
      model = bucketed;
    }
    const engine = new RecognitionEngine(new Recognizer(model, { ngram, batchSize: MAX_BATCH }), backend.name, backend.note, ngram !== undefined);
    engine.warmUpPath();
    engine.loadMs = performance.now() - started;
    return engine;
  }

  /** Pad characters (left to right, lines in order) read as words with context. */
  readSequence(chars: readonly CharacterInput[], opts: SequenceOptions): SequenceReading {
    if (chars.length === 0) return { text: '', chars: [] };
    try {
      const r = this.recognizer.recognizeSequence(chars, opts);
      return { text: r.text, chars: r.chars };
    } catch (err) {
      if (err instanceof BlankImageError) return { text: '', chars: chars.map(() => ({ text: '', candidates: [] })) };
      throw err;
    }
  }

  /** A picture of handwriting (a line or a page). Throws BlankImageError when nothing is readable. */
  readImage(image: GreyImage, opts: ReadOptions): ImageReading {
    const r = this.recognizer.recognizeText(image, opts);
    const boxes = r.lines.flatMap((line) =>
      line.words.flatMap((word) => word.chars.map((c, i) => ({ ...c.box, text: word.text[i] ?? c.candidates[0]?.label ?? '' }))),
    );
    return { text: r.text, boxes };
  }

  /** Once through the whole path with ink, so preprocessing and decoding are compiled by the JIT too. */
  private warmUpPath(): void {
    const bar = createGreyImage(24, 32);
    for (let y = 4; y < 28; y++) bar.data.fill(0, y * 24 + 10, y * 24 + 14);
    this.readSequence([{ image: bar }, { image: bar }], { charset: 'all', topK: 1, context: 'x' });
  }
}

/** The decoder's character n-gram; without it decoding still works (charset + geometry only). */
async function loadNgram(url: string | undefined): Promise<NgramModel | undefined> {
  if (!url) return undefined;
  try {
    const json: unknown = await (await fetchOk(new URL(url, location.href).toString())).json();
    return NgramModel.fromJson(json);
  } catch (err) {
    console.warn(`[inkwell] n-gram not loaded: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
