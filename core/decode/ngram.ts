/**
 * A small character n-gram language model, read from its shipped JSON (models/ngram/).
 *
 * Stored ARPA-style: each kept n-gram has its smoothed probability, each context a back-off
 * weight, so a query is a few map look-ups and no model-building code ships. Probabilities and
 * weights are quantized to one printable character each, which keeps the file ~10x smaller than
 * plain JSON numbers. The core does no file I/O: callers parse the file and pass the object.
 */

export const NGRAM_FORMAT = 'inkwell-char-ngram';

/** The shipped file. */
export interface NgramModelJson {
  format: typeof NGRAM_FORMAT;
  formatVersion: 1;
  /** Longest n-gram (context = order - 1 characters). */
  order: number;
  /** Every character the model knows; any other character reads as a space. */
  vocab: string;
  /** Quantization step of -ln p and -ln bow, in nats. */
  step: number;
  /** -ln bow is stored as code * step - bowOffset (back-off weights can exceed 1). */
  bowOffset: number;
  /**
   * Context (0..order-1 characters) -> packed entries: first character the back-off weight code,
   * then pairs (next character, probability code). Codes are CODE_ALPHABET indices.
   */
  contexts: Record<string, string>;
  /** Provenance written by training/buildNgram.ts; not read here. */
  training?: Record<string, unknown>;
}

/** Printable ASCII without quote and backslash, so codes never need JSON escapes. */
export const CODE_ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => c !== '"' && c !== '\\' && c !== ' ')
  .join('');
export const MAX_CODE = CODE_ALPHABET.length - 1;

