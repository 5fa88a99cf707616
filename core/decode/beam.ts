/**
 * Joint decoding of a word: classifier probabilities + a character n-gram, by beam search.
 *
 * score(word) = sum over characters of
 *   ln p_classifier(c)  (restricted to the charset, case re-split by geometry)
 *   + lmWeight * ln p_lm(c | text before it)   (renormalised over the allowed labels)
 *   + digitWeight * [c and its left neighbour are both digits]
 * The LM weight is kept modest (bench/context.ts measures it): code identifiers are not words, so
 * the LM only settles what the glyphs leave open (1/l/I, 0/o/O, 5/S) and never spells words for
 * the writer. There is no dictionary; an optional lexicon (the identifiers of the file being edited,
 * lexicon.ts) adds a modest bonus to readings whose identifier runs are its words.
 */
import type { Candidate } from '../model';
import { applyCaseGeometry, CharGeometry, GeometryMode, LOOKALIKE_GROUPS, ReferenceTops, referenceTops, wordMetrics, WriterReferences } from './caseGeometry';
import { allowedIndices, ALL_CHARSET, Charset, parseCharset, restrictToCharset } from './charset';
import { identifierRuns, Lexicon, MIN_LEXICON_WORD_LENGTH, Span } from './lexicon';
import { NgramModel } from './ngram';
import { argmax, largestIndices } from '../stats';
import { isDigit, labelIndex } from '../labels';

/*
 * Defaults from `npm run bench:context -- --tune` (held-out TUNING families caveat, kalam,
 * shadows-into-light, nothing-you-could-do; seed 1001; the tuning halves of the word and
 * identifier pools; 100 lines per group; the interim char-cnn of commit 1e6d87f) over a
 * 56-setting grid, scored by mean word-accuracy gain + worst group's gain among settings that cost
 * no group more than 0.25 points of character accuracy. The report families, seed and pool
 * halves were not used. The grid's top (lmWeight 0.35) beat this one by 0-3 tokens per group of
 * ~100; 0.25 was kept because it bounds the LM's pull at one position to
 * 0.25 * ln(0.98 / (0.02 / 62)) = 2.0 nats: a glyph the classifier prefers 8:1 is never overruled
 * by the LM there (idx stays idx though 'ide' is far likelier text).
 */
export const DEFAULT_LM_WEIGHT = 0.25;
/** Bonus (nats) for a digit right after a digit: 2026 and 0x1F stay numbers. */
export const DEFAULT_DIGIT_WEIGHT = 1;
/**
 * Share of a uniform distribution mixed into the LM: an identifier the corpus never saw ("idx",
 * "tmp9") gets a bounded penalty, so the LM can break near-ties but cannot overrule a clear glyph.
 */
export const DEFAULT_LM_FLOOR = 0.02;
export const DEFAULT_GEOMETRY_WEIGHT = 1;
/** 'all' beat 'group' on the tuning split (numbers above all: a tall glyph read as q is 1 or 9). */
export const DEFAULT_GEOMETRY_MODE: GeometryMode = 'all';
export const DEFAULT_BEAM_WIDTH = 8;
/**
 * Typical ln p_lm per character (nats), credited back per character in DecodedWord.score: without
 * it every extra character costs about lmWeight * 2 and merged readings (tt as H) win. 2 (a credit
 * of 0.5 at the default weight) was chosen on bench:text's seeds 1 and 2 from credits 0, 0.5, 1
 * (0.5 and 1 tied, both beat 0); the report seed was not used.
 */
export const TYPICAL_LM_NATS_PER_CHAR = 2;
/**
 * Bonus (nats) for each identifier run of a reading that is a lexicon word (a name in the file
 * being edited, or a keyword of its language). Modest on purpose, like the LM: it settles a
 * near-miss (1dx for idx, where the glyph leans 0.5:0.3 to 1) but a glyph the classifier prefers
 * more than e^1.5 = 4.5:1 outweighs it, so a clearly written new name (idx1 beside idx2) reads as
 * written. Measured, not tuned: with it `npm run bench:code` reads held-out code lines at a lower CER
 * in every group but one, which is unchanged.
 */
