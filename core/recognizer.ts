/**
 * The recognition facade: one object that the CLI, the webview, the benchmarks and the tests
 * call to turn grey images into text. It ties the classifier to preprocessing, to decoding
 * (core/decode: charsets, n-gram context, case from geometry) and to text segmentation
 * (core/segment), and owns none of their logic.
 */
import { Box, GreyImage } from './image';
import type { Candidate } from './model';
import { BlankImageError, LineFrame, NormalizedCharacter, normalizeCharacter, PreprocessOptions } from './preprocess';
import { Charset, charGeometry, decodeCharacters, decodeWord, Lexicon, NgramModel, parseCharset, tooShortForLetter } from './decode';
import { DecodeContext } from './decode/context';
import { splitNameJoins } from './decode/lexicon';
import { consistentLine } from './decode/caseConsistency';
import type { WriterReferences } from './decode/caseGeometry';
import { Break, breaksOf, evenlySpacedNumbers, operatorSpaces, readsAsDigit, unwrittenSpaces } from './decode/spacing';
import { doubtfulSpacesToJoin, spaceInDoubt, textJoins } from './decode/doubtfulSpaces';
import { CharCrop, doubtfulWordGaps, joinWords, readText, TextLine } from './segment';
import { DOUBTFUL_SPACE, PadLineFrame, Stroke, StrokeCharacter, StrokeCharacters, strokesToCharacters } from './strokes';
import { boundsOf, unionBounds } from './strokes/types';
import { applyEdits, cutsByClassifier, GroupingEdit, joinedCharacter, mergeCandidates, TouchingCut, touchingCuts, wordAround } from './strokes/touching';
import { DIGITS, isLetterOrDigit } from './labels';
import { argmax } from './stats';
import { withTurnedReadings } from './turnedReadings';

/** What the recognizer needs from a classifier (CharClassifier satisfies it). */
export interface Classifier {
  readonly labels: readonly string[];
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[];
  /** Where the writer's small letters and capitals reach, when the classifier knows its writer (a profile). */
  readonly writerReferences?: WriterReferences;
}

export interface TextCandidate {
  readonly text: string;
  readonly p: number;
}

export interface Recognition {
  /** Best reading. */
  readonly text: string;
  /** Probability of `text` (for several characters: the geometric mean over them). */
  readonly confidence: number;
  /** Alternatives, best first, `text` first among them. */
  readonly candidates: readonly TextCandidate[];
}

/** One result of a batch: a blank image does not fail the whole batch. */
export type CharacterResult = (Recognition & { readonly blank?: false }) | { readonly blank: true; readonly error: BlankImageError };

/** Text from an image: the reading plus its structure (lines, words, per-character alternatives). */
export interface TextRecognition extends Recognition {
  readonly lines: readonly TextLine[];
  /** Quarter turn applied to read the page (clockwise degrees). */
  readonly orientation: 0 | 90 | 180 | 270;
  readonly skewDegrees: number;
}

/** A sequence of characters read as text (the pad): the text, and each input character's reading. */
export interface SequenceRecognition extends Recognition {
  /** One per input character, in input order; a blank one has text '' and no candidates. */
  readonly chars: readonly { readonly text: string; readonly candidates: readonly TextCandidate[] }[];
  /**
   * The spaces of `text`, per input character: the `spaceBefore` asked for, less those inside a name
   * the lexicon has (decode/lexicon.ts splitNameJoins). Whoever rebuilds the text from the characters
   * (the pad, after a pick) uses these.
   */
  readonly spaceBefore: readonly boolean[];
}

export interface SequenceOptions extends RecognizeOptions {
  /** spaceBefore[i]: a word break before character i (from the gaps between them). */
  readonly spaceBefore?: readonly boolean[];
  /** lineBreakBefore[i]: character i starts a new line. */
  readonly lineBreakBefore?: readonly boolean[];
}

export interface StrokeReadOptions extends RecognizeOptions {
  /** Pen width in pad pixels (the ink width setting). */
  readonly inkWidth?: number;
  /** The pad's ruled line, for a lone character whose letters show no frame of their own. */
  readonly guide?: PadLineFrame;
  /** The pad's ruled lines when it has several: each line of writing uses the nearest. */
  readonly guides?: readonly PadLineFrame[];
}

/** Pad strokes read as text: the reading, and the characters it read (boxes, strokes) in reading order. */
export interface StrokeRecognition extends SequenceRecognition {
  readonly grouped: StrokeCharacters;
}

export interface CharacterInput {
  readonly image: GreyImage;
  /** The writing line the character sits on, for case from size and position. */
  readonly frame?: LineFrame;
}

export interface RecognizeOptions {
  /** Number of candidates to return (default 3). */
  readonly topK?: number;
  /** `all|digits|letters|upper|lower|alnum` or explicit characters (core/decode/charset). */
  readonly charset?: string | Charset;
  /** Line frame for a lone character; a CharacterInput's own frame wins. */
  readonly frame?: LineFrame;
  /** Text before the cursor (~20 characters): primes the n-gram, e.g. "0x" before an O-like glyph. */
  readonly context?: string;
  /**
   * Identifiers of the file being edited and its language's keywords: preferred over near-misses in
   * words. A word list is built into a Lexicon once per array (the pad passes the same one on every pause).
   */
  readonly lexicon?: Lexicon | readonly string[];
  readonly polarity?: PreprocessOptions['polarity'];
}

export interface RecognizerOptions {
  /** Character n-gram for context decoding; without it decoding is charset + geometry only. */
  readonly ngram?: NgramModel;
  /** Characters classified per forward pass; bounds tensor memory on long batches. */
  readonly batchSize?: number;
  /** The language model's weight in reading pen strokes (default STROKES_LM_WEIGHT); for tuning it. */
  readonly strokesLmWeight?: number;
}