/** Whitespace runs become one space (indentation is not language); the text is otherwise kept. */
export function normalizeText(text: string, vocab: ReadonlySet<string>): string {
  let out = '';
  let lastSpace = false;
  for (const ch of text) {
    const c = vocab.has(ch) && !/\s/.test(ch) ? ch : ' ';
    if (c === ' ') {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    out += c;
  }
  return out;
}

/**
 * The corpus (training/buildNgram.ts: TypeScript and JavaScript that quote with ') has almost no " : a
 * closing " cost 9 nats where a closing ' costs 1.5, so a hand's `"key"` read `"key]`. Which quote a
 * string uses is the writer's choice, not the language's: " is looked up as ', and the classifier tells
 * them apart. Both quotes then get the pooled mass, so a context's probabilities over the vocabulary sum
 * to a little over 1; the beam renormalises over its labels. npx tsx bench/code.ts: held-out images and
 * pad 534 -> 528 errors, 445 -> 438 with the identifiers; the training families' 208 / 188 -> 208 / 189;
 * bench/context.ts identifiers 85.9 -> 86.5%; bench/padAccuracy.ts as before; bench/text.ts --only
 * inkwell as before but one line, fresh-school 4.2 -> 4.7%.
 */
function asCorpusQuotes(text: string): string {
  return text.includes('"') ? text.replace(/"/g, "'") : text;
}

interface ContextEntry {
  /** ln back-off weight. */
  readonly lnBow: number;
  /** next character -> ln p. */
  readonly lnP: ReadonlyMap<string, number>;
}

export class NgramModel {
  private readonly entries = new Map<string, ContextEntry | null>();
  private readonly slotCache = new Map<string, ReadonlyMap<string, readonly number[]>>();
  private readonly vocabSet: ReadonlySet<string>;

  private constructor(private readonly json: NgramModelJson) {
    this.vocabSet = new Set(json.vocab);
  }

  get order(): number {
    return this.json.order;
  }

  get vocab(): string {
    return this.json.vocab;
  }

  /** Validate a parsed model file (anything JSON.parse returned) and wrap it. */
  static fromJson(value: unknown): NgramModel {
    if (!value || typeof value !== 'object') throw new Error('N-gram model is not a JSON object.');
    const j = value as Partial<NgramModelJson>;
    if (j.format !== NGRAM_FORMAT) throw new Error(`Unknown n-gram format '${String(j.format)}'.`);
    if (j.formatVersion !== 1) throw new Error(`Unsupported n-gram format version ${String(j.formatVersion)}.`);
    if (!Number.isInteger(j.order) || j.order! < 1 || j.order! > 10) throw new Error(`Bad n-gram order ${String(j.order)}.`);
    if (typeof j.vocab !== 'string' || j.vocab.length === 0 || !j.vocab.includes(' ')) throw new Error('N-gram vocab must be a string that includes the space.');
    if (!(typeof j.step === 'number' && j.step > 0) || typeof j.bowOffset !== 'number') throw new Error('N-gram quantization step is missing.');
    if (!j.contexts || typeof j.contexts !== 'object') throw new Error('N-gram contexts are missing.');
    const root = j.contexts[''];
    if (typeof root !== 'string' || root.length < 3) throw new Error('N-gram model has no unigram entry.');
    return new NgramModel(j as NgramModelJson);
  }

  /** The text as the model sees it (unknown characters and whitespace runs as one space). */
  normalize(text: string): string {
    return normalizeText(text, this.vocabSet);
  }

  /** ln P(next | history). `history` should already be normalized; only its last order-1 chars count. */
  lnProb(history: string, next: string): number {
    return this.lnProbAlong(this.backoffChain(history), next);
  }

  /** ln P of each candidate next character, in the order given (the history's back-off chain looked up once). */
  lnProbs(history: string, nexts: readonly string[]): Float64Array {
    const chain = this.backoffChain(history);
    const slots = this.slotsOf(nexts);
    // Each context in the chain, longest first, settles the characters it knows that a longer one did
    // not: as lnProbAlong for each, in one walk down the chain rather than one per character.
    const out = new Float64Array(nexts.length);
    const settled = new Uint8Array(nexts.length);
    let left = nexts.length, lnBow = 0;
    for (const entry of chain) {
      if (left === 0) break;
      for (const [ch, p] of entry.lnP) {
        const at = slots.get(ch);
        if (at === undefined) continue;
        for (const i of at) {
          if (settled[i]) continue;
          settled[i] = 1;
          out[i] = lnBow + p;
          left--;
        }
      }
      lnBow += entry.lnBow;
    }
    for (let i = 0; i < nexts.length; i++) if (!settled[i]) out[i] = lnBow - MAX_CODE * this.json.step;
    return out;
  }

  /** Where each character the model reads `nexts` as sits in `nexts` (a quote or an unknown character stands for another). */
  private slotsOf(nexts: readonly string[]): ReadonlyMap<string, readonly number[]> {
    const key = nexts.join('\u0000');
    let slots = this.slotCache.get(key);
    if (!slots) {
      const built = new Map<string, number[]>();
      nexts.forEach((next, i) => {
        const ch = this.vocabSet.has(next) ? asCorpusQuotes(next) : ' ';
        built.set(ch, [...(built.get(ch) ?? []), i]);
      });
      if (this.slotCache.size >= 16) this.slotCache.clear(); // a few charsets at once, never unbounded
      this.slotCache.set(key, (slots = built));
    }
    return slots;
  }

  /** The contexts the model keeps of the history's last order-1 characters, longest first. */
  private backoffChain(history: string): ContextEntry[] {
    const chain: ContextEntry[] = [];
    const context = asCorpusQuotes(history.slice(Math.max(0, history.length - (this.json.order - 1))));
    for (let k = 0; k <= context.length; k++) {
      const entry = this.entry(context.slice(k));
      if (entry) chain.push(entry);
    }
    return chain;
  }

  /** ln P(next) backing off along `chain` (backoffChain) until a context knows it. */
  private lnProbAlong(chain: readonly ContextEntry[], next: string): number {
    const ch = this.vocabSet.has(next) ? asCorpusQuotes(next) : ' ';
    let lnBow = 0;
    for (const entry of chain) {
      const p = entry.lnP.get(ch);
      if (p !== undefined) return lnBow + p;
      lnBow += entry.lnBow;
    }
    return lnBow - MAX_CODE * this.json.step;
  }

  /** Total ln P of `text` after `history` (both normalized), for tests and diagnostics. */
  lnProbOfText(history: string, text: string): number {
    let h = history;
    let sum = 0;
    for (const ch of text) {
      sum += this.lnProb(h, ch);
      h = (h + ch).slice(-(this.json.order - 1));
    }
    return sum;
  }

  /** Decoded on first use: the file holds tens of thousands of contexts, a word touches a few. */
  private entry(context: string): ContextEntry | null {
    const cached = this.entries.get(context);
    if (cached !== undefined) return cached;
    const packed = Object.prototype.hasOwnProperty.call(this.json.contexts, context) ? this.json.contexts[context] : undefined;
    let entry: ContextEntry | null = null;
    if (typeof packed === 'string' && packed.length % 2 === 1) {
      const { step, bowOffset } = this.json;
      const lnP = new Map<string, number>();
      for (let i = 1; i + 1 < packed.length; i += 2) lnP.set(packed[i], -decodeCode(packed[i + 1]) * step);
      entry = { lnBow: -(decodeCode(packed[0]) * step - bowOffset), lnP };
    }
    this.entries.set(context, entry);
    return entry;
  }
}

function decodeCode(c: string): number {
  const q = CODE_ALPHABET.indexOf(c);
  return q < 0 ? MAX_CODE : q;
}

export function encodeCode(q: number): string {
  return CODE_ALPHABET[Math.max(0, Math.min(MAX_CODE, Math.round(q)))];
}