export const DEFAULT_LEXICON_BONUS = 1.5;
/** Lexicon words scored in full (with the LM) per span: the best by the classifier alone. */
const LEXICON_CANDIDATES_PER_SPAN = 4;
/** Longest word decoded in one go; longer input is a caller bug, not a word. */
export const MAX_WORD_LENGTH = 256;
/**
 * Nats taken from a reading per identifier run that is a lone l. Measured, not tuned: 1, 2 and 4 read
 * alike on `npx tsx bench/code.ts --training-families`; 2 is the middle.
 */
export const LONE_L_PENALTY = 2;
/** Classifier candidates expanded per position (the rest cannot win with a modest LM weight). */
const EXPAND = 8;

export interface DecodeOptions {
  /** Charset spec or parsed charset; default all. */
  readonly charset?: Charset | string;
  /** Text before the cursor (~20 characters); primes the LM. */
  readonly context?: string;
  readonly ngram?: NgramModel;
  readonly lmWeight?: number;
  /** Uniform share mixed into the LM (0..1), see DEFAULT_LM_FLOOR. */
  readonly lmFloor?: number;
  readonly digitWeight?: number;
  readonly beamWidth?: number;
  /** Per character, where its ink sits on the line; enables case from geometry. */
  readonly geometry?: readonly (CharGeometry | null | undefined)[];
  readonly geometryWeight?: number;
  /** How geometry reweighs labels (caseGeometry.ts GeometryMode). */
  readonly geometryMode?: GeometryMode;
  /** The x-height and cap height of the word's line (lineReferences), for a word that shows none of its own. */
  readonly lineReferences?: ReferenceTops;
  /** Where the writer's small letters and capitals reach (their profile: caseGeometry.ts writerReferences). */
  readonly writerReferences?: WriterReferences;
  /** Candidates listed per character (default 5). */
  readonly topK?: number;
  /** Words to prefer over near-misses (lexicon.ts): the file's identifiers and its language's keywords. */
  readonly lexicon?: Lexicon;
  /** Nats added per identifier run that is a lexicon word; see DEFAULT_LEXICON_BONUS. */
  readonly lexiconBonus?: number;
  /**
   * Only the text and its score (confidence NaN, no chars): the per-character posteriors are most
   * of a word's decoding time, and a reader weighing several cuttings of one word needs them for
   * the winner only.
   */
  readonly scoreOnly?: boolean;
}

export interface DecodedChar {
  readonly label: string;
  /** Probability of this label at this position given the decoded neighbours. */
  readonly p: number;
  readonly candidates: Candidate[];
}

export interface DecodedWord {
  readonly text: string;
  /** Geometric mean of the characters' p: comparable across word lengths. */
  readonly confidence: number;
  /**
   * The best path's log score (classifier + weighted LM + digit and lexicon bonuses), plus a per-character credit
   * for the LM's typical cost, so that readings of the same ink cut into different numbers of
   * characters compare fairly (core/segment weighs tt against H with it).
   */
  readonly score: number;
  readonly chars: DecodedChar[];
}

interface Hyp {
  readonly text: string;
  readonly history: string;
  readonly score: number;
}

/** Best score first; ties by text, so that decoding is deterministic. */
const byScore = (a: Hyp, b: Hyp): number => b.score - a.score || (a.text < b.text ? -1 : 1);

/** How many identifier runs of a reading are a lone l. */
function loneLs(text: string): number {
  const chars = Array.from(text);
  return identifierRuns(chars).filter((r) => r.end - r.start === 1 && chars[r.start] === 'l').length;
}