/** What the classifier made of one input: its normalised form and class probabilities. */
interface Classified {
  readonly normalized: NormalizedCharacter;
  readonly probs: Float32Array;
  /** The probabilities with the character also read turned (core/turnedReadings.ts), once asked for. */
  turned?: Float32Array;
}
/** Inputs already classified in one call (undefined: blank), so a character read twice is classified once. */
type ClassifiedMemo = Map<CharacterInput, Classified | undefined>;
/**
 * How characters are read: the frame and polarity of an input without its own; `turned`: also read
 * turned slightly either way (pen strokes' final reading, core/turnedReadings.ts).
 */
type ReadOptions = { readonly frame?: LineFrame; readonly polarity?: PreprocessOptions['polarity']; readonly turned?: boolean };

/**
 * Cost of each extra piece when the decoder weighs cutting touching pen letters (nats). 0.35 as the text
 * reader's until the model with the clump class, whose doubt of a whole already argues for a cut: traced
 * training families (`npx tsx bench/padAccuracy.ts --tune-lm`, at the shipped weight) CER 1.5% -> 1.4%
 * at 0.5 and 0.65; held out, `npm run bench:pad-accuracy` all groups 2.8% -> 2.7%, unseen 3.0% -> 2.9%.
 */
const PIECE_COST = 0.5;
/**
 * How much better (nats) the word must decode with two neighbours joined than apart. The decoder's
 * score still leans to fewer characters ("helh" scored above "hello" with its 'lo' joined), so a
 * join must win clearly (bench:pad-accuracy: 1.5 to 2.5 gave the same readings, 1.0 joined 'lo').
 */
const MERGE_MARGIN = 2;
/**
 * ...but only this where two letters join into a third character that the classifier reads at least
 * SURE_THIRD_CHARACTER (an m written as 'r' and 'n', whole at 0.91, decoded 1.6 nats better: "ernail";
 * a % whose rings read 'o' 'o'): something of its own, read surely, is no 'lo' swallowed into one of its
 * letters. Chosen on the training families' pad code lines (npx tsx bench/code.ts --training-families
 * --only pad: 2.7 / 2.4% -> 2.6 / 2.3%, `x 90 8` -> `x % 8`, `x ^ cj` -> `x ^ y`); without the
 * third-character condition a stop read 'o' joined the g after it (`mapget`), and with it a letter and
 * a symbol too, a %'s 'o' and '/' read 9.
 */
const THIRD_CHARACTER_MERGE_MARGIN = 1;
const SURE_THIRD_CHARACTER = 0.85;
/**
 * The same for two symbols that join into a letter (an x written as '>' and '<', each read at 0.95, the
 * x at 0.76): chosen on the traced training families (npx tsx bench/padAccuracy.ts --tune-lm, weight
 * 0.5: CER 1.7 -> 1.6%, character count right 95.3 -> 96.0% at 1.5 and at 1; 95.3% at 2), with the
 * whole held to JOINED_LETTER_SURENESS of the surer symbol (before: as sure as the less sure one).
 * npx tsx bench/code.ts: the pad's code lines read as before.
 */
const SYMBOLS_MERGE_MARGIN = 1.5;
/** How surely three neighbours joined must read as one symbol for the join to be weighed. */
const THREE_STROKE_SYMBOL_SURENESS = 0.5;
/** A middle character read as a letter at least this surely is not tried as part of such a symbol. */
const SURE_MIDDLE_LETTER = 0.9;
/**
 * Two letters join into one only where the whole reads at least this share as surely as the surer
 * of them. Chosen on the training families (bench:pad-accuracy --tune-lm's lines): CER 2.7% without
 * such joins, 2.1% at 1, 2.0% at 0.7, 0.5 and 0.3 alike; the strictest of the best, 2.2% once a letter
 * and a symbol were no longer joined (which read 'x|' as X). Refusing joins that read as one of the
 * two letters ('zy' as y) cost words there (93.1 -> 93.0%). With the clump model (a joined q and its
 * tail reads 0.63 beside the q's 0.99 alone: "q,uick" in most writings of the-girl-next-door), 0.5:
 * --tune-lm words 95.3 -> 95.4%, count right 97.0 -> 97.3%; held out (bench:pad-accuracy) the same.
 */
const JOINED_LETTER_SURENESS = 0.5;
/**
 * Symbols small enough to be a stroke of the letter beside them, which may join it as two letters do
 * (bench:pad-accuracy --tune-lm: words 92.7% -> 92.9%; held-out groups 90.0% -> 90.1%).
 */
const MARKS = ",.'`";
/** The classifier's best class of a character: a letter or digit, a mark (MARKS), a letter where a full stop stands; p 0 for a blank. */
interface TopReading {
  readonly label: string;
  readonly letter: boolean;
  readonly mark: boolean;
  readonly dot: boolean;
  readonly p: number;
}

/**
 * A letter and a symbol beside it (neither a mark) are tried as one character where the letter reads
 * below this: unkempt's x, written as a '>' and a '<' whose serifed foot read 'T' at 0.11, read
 * `id><`, and a k as a bar and a '<' read "fo" or "le". A sure letter beside a symbol stays apart
 * ('x|' is no X). On the training families' pad code lines (npx tsx bench/code.ts --training-families
 * --only pad) 3.0 / 2.6% -> 2.7 / 2.4% without / with the identifiers at 0.5 and 0.6 (0.4: one line
 * fewer; 0.8 one more there, but held out it cut grape-nuts' `[i]` into `C')`; always: worse).
 */
const UNSURE_LETTER_BESIDE_SYMBOL = 0.5;
/** ...and they join only where the whole reads a letter at least this surely (0.3 read the same). */
const SURE_LETTER_OF_SYMBOL_AND_LETTER = 0.5;

/** How much better a word must decode with two neighbours `a` and `b` joined into `whole` (MERGE_MARGIN, THIRD_CHARACTER_MERGE_MARGIN). */
function joinMargin(a: TopReading, b: TopReading, whole: TopReading): number {
  const third = a.letter && b.letter && whole.label !== a.label && whole.label !== b.label;
  return third && whole.p >= SURE_THIRD_CHARACTER ? THIRD_CHARACTER_MERGE_MARGIN : MERGE_MARGIN;
}

