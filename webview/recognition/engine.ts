/**
 * The webview's recognition engine: starts a tfjs backend, loads the model (and the decoder's
 * n-gram) once, and reads pad characters and images through the core's Recognizer. UI code
 * talks only to this; the logic lives in core/ (recognizer, strokes, segment, decode).
 */
import { Box, createGreyImage, GreyImage } from '../../core/image';
import { CharClassifier } from '../../core/model';
import { BlankImageError, NormalizedCharacter, normalizeCharacter } from '../../core/preprocess';
import { FeatureClassifier, ProfileClassifier } from '../../core/profile/adapt';
import type { WriterProfile } from '../../core/profile/profile';
import { NgramModel } from '../../core/decode';
import { CharacterInput, Recognizer, StrokeReadOptions, StrokeRecognition, TextCandidate } from '../../core/recognizer';
import { Stroke } from '../../core/strokes';
import { BackendPreference, CharsetName } from '../../protocol/messages';
import { selectBackend } from './backend';
import { classifierFrom, fetchModelFiles, fetchOk } from './loadModel';

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
  /**
   * The characters in reading order with their alternatives (the decoder's choice first), one per box;
   * joined with their spaces and line breaks they give `text`.
   */
  readonly chars: readonly ImageCharacter[];
  /** What the classifier read for each of `chars` (crop and line frame): a correction teaches the profile with it. */
  readonly inputs: readonly CharacterInput[];
}

export interface ImageCharacter {
  readonly text: string;
  readonly candidates: readonly TextCandidate[];
  readonly spaceBefore: boolean;
  readonly lineBreakBefore: boolean;
}

/** Where the engine's files are, as the host's `init` gives them. */
export interface EngineUrls {
  readonly modelUrl: string;
  readonly ngramUrl?: string;
  readonly wasmDir: string;
}

export interface ReadOptions {
  /** Text before the cursor (decoding context). */
  readonly context?: string;
  /** The target document's identifiers and keywords, preferred over near-misses (built once per array). */
  readonly lexicon?: readonly string[];
  readonly charset: CharsetName;
  readonly topK: number;
}

export interface SequenceOptions extends ReadOptions {
  readonly spaceBefore?: readonly boolean[];
  readonly lineBreakBefore?: readonly boolean[];
}

/**
 * The one batch size the WebGL classifier runs at: inputs are padded up to it (and longer input
 * split into chunks of it). WebGL compiles shaders per input shape, about a second each under a
 * software GL; one shape compiled at load keeps every later word free of that stall.
 */
const WEBGL_BATCH = 8;

class FixedBatchClassifier implements FeatureClassifier {
  constructor(private readonly inner: CharClassifier) {}

  get labels(): readonly string[] {
    return this.inner.labels;
  }

  /** Without a profile only the probabilities are read back from the GPU: this is every pen-up's path. */
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    return this.inBatches(chars, (batch) => this.inner.probabilities(batch));
  }

  probabilitiesAndFeatures(chars: readonly NormalizedCharacter[]): { probabilities: Float32Array[]; features: Float32Array[] } {
    const both = this.inBatches(chars, (batch) => {
      const r = this.inner.probabilitiesAndFeatures(batch);
      return r.probabilities.map((p, i) => ({ p, f: r.features[i] }));
    });
    return { probabilities: both.map((x) => x.p), features: both.map((x) => x.f) };
  }

  /** `run` on chunks of WEBGL_BATCH, the last padded with blanks; one result per input character. */
  private inBatches<T>(chars: readonly NormalizedCharacter[], run: (batch: NormalizedCharacter[]) => T[]): T[] {
    const out: T[] = [];
    for (let i = 0; i < chars.length; i += WEBGL_BATCH) {
      const chunk = chars.slice(i, i + WEBGL_BATCH);
      const padded = [...chunk, ...Array.from({ length: WEBGL_BATCH - chunk.length }, () => this.blank())];
      out.push(...run(padded).slice(0, chunk.length));
    }
    return out;
  }

  warmUp(): void {
    this.probabilities([this.blank()]);
  }

  private blank(): NormalizedCharacter {
    const { inputSize, geometrySize } = this.inner.json;
    return { pixels: new Float32Array(inputSize * inputSize), geometry: new Float32Array(geometrySize), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
  }
}