/** Decode one word (no spaces inside) from its characters' class probabilities. */
export function decodeWord(charProbs: readonly Float32Array[], labels: readonly string[], opts: DecodeOptions = {}): DecodedWord {
  const prepared = prepareWord(charProbs, labels, opts);
  if (prepared.length === 0) return { text: '', confidence: 1, score: 0, chars: [] };
  const ngram = opts.ngram;
  const lmWeight = ngram ? finiteOr(opts.lmWeight, DEFAULT_LM_WEIGHT, 'lmWeight') : 0;
  const lmFloor = Math.max(0, Math.min(1, finiteOr(opts.lmFloor, DEFAULT_LM_FLOOR, 'lmFloor')));
  const digitWeight = finiteOr(opts.digitWeight, DEFAULT_DIGIT_WEIGHT, 'digitWeight');
  const beamWidth = Math.max(1, Math.min(64, Math.floor(finiteOr(opts.beamWidth, DEFAULT_BEAM_WIDTH, 'beamWidth'))));
  const allowed = allowedIndices(labels, toCharset(opts.charset));
  const allowedLabels = allowed.map((i) => labels[i]);
  const keep = ngram ? ngram.order - 1 : 0;
  const start = ngram ? startHistory(ngram, opts.context) : '';

  // ln p_lm renormalised over the allowed labels, by label index (0 outside the charset, never
  // expanded), memoized per history across calls (the pad re-decodes the same word on every pause).
  const lmCache = ngram ? sharedCache(ngram, `${lmFloor}\u0000${labels.join('')}\u0000${allowedLabels.join('')}`) : new Map<string, Float64Array>();
  const noLm = new Float64Array(labels.length);
  const lm = (history: string): Float64Array => {
    if (!ngram || lmWeight === 0) return noLm;
    let m = lmCache.get(history);
    if (m) return m;
    if (lmCache.size >= MAX_CACHED_HISTORIES) lmCache.clear();
    m = new Float64Array(labels.length);
    const lp = ngram.lnProbs(history, allowedLabels);
    const z = logSumExp(lp);
    const uniform = lmFloor / allowedLabels.length;
    for (let a = 0; a < allowed.length; a++) m[allowed[a]] = Math.log((1 - lmFloor) * Math.exp(lp[a] - z) + uniform);
    lmCache.set(history, m);
    return m;
  };
  // One step's score with the history's LM row already looked up (the beam looks it up once per hypothesis).
  const scoreWith = (lmRow: Float64Array, prevLabel: string | undefined, k: number, lnCls: number): number => {
    let s = lnCls;
    if (lmWeight !== 0) s += lmWeight * lmRow[k];
    if (digitWeight !== 0 && prevLabel !== undefined && isDigit(prevLabel) && isDigit(labels[k])) s += digitWeight;
    return s;
  };
  const stepScore = (history: string, prevLabel: string | undefined, k: number, lnCls: number): number => scoreWith(lm(history), prevLabel, k, lnCls);

  let beam: Hyp[] = [{ text: '', history: start, score: 0 }];
  for (const pos of prepared) {
    // The beamWidth best extensions in byScore's order, kept as a small sorted list (what sorting them
    // all and keeping the first would give): an extension's text is built only if its score can enter.
    const next: Hyp[] = [];
    for (const h of beam) {
      const prev = h.text.length ? h.text[h.text.length - 1] : undefined;
      const lmRow = lm(h.history);
      for (const k of pos.expand) {
        const score = h.score + scoreWith(lmRow, prev, k, pos.ln[k]);
        const full = next.length === beamWidth;
        if (full && !(score >= next[beamWidth - 1].score)) continue;
        const label = labels[k];
        const hyp = { text: h.text + label, history: keep > 0 ? (h.history + label).slice(-keep) : '', score };
        let at = next.length;
        while (at > 0 && byScore(hyp, next[at - 1]) < 0) at--;
        next.splice(at, 0, hyp);
        if (next.length > beamWidth) next.pop();
      }
    }
    beam = next;
  }
  // A lone l in running text is no word and no one's name (PEP 8 forbids it as one for this very
  // look-alike): it is a 1 or an I ("x -= l", "h(l)"). A character read on its own may be any.
  const inRunningText = prepared.length > 1 || /\S/.test(opts.context ?? '');
  const loneLCost = (text: string) => (inRunningText ? LONE_L_PENALTY * loneLs(text) : 0);
  beam = beam.map((h) => ({ ...h, score: h.score - loneLCost(h.text) })).sort(byScore);
  const lexicon = opts.lexicon;
  const lexiconBonus = Math.max(0, finiteOr(opts.lexiconBonus, DEFAULT_LEXICON_BONUS, 'lexiconBonus'));
  const best: { text: string; score: number } =
    lexicon && lexicon.size > 0 && lexiconBonus !== 0
      ? preferLexicon(beam, prepared, labels, lexicon, lexiconBonus, (text) => {
          let s = 0;
          let h = start;
          text.forEach((label, i) => {
            const k = labelIndex(labels, label);
            s += k < 0 ? -Infinity : stepScore(h, i > 0 ? text[i - 1] : undefined, k, prepared[i].ln[k]);
            h = keep > 0 ? (h + label).slice(-keep) : '';
          });
          return s - loneLCost(text.join(''));
        })
      : beam[0];

  const lengthCredit = ngram && lmWeight !== 0 ? lmWeight * TYPICAL_LM_NATS_PER_CHAR * prepared.length : 0;
  if (opts.scoreOnly) return { text: best.text, confidence: NaN, score: best.score + lengthCredit, chars: [] };
  // Per-character posteriors along the best path: what the pad shows under each character.
  const topK = Math.max(1, Math.floor(finiteOr(opts.topK, 5, 'topK')));
  const chars: DecodedChar[] = [];
  let history = start;
  let lnConf = 0;
  const bestChars = Array.from(best.text);
  prepared.forEach((pos, i) => {
    const prev = i > 0 ? bestChars[i - 1] : undefined;
    const scores = new Float64Array(allowed.length);
    const lmRow = lm(history);
    allowed.forEach((k, a) => (scores[a] = pos.ln[k] === -Infinity ? -Infinity : scoreWith(lmRow, prev, k, pos.ln[k])));
    const z = logSumExp(scores);
    const label = bestChars[i];
    const classifierTop = pos.classifierTop(topK).map((k) => labels[k]);
    // Only the labels keepLookalikes can show: the top K by posterior, the chosen one, the classifier's top K.
    const wanted = new Set([label, ...classifierTop]);
    const probs = scores.map((v) => Math.exp(v - z));
    const shownAt = new Set(topIndices(probs, topK));
    const post: Candidate[] = [];
    allowed.forEach((k, a) => {
      if (shownAt.has(a) || wanted.has(labels[k])) post.push({ label: labels[k], p: probs[a] });
    });
    post.sort((a, b) => b.p - a.p);
    const p = post.find((c) => c.label === label)?.p ?? 0;
    lnConf += Math.log(Math.max(p, 1e-12));
    chars.push({ label, p, candidates: keepLookalikes(post, label, classifierTop, topK) });
    history = keep > 0 ? (history + label).slice(-keep) : '';
  });
  return { text: best.text, confidence: Math.exp(lnConf / prepared.length), score: best.score + lengthCredit, chars };
}