/** Two neighbours read as the same symbol, neither a mark (`]]`, `))`): never joined (chooseEdits). */
function likeSymbols(a: TopReading, b: TopReading): boolean {
  return !a.letter && !b.letter && !a.mark && !b.mark && a.label === b.label;
}

/** A letter read below UNSURE_LETTER_BESIDE_SYMBOL beside a symbol that is not a mark, for chooseEdits' joins. */
function symbolBesideUnsureLetter(a: TopReading, b: TopReading): boolean {
  if (a.letter === b.letter || a.mark || b.mark) return false;
  return (a.letter ? a.p : b.p) < UNSURE_LETTER_BESIDE_SYMBOL;
}
/** A full stop is no larger than this (x-heights, either side, pen included). */
const DOT_SIZE = 0.2;

/** A reading sure of one class. */
function oneHot(length: number, index: number): Float32Array {
  const p = new Float32Array(length);
  p[index] = 1;
  return p;
}

/**
 * Whether a character's ink stands where a full stop does: too low on its line for a letter, its middle
 * not under the baseline (a speck under a letter's foot is the letter's: finger-paint's traced V), and no
 * larger than DOT_SIZE either way (a 2's curl drawn apart is larger); its width from its box's aspect.
 */
function standsAsFullStop(geometry: ArrayLike<number>, box: Box): boolean {
  const g = charGeometry(geometry);
  if (g === null || !tooShortForLetter(g) || g.top + g.bottom < 0) return false;
  const high = g.top - g.bottom;
  const wide = (high * (box.right - box.left)) / Math.max(1e-6, box.bottom - box.top);
  return Math.max(high, wide) <= DOT_SIZE;
}
/** The ticks a double quote is written with. */
const TICKS = "'`";

/**
 * The language model's weight in the reading of pen strokes (core/decode's default, 0.25, is the
 * images'): a pen's centre lines drawn at one width are further from what the classifier learned than
 * an image is, its readings less sure, so context settles more. Chosen by `npm run bench:pad-accuracy
 * -- --tune-lm` on traced *training* families (never the held-out report): CER 3.6 / 3.1 / 2.8 / 2.8%
 * at 0.25 / 0.35 / 0.5 / 0.7; 0.5 is the lowest weight of that plateau. (The grouping decisions keep
 * the default weight: theirs are scored against piece costs tuned with it.)
 */
export const STROKES_LM_WEIGHT = 0.5;

const DEFAULT_TOP_K = 3;
const DEFAULT_BATCH = 64;
const MAX_TOP_K = 62;

export class Recognizer {
  private readonly batchSize: number;
  private readonly ngram?: NgramModel;
  private readonly strokesLmWeight: number;