export class RecognitionEngine {
  /** Backend start + model fetch + warm-up, in ms. */
  loadMs = 0;
  /** Where the load time went, for the log. */
  loadPhases = '';

  private recognizer: Recognizer;
  /** The network with the writer's profile, while there is one. */
  private profiled: ProfileClassifier | undefined;

  private constructor(
    /** The network alone; a writer's profile wraps it (setProfile). */
    private readonly network: FeatureClassifier,
    private readonly ngram: NgramModel | undefined,
    readonly backend: string,
    readonly backendNote: string | undefined,
  ) {
    this.recognizer = new Recognizer(network, { ngram });
  }

  get hasNgram(): boolean {
    return this.ngram !== undefined;
  }

  /** Reads with the writer's profile from now on (an empty profile: the network alone). */
  setProfile(profile: WriterProfile): void {
    // The samples the profile held before are not read again (a correction adds one or two).
    this.profiled = profile.samples.length > 0 ? new ProfileClassifier(this.network, profile, undefined, this.profiled) : undefined;
    this.recognizer = new Recognizer(this.profiled ?? this.network, { ngram: this.ngram });
  }

  /** The model's input for a character (what a profile sample keeps). */
  normalize(char: CharacterInput): NormalizedCharacter {
    return normalizeCharacter(char.image, { frame: char.frame });
  }

  /** One character and its alternatives, as the recognizer reads it now (with the profile). */
  readCharacter(char: CharacterInput, opts: ReadOptions): readonly TextCandidate[] {
    const r = this.recognizer.recognizeCharacters([char], opts)[0];
    return r.blank ? [] : r.candidates;
  }

  static async start(urls: EngineUrls, preference: BackendPreference): Promise<RecognitionEngine> {
    const started = performance.now();
    const phases: string[] = [];
    let last = started;
    const phase = (name: string) => {
      const now = performance.now();
      phases.push(`${name} ${Math.round(now - last)} ms`);
      last = now;
    };
    // The files download while the backend starts (WebGL checks, or the wasm binary).
    const files = Promise.all([fetchModelFiles(urls.modelUrl), loadNgram(urls.ngramUrl)]);
    files.catch(() => undefined); // awaited below; a backend failure first must not leave it unhandled
    const backend = await selectBackend(preference, urls.wasmDir);
    phase(`backend ${backend.name}`);
    const [modelFiles, ngram] = await files;
    const classifier = classifierFrom(modelFiles);
    phase('model + n-gram');
    // Pay for shader compilation (WebGL) and kernel set-up now, not on the first stroke.
    let model: FeatureClassifier = classifier;
    if (backend.name === 'webgl') {
      const fixed = new FixedBatchClassifier(classifier);
      fixed.warmUp();
      model = fixed;
    } else classifier.warmUp();
    phase('warm-up');
    const engine = new RecognitionEngine(model, ngram, backend.name, backend.note);
    engine.warmUpPath();
    phase('path warm-up');
    engine.loadMs = performance.now() - started;
    engine.loadPhases = phases.join(', ');
    return engine;
  }

  /** Pad strokes read through the one pad path (Recognizer.recognizeStrokes): characters, spaces, lines, text. */
  readStrokes(strokes: readonly Stroke[], opts: StrokeReadOptions): StrokeRecognition {
    return this.recognizer.recognizeStrokes(strokes, opts);
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
    const chars = r.lines.flatMap((line, li) =>
      line.words.flatMap((word, wi) =>
        word.chars.map((c, ci): ImageCharacter => {
          const text = word.text[ci] ?? c.candidates[0]?.label ?? '';
          const others = c.candidates.filter((x) => x.label !== text).map((x) => ({ text: x.label, p: x.p }));
          const own = c.candidates.find((x) => x.label === text);
          return { text, candidates: [{ text, p: own?.p ?? 0 }, ...others], spaceBefore: wi > 0 && ci === 0, lineBreakBefore: li > 0 && wi === 0 && ci === 0 };
        }),
      ),
    );
    const inputs = r.lines.flatMap((line) => line.words.flatMap((word) => word.chars.map((c) => c.crop)));
    return { text: r.text, boxes, chars, inputs };
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