/**
 * The best reading once lexicon words compete: the beam's readings, and each with an identifier
 * run (or the whole word) replaced by the lexicon words of that length the classifier likes best,
 * all scored in full (`score`: classifier + LM + digits) plus `bonus` per run that is a lexicon word.
 */
function preferLexicon(
  beam: readonly Hyp[],
  prepared: readonly PreparedPosition[],
  labels: readonly string[],
  lexicon: Lexicon,
  bonus: number,
  score: (text: readonly string[]) => number,
): { text: string; score: number } {
  const n = prepared.length;
  const bestWords = new Map<string, string[]>();
  // The lexicon words of the span's length, best first by the classifier alone (pruning before the LM).
  const wordsFor = (span: Span): string[] => {
    const key = `${span.start}:${span.end}`;
    let words = bestWords.get(key);
    if (words) return words;
    const scored: { word: string; s: number }[] = [];
    for (const word of lexicon.ofLength(span.end - span.start)) {
      let s = 0;
      for (let i = 0; i < word.length && s > -Infinity; i++) {
        const k = labelIndex(labels, word[i]);
        s += k < 0 ? -Infinity : prepared[span.start + i].ln[k];
      }
      if (s > -Infinity) scored.push({ word, s });
    }
    scored.sort((a, b) => b.s - a.s || (a.word < b.word ? -1 : 1));
    bestWords.set(key, (words = scored.slice(0, LEXICON_CANDIDATES_PER_SPAN).map((x) => x.word)));
    return words;
  };
  const readings = new Map<string, string[]>(); // text -> its characters, beam readings first
  for (const h of beam) readings.set(h.text, Array.from(h.text));
  for (const h of beam) {
    const chars = Array.from(h.text);
    const spans = [{ start: 0, end: n }, ...identifierRuns(chars).filter((r) => r.end - r.start >= MIN_LEXICON_WORD_LENGTH && r.end - r.start < n)];
    for (const span of spans) {
      for (const word of wordsFor(span)) {
        const text = [...chars.slice(0, span.start), ...word, ...chars.slice(span.end)];
        const joined = text.join('');
        if (!readings.has(joined)) readings.set(joined, text);
      }
    }
  }
  let best = { text: beam[0].text, score: -Infinity };
  for (const [text, chars] of readings) {
    const known = identifierRuns(chars).filter((r) => lexicon.has(chars.slice(r.start, r.end).join(''))).length;
    const s = score(chars) + bonus * known;
    if (s > best.score) best = { text, score: s }; // ties keep the earlier (beam) reading
  }
  return best;
}