  constructor(
    readonly classifier: Classifier,
    options: RecognizerOptions = {},
  ) {
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));
    this.ngram = options.ngram;
    this.strokesLmWeight = options.strokesLmWeight ?? STROKES_LM_WEIGHT;
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

  /**
   * Many independent characters in batched forward passes (each decoded alone, with the same
   * charset and context); a blank image gives `{ blank: true }` in its slot. The n-gram is used
   * only with a context: a lone character has no neighbours, and a word-start prior alone would
   * only tilt shapes toward common letters.
   */
  recognizeCharacters(inputs: readonly (GreyImage | CharacterInput)[], opts: RecognizeOptions = {}): CharacterResult[] {
    const topK = clampTopK(opts.topK);
    const charset = parseCharsetOption(opts.charset);
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
      const word = decodeWord([p], this.labels, {
        charset,
        context: opts.context,
        ngram: opts.context ? this.ngram : undefined,
        geometry: [charGeometry(normalized[j].geometry)],
        writerReferences: this.classifier.writerReferences,
        topK,
      });
      const ch = word.chars[0];
      results[slots[j]] = { text: ch.label, confidence: ch.p, candidates: ch.candidates.map((c) => ({ text: c.label, p: c.p })) };
    });
    return results;
  }

  /**
   * Characters in reading order (the pad's strokes grouped into characters, with their line
   * frames) read as words and lines: each word decoded jointly with the text before it (the
   * context, then the words already read), so neighbours settle 1/l/I, 0/o/O and case.
   */
  recognizeSequence(inputs: readonly CharacterInput[], opts: SequenceOptions = {}): SequenceRecognition {
    return this.readSequence(inputs, opts, new Map());
  }

  /** recognizeSequence, reusing what `memo` already holds of the inputs' classification. */
  private readSequence(inputs: readonly CharacterInput[], opts: SequenceOptions, memo: ClassifiedMemo, lmWeight?: number, turned = false): SequenceRecognition {
    const n = inputs.length;
    for (const [name, flags] of [['spaceBefore', opts.spaceBefore], ['lineBreakBefore', opts.lineBreakBefore]] as const) {
      if (flags && flags.length !== n) throw new Error(`${name} has ${flags.length} entries for ${n} characters.`);
    }
    const topK = clampTopK(opts.topK);
    const charset = parseCharsetOption(opts.charset);
    const lexicon = lexiconOption(opts.lexicon);
    const classified = this.classify(inputs, { frame: opts.frame, polarity: opts.polarity, turned }, memo);
    const normalized = classified.map((c) => c?.normalized);
    const present = normalized.flatMap((c, i) => (c ? [i] : []));
    if (present.length === 0) throw new BlankImageError();
    const probs = present.map((i) => classified[i]!.probs);
    // Lines of present characters; a break or space on a blank character carries to the next one.
    const lines: { index: number; space: boolean }[][] = [];
    let pendingSpace = false;
    let pendingBreak = true;
    inputs.forEach((_, i) => {
      pendingSpace ||= opts.spaceBefore?.[i] ?? false;
      pendingBreak ||= opts.lineBreakBefore?.[i] ?? false;
      if (!normalized[i]) return;
      if (pendingBreak) lines.push([]);
      lines[lines.length - 1].push({ index: i, space: pendingSpace && !pendingBreak });
      pendingSpace = pendingBreak = false;
    });
    const probOf = new Map(present.map((i, j) => [i, probs[j]]));
    const chars: { text: string; candidates: TextCandidate[] }[] = inputs.map(() => ({ text: '', candidates: [] }));
    const context = new DecodeContext(opts.context);
    let lnConf = 0;
    /** Input indices whose space went: a joined word's first character and any blank ones before it. */
    const joined = new Set<number>();
    const texts = lines.map((line) => {
      const decoded = decodeCharacters(
        line.map((c) => probOf.get(c.index)!),
        this.labels,
        {
          charset,
          context: context.recent,
          ngram: this.ngram,
          lmWeight,
          lexicon,
          // As in images: agreement weighs more alternatives than are shown (a foot-l ranked 4th still counts).
          topK: Math.max(topK, AGREEMENT_CANDIDATES),
          spaceBefore: line.map((c) => c.space),
          geometry: line.map((c) => charGeometry(normalized[c.index]!.geometry)),
          writerReferences: this.classifier.writerReferences,
        },
      );
      // Case and digits made to agree within each word and the line ("BuTToN", "2oo9").
      const words: { text: string; candidates: TextCandidate[]; k: number }[][] = [];
      decoded.chars.forEach((d, k) => {
        if (k === 0 || line[k].space) words.push([]);
        words[words.length - 1].push({ text: d.label, candidates: d.candidates.map((c) => ({ text: c.label, p: c.p })), k });
        lnConf += Math.log(Math.max(d.p, 1e-12));
      });
      const agreed = consistentLine(words, allowedBy(charset));
      words.forEach((w, wi) => w.forEach((c, ci) => {
        const shown = shownCandidates(decoded.chars[c.k].candidates, agreed[wi][ci], topK);
        chars[line[c.k].index] = { text: agreed[wi][ci], candidates: shown.map((x) => ({ text: x.label, p: x.p })) };
      }));
      // A name the document has, written with a gap inside it (`c ount++`), is one word.
      const joins = lexicon ? splitNameJoins(agreed, lexicon) : [];
      joins.forEach((join, wi) => {
        if (!join) return;
        const previous = words[wi - 1];
        for (let i = line[previous[previous.length - 1].k].index + 1; i <= line[words[wi][0].k].index; i++) joined.add(i);
      });
      const text = agreed.map((w, wi) => (wi === 0 ? '' : joins[wi] ? '' : ' ') + w).join('');
      context.add(text + '\n');
      return text;
    });
    const text = texts.join('\n');
    const confidence = Math.exp(lnConf / present.length);
    const spaceBefore = inputs.map((_, i) => (opts.spaceBefore?.[i] ?? false) && !joined.has(i));
    return { text, confidence, candidates: [{ text, p: confidence }], chars, spaceBefore };
  }

  /**
   * The pad's one path from strokes to text (the pad, its benches and tests all call it): strokes
   * grouped into characters, spaces and lines (core/strokes), wide characters cut between touching
   * letters and a letter's pieces joined where the words read better so (chooseEdits), then read as
   * a sequence. Each character is classified once per call (`memo`).
   */
  recognizeStrokes(strokes: readonly Stroke[], opts: StrokeReadOptions = {}): StrokeRecognition {
    const memo: ClassifiedMemo = new Map();
    // Grouping weighs readings as written; the characters it settles on are read turned too.
    const read = { frame: opts.frame, polarity: opts.polarity };
    const apart = strokesToCharacters(strokes, { inkWidth: opts.inkWidth, guide: opts.guide, guides: opts.guides });
    // Every character in one batch now: the cuts, the edits and the final reading reuse it.
    this.classify(apart.characters, read, memo);
    const cuts = touchingCuts(apart, (inputs) => this.sureness(inputs, read, memo));
    const hugged = this.withoutHuggedSpaces(applyEdits(apart, this.chooseEdits(apart, cuts, opts, read, memo)), read, memo);
    const grouped = this.withoutDoubtfulSpaces(hugged, opts, read, memo);
    const blank = { text: '', confidence: 0, candidates: [], chars: grouped.characters.map(() => ({ text: '', candidates: [] })), spaceBefore: grouped.spaceBefore, grouped };
    if (grouped.characters.length === 0) return blank;
    try {
      const r = this.readSequence(grouped.characters, { ...opts, spaceBefore: grouped.spaceBefore, lineBreakBefore: grouped.lineBreakBefore }, memo, this.strokesLmWeight, true);
      // The grouping's spaces as read: a name the file has, written with a gap, is one word.
      return { ...r, grouped: { ...grouped, spaceBefore: [...r.spaceBefore] } };
    } catch (err) {
      if (err instanceof BlankImageError) return blank;
      throw err;
    }
  }

  /**
   * Which touching letters to cut, and which neighbours to join. Without a language model, cuts where
   * the classifier reads the pieces surer than the whole, and no joins; with one, the word around each
   * candidate is decoded whole and in each of the classifier's best cuttings (TouchingCut.alternatives),
   * or joined and apart, and the better reading wins, less PIECE_COST per extra piece
   * ("Promise" written in one go beats "PrMe": an i and an s read unsurely apart but spell a word; an
   * x written as '>' and '<' reads "index", not "inde><"; an m read surely whole stays whole).
   */
  private chooseEdits(grouped: StrokeCharacters, cuts: readonly TouchingCut[], opts: SequenceOptions, read: ReadOptions, memo: ClassifiedMemo): GroupingEdit[] {
    const byClassifier = cutsByClassifier(cuts);
    if (!this.ngram) return byClassifier;
    const edits = new Map(byClassifier.map((e) => [e.index, e]));
    const charset = parseCharsetOption(opts.charset);
    const lexicon = lexiconOption(opts.lexicon);
    /** The decoder's score of the word around `index` with `edit` made there (or none), the other edits as they stand. */
    const score = (index: number, edit: GroupingEdit | undefined): number => decodeAround(index, edit).score;
    /** The same, with the decoded word and where the character at `index` (or the edit's first) stands in it. */
    const decodeAround = (index: number, edit: GroupingEdit | undefined): { score: number; text: string; at: number } => {
      const { from, to } = wordAround(grouped, index);
      const members: StrokeCharacter[] = [];
      let at = -1;
      for (let i = from; i < to; ) {
        const e = i === index ? edit : edits.get(i);
        if (i === index) at = members.length;
        members.push(...(e ? e.characters : [grouped.characters[i]]));
        i += e ? e.count : 1;
      }
      const classified = this.classify(members, read, memo);
      if (classified.some((c) => !c)) return { score: -Infinity, text: '', at };
      const decoded = decodeWord(classified.map((c) => c!.probs), this.labels, {
        charset,
        ngram: this.ngram,
        lexicon,
        context: from === 0 ? opts.context : undefined,
        geometry: classified.map((c) => charGeometry(c!.normalized.geometry)),
        writerReferences: this.classifier.writerReferences,
        scoreOnly: true,
      });
      return { score: decoded.score - PIECE_COST * members.length, text: decoded.text, at: [...decoded.text].length === members.length ? at : -1 };
    };
    for (const cut of cuts) {
      // The whole, or whichever of the classifier's best cuttings its word decodes best with.
      let best: { edit: GroupingEdit | undefined; score: number } = { edit: undefined, score: score(cut.index, undefined) };
      for (const pieces of cut.alternatives) {
        const edit = { index: cut.index, count: 1, characters: pieces };
        const s = score(cut.index, edit);
        if (s > best.score) best = { edit, score: s };
      }
      if (best.edit) edits.set(cut.index, best.edit);
      else edits.delete(cut.index);
    }
    /** The classifier's best class of a character (TopReading). */
    const top = (c: StrokeCharacter): TopReading => {
      const [k] = this.classify([c], read, memo);
      if (!k) return { label: '', letter: false, mark: false, dot: false, p: 0 };
      const best = argmax(k.probs);
      const label = this.labels[best] ?? '';
      const letter = isLetterOrDigit(label);
      return { label, letter, mark: label.length === 1 && MARKS.includes(label), dot: letter && standsAsFullStop(k.normalized.geometry, c.box), p: k.probs[best] };
    };
    /** Whether an edit (a cut, a join) takes character `i`. */
    const covered = (i: number) => [...edits.values()].some((e) => i >= e.index && i < e.index + e.count);
    // A character cut in two may be part of a symbol with its neighbour instead: kalam's % on the pad, its
    // slash and top ring one stroke (read '7') and its bottom ring another, was cut '0' '7' beside 'o'
    // (`y = x 070 8;`). Where the uncut character and a neighbour read as one symbol whole (not a letter or
    // mark: those are the pairs' below), the join replaces the cut if the word decodes better by a pair's
    // margin (less for a symbol read surely, as for a third character). The wholes are read in one batch.
    const cutJoins = cuts.flatMap((cut) => [cut.index, cut.index - 1].flatMap((index) => {
      const other = index === cut.index ? index + 1 : index;
      if (index < 0 || index + 1 >= grouped.characters.length || grouped.spaceBefore[index + 1] || grouped.lineBreakBefore[index + 1] || covered(other)) return [];
      const merge = joinedCharacter(grouped, [grouped.characters[index], grouped.characters[index + 1]]);
      return merge ? [{ cut: cut.index, index, other, merged: merge() }] : [];
    }));
    this.classify(cutJoins.map((j) => j.merged), read, memo);
    const joinedCuts = new Set<number>();
    for (const { cut: i, index, other, merged } of cutJoins) {
      // One join per cut, and none over a character an earlier join took.
      if (joinedCuts.has(i) || covered(other)) continue;
      const whole = top(merged);
      if (whole.letter || whole.mark || whole.p < THREE_STROKE_SYMBOL_SURENESS) continue;
      const edit = { index, count: 2, characters: [merged] };
      const margin = whole.p >= SURE_THIRD_CHARACTER ? THIRD_CHARACTER_MERGE_MARGIN : MERGE_MARGIN;
      if (score(index, edit) > score(i, edits.get(i)) + margin) {
        edits.delete(i);
        edits.set(index, edit);
        joinedCuts.add(i);
      }
    }
    // Joins of neighbours that were not cut, left to right, never two sharing a character, where the
    // whole reads as a letter or digit (from two letters, as anything): two symbols (an x written as
    // '>' and '<') or two letters where it reads at least JOINED_LETTER_SURENESS as surely as the
    // surer, the symbols by a smaller margin
    // (SYMBOLS_MERGE_MARGIN) (an m written as 'r' and 'n': "Prornise" reads "Promise"; an i beside an l
    // stays apart however the language model likes 'whle'). A letter and a symbol join only where the
    // symbol is a mark (the tail of a q written apart read ',': "q,uick") or the letter is unsure
    // (symbolBesideUnsureLetter: an x as '>' and a '<' read 'T'); an x beside a bar stays 'x|', not 'X'.
    // Two like symbols side by side (`]]`, `))`, `||`) are two characters, never the letter their
    // whole resembles: kranky's serifed `ll`, read `]]`, joined into 'M' ("heMo") before the line's
    // steps could read each unopened `]` as the l it is (decode/caseConsistency.ts).
    // The pairs worth reading whole are rendered and read in one batch (one call of the network each
    // cost more than the reading itself on the pad's backends).
    const pairs = mergeCandidates(grouped).flatMap(({ index, merge }) => {
      if (covered(index) || covered(index + 1)) return [];
      const a = top(grouped.characters[index]), b = top(grouped.characters[index + 1]);
      if (likeSymbols(a, b)) return [];
      return a.letter !== b.letter && !a.mark && !b.mark && !symbolBesideUnsureLetter(a, b) ? [] : [{ index, a, b, merged: merge() }];
    });
    this.classify(pairs.map((p) => p.merged), read, memo);
    let taken = -1;
    for (const { index, a, b, merged } of pairs) {
      if (index <= taken) continue;
      const whole = top(merged);
      // Against the surer letter of the two (a mark's sureness says nothing of the letter it belongs to).
      // Two symbols, neither a mark (an x written as '>' and '<').
      const symbols = !a.letter && !b.letter && !a.mark && !b.mark;
      const least = a.letter || b.letter ? JOINED_LETTER_SURENESS * Math.max(a.letter ? a.p : 0, b.letter ? b.p : 0) : symbols ? JOINED_LETTER_SURENESS * Math.max(a.p, b.p) : Math.min(a.p, b.p);
      // Two letters may join into what the classifier calls a symbol: a t whose bar crosses at the
      // x-height reads '+' whole, and the word decides (gochi-hand's t drawn in two pieces read "Jr").
      // Two ticks whose whole reads " are its two strokes (gochi-hand's "key" read ''key'').
      const quote = TICKS.includes(a.label) && TICKS.includes(b.label) && whole.label === '"';
      if ((!whole.letter && !(a.letter && b.letter) && !quote) || whole.p < least) continue;
      if (symbolBesideUnsureLetter(a, b) && whole.p < SURE_LETTER_OF_SYMBOL_AND_LETTER) continue;
      // A dot where a full stop stands read as a letter (a full stop read 'o') joins a neighbour only into
      // a symbol (the point of a '!'), not into the neighbour's letter ("$5.99" read "$599").
      if ((a.dot || b.dot) && whole.letter) continue;
      const edit = { index, count: 2, characters: [merged] };
      const joined = decodeAround(index, edit);
      // Two symbols join as the letter they make, or not at all: '(' and a 1 read '/' inside its arc, whole
      // 'C' to the classifier, decoded '(' (`h(1)` read `h()`).
      if (symbols && !isLetterOrDigit([...joined.text][joined.at] ?? '')) continue;
      if (joined.score > score(index, undefined) + (symbols ? SYMBOLS_MERGE_MARGIN : joinMargin(a, b, whole))) {
        edits.set(index, edit);
        taken = index + 1;
      }
    }
    // A letter and the first piece of a cut after it may be one letter, as two neighbours may: the-girl-
    // next-door's m, its stem written apart from its arches and the arches touching the a after them, was
    // cut "rn" "a" and the stem left alone ("rnain"). Joined where the whole reads as a letter as surely
    // as a pair must, and the word decodes better by the pair's margin.
    for (const cut of [...edits.values()]) {
      const i = cut.index;
      if (cut.count !== 1 || cut.characters.length < 2 || i === 0 || grouped.spaceBefore[i] || grouped.lineBreakBefore[i] || covered(i - 1)) continue;
      const before = grouped.characters[i - 1];
      const merge = before.line === cut.characters[0].line ? joinedCharacter(grouped, [before, cut.characters[0]]) : null;
      if (!merge) continue;
      const a = top(before), b = top(cut.characters[0]);
      if (!a.letter || !b.letter) continue;
      const merged = merge();
      const whole = top(merged);
      if (!whole.letter || whole.p < JOINED_LETTER_SURENESS * Math.max(a.p, b.p)) continue;
      const edit = { index: i - 1, count: 2, characters: [merged, ...cut.characters.slice(1)] };
      if (score(i - 1, edit) > score(i - 1, undefined) + joinMargin(a, b, whole)) {
        edits.delete(i);
        edits.set(i - 1, edit);
      }
    }
    // Then three neighbours none of those edits touched, where the whole reads as a symbol written in
    // three strokes (a % as 'o' '/' 'o': "y = x Olo 8;").
    const untouched = (index: number) => !covered(index) && !covered(index + 1) && !covered(index + 2);
    const triples = mergeCandidates(grouped, 3).flatMap(({ index, merge }) => {
      if (!untouched(index)) return [];
      // A sure letter in the middle is no such symbol's stroke: spares rendering most triples of a word.
      const middle = top(grouped.characters[index + 1]);
      return middle.letter && middle.p >= SURE_MIDDLE_LETTER ? [] : [{ index, merged: merge() }];
    });
    this.classify(triples.map((t) => t.merged), read, memo);
    for (const { index, merged } of triples) {
      // A triple taken just before may overlap this one.
      if (!untouched(index)) continue;
      const whole = top(merged);
      if (whole.letter || whole.mark || whole.p < THREE_STROKE_SYMBOL_SURENESS) continue;
      // A symbol of three strokes is none of them: a ')' read whole from '/' ')' ')' swallows two.
      if ([0, 1, 2].some((k) => top(grouped.characters[index + k]).label === whole.label)) continue;
      const edit = { index, count: 3, characters: [merged] };
      if (score(index, edit) > score(index, undefined) + MERGE_MARGIN) edits.set(index, edit);
    }
    return [...edits.values()];
  }

  /** The grouping without the spaces that code and prose never write, nor those inside a number (decode/spacing.ts). */
  private withoutHuggedSpaces(grouped: StrokeCharacters, read: ReadOptions, memo: ClassifiedMemo): StrokeCharacters {
    const classified = this.classify(grouped.characters, read, memo);
    const n = grouped.characters.length;
    const lineBreak = (i: number) => grouped.lineBreakBefore[i];
    const before = breaksOf(n, (i) => grouped.spaceBefore[i], lineBreak);
    // A dot where a full stop stands is one, whatever its shape read as (swanky's read '@' at 0.31: `map .get`).
    const stop = this.labels.indexOf('.');
    const asWritten = classified.map((k, i) => (k && stop >= 0 && standsAsFullStop(k.normalized.geometry, grouped.characters[i].box) ? oneHot(k.probs.length, stop) : k?.probs));
    const unwritten = unwrittenSpaces(asWritten, this.labels, before);
    for (const line of grouped.lines) {
      const idx = line.characterIndices;
      const gaps = gapsOf(grouped, idx);
      const breaks = new Set(idx.slice(1).flatMap((i, k) => (before[i] === 'space' && !unwritten.has(i) ? [k] : [])));
      const digits = idx.map((i) => readsAsDigit(classified[i]?.probs, this.labels));
      for (const k of evenlySpacedNumbers(gaps, breaks, digits)) unwritten.add(idx[k + 1]);
    }
    const kept = grouped.spaceBefore.map((space, i) => space && !unwritten.has(i));
    // And those a binary operator misses on one side (`a!= b`), judged on the spaces as they now stand.
    const missing = operatorSpaces(classified.map((k) => k?.probs), this.labels, breaksOf(n, (i) => kept[i], lineBreak));
    const spaceBefore = kept.map((space, i) => space || missing.has(i));
    return spaceBefore.some((space, i) => space !== grouped.spaceBefore[i]) ? { ...grouped, spaceBefore } : grouped;
  }

  /**
   * The grouping without the spaces whose gaps are in doubt (under strokes/spaces.ts DOUBTFUL_SPACE) where the
   * words on either side read better as one (decode/doubtfulSpaces.ts): `c ount++;`, `item s.push`.
   */
  private withoutDoubtfulSpaces(grouped: StrokeCharacters, opts: SequenceOptions, read: ReadOptions, memo: ClassifiedMemo): StrokeCharacters {
    if (!this.ngram) return grouped;
    const doubtful = new Set<number>();
    const classified = this.classify(grouped.characters, read, memo);
    // Numbers are written spaced wider than words (a hand's 2026 has gaps as wide as its spaces): a space
    // with no digit beside it is in doubt against the gaps inside words with no digit beside them either,
    // a space beside a digit against every gap inside a word.
    // npx tsx bench/padAccuracy.ts: "while idx2 2026" read "whileidx2 2026", none worse; --tune-lm (training
    // families) words 96.3 -> 96.4%; npx tsx bench/code.ts --only pad as before.
    const digit = classified.map((k) => k !== undefined && DIGITS.includes(this.labels[argmax(k.probs)] ?? ' '));
    for (const line of grouped.lines) {
      const idx = line.characterIndices;
      const gaps = gapsOf(grouped, idx);
      const besideDigit = gaps.map((_, k) => digit[idx[k]] || digit[idx[k + 1]]);
      const inside = gaps.filter((_, k) => !grouped.spaceBefore[idx[k + 1]]);
      const inDoubt = spaceInDoubt(inside, DOUBTFUL_SPACE);
      const inDoubtAwayFromDigits = spaceInDoubt(gaps.filter((_, k) => !grouped.spaceBefore[idx[k + 1]] && !besideDigit[k]), DOUBTFUL_SPACE);
      gaps.forEach((g, k) => {
        if (grouped.spaceBefore[idx[k + 1]] && (besideDigit[k] ? inDoubt(g) : inDoubtAwayFromDigits(g))) doubtful.add(idx[k + 1]);
      });
    }
    if (doubtful.size === 0) return grouped;
    // Blank characters (none survive grouping but a dot too small to render) take no part.
    const present = classified.flatMap((k, i) => (k ? [i] : []));
    const before = breaksOf(grouped.characters.length, (i) => grouped.spaceBefore[i], (i) => grouped.lineBreakBefore[i]);
    const joins = doubtfulSpacesToJoin(
      present.map((i) => ({ probs: classified[i]!.probs, geometry: charGeometry(classified[i]!.normalized.geometry) })),
      present.map((i, j) => carriedBreak(before, j === 0 ? -1 : present[j - 1], i)),
      new Set(present.flatMap((i, j) => (doubtful.has(i) ? [j] : []))),
      this.labels,
      this.ngram,
      { charset: parseCharsetOption(opts.charset), lexicon: lexiconOption(opts.lexicon), context: opts.context, writerReferences: this.classifier.writerReferences },
    );
    if (joins.size === 0) return grouped;
    const spaceBefore = [...grouped.spaceBefore];
    for (const j of joins) spaceBefore[present[j]] = false;
    return { ...grouped, spaceBefore };
  }

  /** Each input normalised and classified, in one batch for those `memo` does not hold yet; undefined where blank. */
  private classify(inputs: readonly CharacterInput[], read: ReadOptions, memo: ClassifiedMemo): (Classified | undefined)[] {
    const todo: { input: CharacterInput; normalized: NormalizedCharacter }[] = [];
    for (const input of inputs) {
      if (memo.has(input)) continue;
      // Blank until classified (an input listed twice is normalised once).
      memo.set(input, undefined);
      try {
        todo.push({ input, normalized: normalizeCharacter(input.image, { frame: input.frame ?? read.frame, polarity: read.polarity }) });
      } catch (err) {
        if (!(err instanceof BlankImageError)) throw err;
      }
    }
    if (todo.length > 0) this.probabilities(todo.map((t) => t.normalized)).forEach((probs, j) => memo.set(todo[j].input, { normalized: todo[j].normalized, probs }));
    if (!read.turned) return inputs.map((input) => memo.get(input));
    const unturned = [...new Set(inputs.map((input) => memo.get(input)).filter((k): k is Classified => !!k && !k.turned))];
    if (unturned.length > 0) {
      const turned = withTurnedReadings(unturned.map((k) => k.normalized), unturned.map((k) => k.probs), (chars) => this.probabilities(chars));
      unturned.forEach((k, j) => (k.turned = turned[j]));
    }
    return inputs.map((input) => {
      const k = memo.get(input);
      return k && { normalized: k.normalized, probs: k.turned! };
    });
  }

  /** Log of the classifier's top probability per character (-Infinity for a blank image). */
  private sureness(inputs: readonly CharacterInput[], read: ReadOptions, memo: ClassifiedMemo): number[] {
    return this.classify(inputs, read, memo).map((c) => (c ? Math.log(Math.max(1e-12, Math.max(...c.probs))) : -Infinity));
  }

  /**
   * Handwritten text (a line or a page) to text with spaces and line breaks.
   * Throws BlankImageError, with the segmenter's reason, when nothing readable is found.
   */
  recognizeText(image: GreyImage, opts: RecognizeOptions = {}): TextRecognition {
    const topK = clampTopK(opts.topK);
    const charset = parseCharsetOption(opts.charset);
    const lexicon = lexiconOption(opts.lexicon);
    const result = readText(image, (crops) => this.scoreCrops(crops), this.labels, {
      // Case and digit agreement weighs more alternatives than are shown: whether "l963" reads 1963
      // must not depend on how many candidates the caller asked to see.
      topK: Math.max(topK, AGREEMENT_CANDIDATES),
      context: opts.context,
      decodeWord: (charProbs, labels, o) => decodeWord(charProbs, labels, { ...o, charset, ngram: this.ngram, lexicon, topK, writerReferences: this.classifier.writerReferences }),
    });
    if (result.lines.length === 0 || result.text.length === 0) throw new BlankImageError(result.message);
    // Case and digits made to agree within each word and line ("BuTToN", "2oo9").
    const allowed = allowedBy(charset);
    const readSoFar = new DecodeContext(opts.context);
    const lines = result.lines.map((line) => {
      const readings = line.words.map((w) => w.chars.map((c, i) => ({ text: w.text[i] ?? '', candidates: c.candidates.map((x) => ({ text: x.label, p: x.p })) })));
      const agreed = consistentLine(readings, allowed);
      const words = line.words.map((w, i) => {
        const text = w.text.length === w.chars.length ? agreed[i] : w.text;
        return { ...w, text, chars: w.chars.map((c, j) => ({ ...c, candidates: shownCandidates(c.candidates, text[j], topK) })) };
      });
      // A name the document has, written with a gap inside it (`c ount++`), is one word; so is what the
      // n-gram reads better whole where the gap is in doubt.
      const named = lexicon ? joinWords(words, splitNameJoins(words.map((w) => w.text), lexicon)) : words;
      const joined = this.ngram ? joinWords(named, textJoins(named.map((w) => w.text), doubtfulWordGaps(named), this.ngram, readSoFar.recent)) : named;
      const text = joined.map((w) => w.text).join(' ');
      readSoFar.add(text + '\n');
      return { ...line, words: joined, text };
    });
    const text = lines.map((l) => l.text).join('\n');
    return {
      text,
      confidence: result.confidence,
      candidates: [{ text, p: result.confidence }],
      lines,
      orientation: result.orientation,
      skewDegrees: result.skewDegrees,
    };
  }

  /** Class probabilities (label order = this.labels) for already-normalised characters, batched. */
  probabilities(chars: readonly NormalizedCharacter[]): Float32Array[] {
    const out: Float32Array[] = [];
    for (let i = 0; i < chars.length; i += this.batchSize) {
      out.push(...this.classifier.probabilities(chars.slice(i, i + this.batchSize)));
    }
    return out;
  }

  /** The segmenter's classifier callback; a crop too faint to normalise gets a flat distribution. */
  private scoreCrops(crops: readonly CharCrop[]): Float32Array[] {
    const n = this.labels.length;
    return this.classify(crops, {}, new Map()).map((c) => c?.probs ?? new Float32Array(n).fill(1 / n));
  }
}

