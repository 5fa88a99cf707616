/**
 * Reading held-out characters and counting what came out: the one scoring that bench:accuracy prints
 * and the model card (training/evaluate.ts) records for the held-out style groups.
 */
import { Recognizer } from '../core/recognizer';
import { BlankImageError, normalizeCharacter } from '../core/preprocess';
import { DIGITS, mergedLabel } from '../core/labels';
import { CharacterSample, generateCharacterSamples } from './dataset';
import { familiesInGroup, STYLE_GROUPS } from './fonts';

/** Each sample read with its line frame or without (a lone character), through the recognizer's decoder. */
export interface CharacterScores {
  n: number;
  exact: number;
  merged: number;
  top3: number;
  digitsN: number;
  digitsExact: number;
  digitsCharset: number;
  perClass: Map<string, { n: number; right: number; mergedRight: number; wrong: Map<string, number> }>;
  confusions: Map<string, number>;
  byStyle: Map<string, { n: number; right: number }>;
  /** Exact with the classifier's own argmax, before the decoder (charset, case geometry). */
  argmaxExact: number;
}

export function scoreCharacters(recognizer: Recognizer, samples: readonly CharacterSample[], withFrame: boolean): CharacterScores {
  const inputs = samples.map((s) => ({ image: s.image, frame: withFrame ? s.frame : undefined }));
  const results = recognizer.recognizeCharacters(inputs, { topK: 3 });
  const digitIdx = samples.flatMap((s, i) => (DIGITS.includes(s.label) ? [i] : []));
  const digitResults = recognizer.recognizeCharacters(digitIdx.map((i) => inputs[i]), { topK: 1, charset: 'digits' });
  const scores: CharacterScores = {
    n: samples.length, exact: 0, merged: 0, top3: 0, digitsN: digitIdx.length, digitsExact: 0, digitsCharset: 0,
    perClass: new Map(), confusions: new Map(), byStyle: new Map(), argmaxExact: 0,
  };
  // A mark too faint to find (a full stop in thin ink) is blank: it counts as wrong, as in the decoder's reading.
  const normalized = inputs.map((x) => {
    try {
      return normalizeCharacter(x.image, { frame: x.frame });
    } catch (e) {
      if (e instanceof BlankImageError) return null;
      throw e;
    }
  });
  const kept = normalized.flatMap((n, i) => (n ? [i] : []));
  const rawKept = recognizer.probabilities(kept.map((i) => normalized[i]!));
  const raw = new Map(kept.map((i, k) => [i, rawKept[k]]));
  raw.forEach((p, i) => {
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    if (recognizer.labels[best] === samples[i].label) scores.argmaxExact++;
  });
  samples.forEach((s, i) => {
    const r = results[i];
    const pred = r.blank ? '∅' : r.text;
    const cls = scores.perClass.get(s.label) ?? { n: 0, right: 0, mergedRight: 0, wrong: new Map<string, number>() };
    scores.perClass.set(s.label, cls);
    cls.n++;
    const style = scores.byStyle.get(s.style) ?? { n: 0, right: 0 };
    scores.byStyle.set(s.style, style);
    style.n++;
    if (pred === s.label) style.right++;
    if (pred === s.label) {
      scores.exact++;
      cls.right++;
      if (DIGITS.includes(s.label)) scores.digitsExact++;
    } else {
      cls.wrong.set(pred, (cls.wrong.get(pred) ?? 0) + 1);
      const key = `${s.label} → ${pred}`;
      scores.confusions.set(key, (scores.confusions.get(key) ?? 0) + 1);
    }
    if (!r.blank && mergedLabel(pred) === mergedLabel(s.label)) {
      scores.merged++;
      cls.mergedRight++;
    }
    if (!r.blank && r.candidates.some((c) => c.text === s.label)) scores.top3++;
  });
  digitIdx.forEach((sampleIdx, j) => {
    const r = digitResults[j];
    if (!r.blank && r.text === samples[sampleIdx].label) scores.digitsCharset++;
  });
  return scores;
}

/** One held-out style group: exact, merged-47, top-3 with the frame; exact and merged alone; digits with --charset digits (%). */
export interface StyleGroupRow {
  readonly group: string;
  readonly figures: number[];
  /** The most frequent confusions with the frame, "truth → read×count". */
  readonly worstConfusions: string[];
}

/** Every held-out style group read as bench:accuracy reads it (v2 samples, every sample with its frame, then alone). */
export function styleGroupRows(recognizer: Recognizer, perClass: number, seed: number): StyleGroupRow[] {
  return STYLE_GROUPS.map((group) => {
    const samples = generateCharacterSamples({ split: 'heldout', perClass, seed, noFrameRate: 0, families: familiesInGroup(group), augmentation: 'v2' });
    const f = scoreCharacters(recognizer, samples, true);
    const l = scoreCharacters(recognizer, samples, false);
    const figures = [f.exact / f.n, f.merged / f.n, f.top3 / f.n, l.exact / l.n, l.merged / l.n, f.digitsCharset / f.digitsN].map((v) => 100 * v);
    const worstConfusions = [...f.confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}×${v}`);
    return { group, figures, worstConfusions };
  });
}

/** Per figure, the mean over the groups and the worst group. */
export function styleGroupSummary(rows: readonly StyleGroupRow[]): { mean: number[]; worst: { group: string; value: number }[] } {
  const cols = rows[0].figures.map((_, k) => rows.map((r) => r.figures[k]));
  return {
    mean: cols.map((c) => c.reduce((a, b) => a + b, 0) / c.length),
    worst: cols.map((c) => {
      const k = c.indexOf(Math.min(...c));
      return { group: rows[k].group, value: c[k] };
    }),
  };
}