/** Bound on memoized LM distributions per (model, labels, charset, floor): one number per label each. */
const MAX_CACHED_HISTORIES = 20_000;
const caches = new WeakMap<NgramModel, Map<string, Map<string, Float64Array>>>();

function sharedCache(ngram: NgramModel, key: string): Map<string, Float64Array> {
  let byKey = caches.get(ngram);
  if (!byKey) caches.set(ngram, (byKey = new Map()));
  let cache = byKey.get(key);
  if (!cache) {
    if (byKey.size >= 16) byKey.clear(); // a few charsets in use at once, never unbounded
    byKey.set(key, (cache = new Map()));
  }
  return cache;
}

interface PreparedPosition {
  /** ln of the restricted, geometry-adjusted classifier probability, per label. */
  readonly ln: Float64Array;
  /** Label indices worth expanding, best first. */
  readonly expand: number[];
  /** The `n` label indices the classifier itself likes best (charset applied, before geometry), best first. */
  readonly classifierTop: (n: number) => number[];
}

/** Validate input, restrict to the charset, apply geometry, pick the labels to expand. */
function prepareWord(charProbs: readonly Float32Array[], labels: readonly string[], opts: DecodeOptions): PreparedPosition[] {
  if (!Array.isArray(charProbs)) throw new Error('charProbs must be an array of probability vectors.');
  if (charProbs.length > MAX_WORD_LENGTH) throw new Error(`A word of ${charProbs.length} characters is too long to decode (max ${MAX_WORD_LENGTH}).`);
  if (charProbs.length === 0) return [];
  if (labels.length === 0) throw new Error('The model has no labels.');
  const charset = toCharset(opts.charset);
  let probs = charProbs.map((p, i) => {
    if (!(p instanceof Float32Array) || p.length !== labels.length) {
      throw new Error(`Character ${i} has ${p?.length ?? 'no'} probabilities; the model has ${labels.length} labels.`);
    }
    return restrictToCharset(p, labels, charset);
  });
  const classifierProbs = probs;
  const geometry = opts.geometry;
  const gWeight = finiteOr(opts.geometryWeight, DEFAULT_GEOMETRY_WEIGHT, 'geometryWeight');
  if (geometry) {
    if (geometry.length !== charProbs.length) throw new Error(`Got geometry for ${geometry.length} characters, probabilities for ${charProbs.length}.`);
    const m = measured(probs, labels, geometry);
    if (m.indices.length > 0 && gWeight > 0) {
      const metrics = wordMetrics(m.geometry, m.labels, m.confidences, opts.lineReferences, opts.writerReferences);
      probs = probs.map((p, i) => (m.indices.includes(i) ? applyCaseGeometry(p, labels, geometry[i]!, metrics, gWeight, opts.geometryMode ?? DEFAULT_GEOMETRY_MODE) : p));
    }
  }
  return probs.map((p, i) => {
    const ln = new Float64Array(p.length);
    for (let k = 0; k < p.length; k++) ln[k] = p[k] > 0 ? Math.log(p[k]) : -Infinity;
    return { ln, expand: topIndices(p, EXPAND), classifierTop: (n) => topIndices(classifierProbs[i], n) };
  });
}