/** Gaps between a line's characters (`idx`, in order) as grouped, upright when the line leans. */
function gapsOf(grouped: StrokeCharacters, idx: readonly number[]): number[] {
  const extents = idx.map((i) => unionBounds(grouped.characters[i].parts.map(boundsOf)));
  return idx.slice(1).map((_, k) => extents[k + 1].left - extents[k].right);
}

/** The break before character `to` with those of the blank characters after `from` carried to it: a line break over a space. */
function carriedBreak(before: readonly Break[], from: number, to: number): Break {
  const carried = before.slice(from + 1, to + 1);
  return from < 0 || carried.includes('line') ? 'line' : carried.includes('space') ? 'space' : 'none';
}

/** Whether a label may be answered under the charset (all when none was given). */
function allowedBy(charset: Charset | undefined): (label: string) => boolean {
  return (label) => !charset || charset.chars === null || charset.chars.has(label);
}

function parseCharsetOption(charset: string | Charset | undefined): Charset | undefined {
  return charset === undefined ? undefined : typeof charset === 'string' ? parseCharset(charset) : charset;
}

const builtLexicons = new WeakMap<readonly string[], Lexicon>();

function lexiconOption(lexicon: Lexicon | readonly string[] | undefined): Lexicon | undefined {
  if (lexicon === undefined || lexicon instanceof Lexicon) return lexicon;
  if (!Array.isArray(lexicon)) throw new Error('lexicon must be a list of words.');
  let built = builtLexicons.get(lexicon);
  if (!built) builtLexicons.set(lexicon, (built = Lexicon.from(lexicon)));
  return built;
}

/** Alternatives per character that case and digit agreement may choose from (core/decode/caseConsistency.ts). */
const AGREEMENT_CANDIDATES = 8;

/** The first `k` candidates, the chosen character among them (in place of the last) when agreement picked one further down. */
function shownCandidates(candidates: readonly Candidate[], chosen: string | undefined, k: number): Candidate[] {
  const shown = candidates.slice(0, k);
  if (chosen === undefined || shown.some((c) => c.label === chosen)) return shown;
  const picked = candidates.find((c) => c.label === chosen);
  return picked ? [...shown.slice(0, k - 1), picked] : shown;
}

function clampTopK(k: number | undefined): number {
  if (k === undefined) return DEFAULT_TOP_K;
  if (!Number.isFinite(k) || k < 1) throw new RangeError(`topK must be a positive number, got ${k}.`);
  return Math.min(MAX_TOP_K, Math.floor(k));
}
