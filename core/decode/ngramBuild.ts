/**
 * Estimating the character n-gram from text: counts, Witten-Bell interpolation, count pruning,
 * ARPA-style back-off weights and quantization into the NgramModelJson that ships.
 *
 * Pure (no I/O) so tests can build a tiny model from a few strings; training/buildNgram.ts feeds
 * it the shipped corpus. Witten-Bell rather than Kneser-Ney: for characters it is as good and it
 * needs only counts and distinct-follower counts, which survive pruning simply.
 */
import { encodeCode, MAX_CODE, NgramModelJson, NGRAM_FORMAT, normalizeText } from './ngram';

/** Printable ASCII: the 62 classes, space and the punctuation code is written with. */
export const DEFAULT_VOCAB = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

export interface NgramCounts {
  readonly order: number;
  readonly vocab: string;
  /** n-gram string (1..order chars) -> count. */
  readonly counts: Map<string, number>;
}

/** Count every n-gram of length 1..order in the texts (each normalized, with a space on each side). */
export function countNgrams(texts: Iterable<string>, order: number, vocab = DEFAULT_VOCAB): NgramCounts {
  if (!Number.isInteger(order) || order < 1 || order > 10) throw new Error(`Bad n-gram order ${order}.`);
  const vocabSet = new Set(vocab);
  const counts = new Map<string, number>();
  for (const raw of texts) {
    const text = normalizeText(` ${raw} `, vocabSet);
    for (let i = 1; i < text.length; i++) {
      // The leading space is context only: the n-grams end at i.
      for (let n = 1; n <= order && i - n + 1 >= 0; n++) {
        const g = text.slice(i - n + 1, i + 1);
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
  }
  return { order, vocab, counts };
}

export interface BuildOptions {
  /** Keep an n-gram of length n (n >= 2) only when its count is at least minCount[n] (default 2). */
  readonly minCount?: readonly number[];
  /** Quantization step in nats (default 0.125). */
  readonly step?: number;
  readonly training?: Record<string, unknown>;
}

const BOW_OFFSET = 2;

/** Smooth, prune and pack counts into the shipped model format. */
export function buildNgramModel(c: NgramCounts, options: BuildOptions = {}): NgramModelJson {
  const { order, vocab, counts } = c;
  const step = options.step ?? 0.125;
  const minCount = (n: number) => options.minCount?.[n] ?? 2;
  const vocabChars = Array.from(vocab);

  // Followers of each context: context -> (next char -> count), with totals.
  const followers = new Map<string, Map<string, number>>();
  for (const [g, n] of counts) {
    const h = g.slice(0, -1);
    let m = followers.get(h);
    if (!m) followers.set(h, (m = new Map()));
    m.set(g[g.length - 1], n);
  }
  const totals = new Map<string, { sum: number; types: number }>();
  for (const [h, m] of followers) {
    let sum = 0;
    for (const n of m.values()) sum += n;
    totals.set(h, { sum, types: m.size });
  }

  // Full (unpruned) Witten-Bell probability, memoized.
  const memo = new Map<string, number>();
  const full = (h: string, w: string): number => {
    const key = h + '\u0000' + w;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const lower = h.length === 0 ? 1 / vocabChars.length : full(h.slice(1), w);
    const t = totals.get(h);
    const p = t ? ((followers.get(h)!.get(w) ?? 0) + t.types * lower) / (t.sum + t.types) : lower;
    if (h.length > 0) memo.set(key, p);
    return p;
  };

  // Pruned model, built shortest context first so each back-off target is final.
  const kept = new Map<string, Map<string, number>>(); // context -> (char -> p)
  const bows = new Map<string, number>();
  const pruned = (h: string, w: string): number => {
    let bow = 1;
    for (let k = 0; k <= h.length; k++) {
      const ctx = h.slice(k);
      const m = kept.get(ctx);
      if (!m) continue;
      const p = m.get(w);
      if (p !== undefined) return bow * p;
      bow *= bows.get(ctx) ?? 1;
    }
    return bow * Math.exp(-MAX_CODE * step);
  };
  const quant = (p: number) => Math.exp(-Math.min(MAX_CODE, Math.round(-Math.log(p) / step)) * step);

  const root = new Map<string, number>();
  for (const w of vocabChars) root.set(w, quant(full('', w)));
  kept.set('', root);
  bows.set('', 1);
  const byLength: string[][] = Array.from({ length: order }, () => []);
  for (const h of followers.keys()) if (h.length > 0 && h.length < order) byLength[h.length].push(h);
  for (let len = 1; len < order; len++) {
    byLength[len].sort();
    for (const h of byLength[len]) {
      const m = new Map<string, number>();
      for (const [w, n] of followers.get(h)!) if (n >= minCount(len + 1)) m.set(w, quant(full(h, w)));
      if (m.size === 0) continue;
      let mass = 0, lowerMass = 0;
      for (const [w, p] of m) {
        mass += p;
        lowerMass += pruned(h.slice(1), w);
      }
      kept.set(h, m);
      bows.set(h, Math.max(1e-4, 1 - mass) / Math.max(1e-4, 1 - lowerMass));
    }
  }

  const contexts: Record<string, string> = {};
  const keys = Array.from(kept.keys()).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const h of keys) {
    let s = encodeCode((-Math.log(bows.get(h)!) + BOW_OFFSET) / step);
    for (const [w, p] of kept.get(h)!) s += w + encodeCode(-Math.log(p) / step);
    contexts[h] = s;
  }
  return { format: NGRAM_FORMAT, formatVersion: 1, order, vocab, step, bowOffset: BOW_OFFSET, contexts, ...(options.training ? { training: options.training } : {}) };
}