/**
 * The reference tops (caseGeometry.ts) of a line's characters, each word's as prepareWord measures
 * them (charset applied, its surest label): what a word without references of its own borrows.
 * Digits do not count here: hands write them anywhere from the x-height to above the capitals, and a
 * short 2026 made the line's capitals short ("const quick 2026" read "Const").
 */
export function lineReferences(
  charProbs: readonly Float32Array[],
  labels: readonly string[],
  geometry: readonly (CharGeometry | null | undefined)[],
  charset?: Charset | string,
): ReferenceTops {
  const set = toCharset(charset);
  // Malformed vectors are left to decodeWord, which rejects them with its own message.
  const probs = charProbs.map((p) => (p?.length === labels.length ? restrictToCharset(p, labels, set) : undefined));
  const m = measured(probs, labels, geometry);
  return referenceTops(m.geometry, m.labels, m.confidences, false);
}

/**
 * What case geometry measures by: the characters with a usable geometry (and probabilities), each with
 * its surest label and that label's probability.
 */
function measured(
  probs: readonly (Float32Array | undefined)[],
  labels: readonly string[],
  geometry: readonly (CharGeometry | null | undefined)[],
): { indices: number[]; geometry: CharGeometry[]; labels: string[]; confidences: number[] } {
  const out = { indices: [] as number[], geometry: [] as CharGeometry[], labels: [] as string[], confidences: [] as number[] };
  geometry.forEach((g, i) => {
    const p = probs[i];
    if (!g || !Number.isFinite(g.top) || !Number.isFinite(g.bottom) || !p) return;
    const best = argmax(p);
    out.indices.push(i);
    out.geometry.push(g);
    out.labels.push(labels[best]);
    out.confidences.push(p[best]);
  });
  return out;
}

/** Indices of the `n` labels with the highest probability > 0, most probable first (ties: lower index first). */
function topIndices(p: ArrayLike<number>, n: number): number[] {
  return largestIndices(p, n, 0);
}

/**
 * The top-K alternatives shown for a character. Geometry and context choose between look-alikes
 * (v/V, o/O/0, s/S/5), but a hand that writes capitals at x-height can fool them, and the
 * alternatives are how the writer corrects that: a look-alike of the chosen label that the
 * classifier itself ranked in its top K stays on the list, in place of the weakest outsiders.
 * The chosen label itself is always on the list, even where the beam picked it below the top K.
 */
function keepLookalikes(post: readonly Candidate[], chosen: string, classifierTop: readonly string[], topK: number): Candidate[] {
  const shown = post.slice(0, topK);
  const group = LOOKALIKE_GROUPS.find((g) => g.includes(chosen)) ?? '';
  const kept = new Set([chosen, ...classifierTop.filter((l) => group.includes(l))]);
  for (const label of kept) {
    if (shown.some((c) => c.label === label)) continue;
    const candidate = post.find((c) => c.label === label);
    let weakest = shown.length - 1;
    while (weakest >= 0 && kept.has(shown[weakest].label)) weakest--;
    if (!candidate || weakest < 0) continue;
    shown.splice(weakest, 1);
    shown.push(candidate);
  }
  return shown.sort((a, b) => b.p - a.p); // stable: the top K keep their order, kept ones follow
}

/** LM history for the first character: the text before the cursor, or a word start. */
function startHistory(ngram: NgramModel, context: string | undefined): string {
  if (context !== undefined && typeof context !== 'string') throw new Error('context must be a string.');
  const text = ngram.normalize((context ?? '').slice(-200));
  return (text.length ? text : ' ').slice(-(ngram.order - 1));
}

function toCharset(c: Charset | string | undefined): Charset {
  return c === undefined ? ALL_CHARSET : typeof c === 'string' ? parseCharset(c) : c;
}

function finiteOr(v: number | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${name} must be a finite number.`);
  return v;
}

function logSumExp(v: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - max);
  return max + Math.log(s);
}
