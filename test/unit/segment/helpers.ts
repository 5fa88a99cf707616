/** Shared fixtures for the segment tests: rendered text and model-free scorers. */
import { GreyImage } from '../../../core/image';
import { ScoreCrops } from '../../../core/segment';
import { extraTextSamples, renderText, textSamples } from '../../../bench/textImages';
import { familiesOf, FONT_FAMILIES } from '../../../training/fonts';
import { CODE_LINES } from '../../../bench/codeLines';
import type { Recognizer } from '../../../core/recognizer';

export const LABELS = ['a', 'b'];

/** Every crop equally plausible: the segmentation alone decides (no cuts are ever preferred). */
export const flatScore: ScoreCrops = (crops) => crops.map(() => new Float32Array([0.9, 0.1]));

export function heldout(id: string) {
  const f = familiesOf('heldout').find((x) => x.id === id);
  if (!f) throw new Error(`no held-out family ${id}`);
  return f;
}

export function render(text: string, family = 'patrick-hand', opts: { look?: 'clean' | 'camera'; fontPx?: number; letterSpacing?: number; lineSpacing?: number; seed?: number } = {}): GreyImage {
  return renderText(text, heldout(family), { look: opts.look ?? 'clean', seed: opts.seed ?? 7, fontPx: opts.fontPx ?? 40, letterSpacing: opts.letterSpacing, lineSpacing: opts.lineSpacing });
}

export function wordLengths(text: string): number[][] {
  return text.split('\n').map((l) => l.split(' ').map((w) => w.length));
}

/** bench:text's harder-group images (seed 20261126, 2 per family), rendered once per test run: rendering them all takes seconds. */
let benchSamples: ReturnType<typeof extraTextSamples> | undefined;
export function harderSamples(): ReturnType<typeof extraTextSamples> {
  return (benchSamples ??= extraTextSamples({ seed: 20261126, perFamily: 2 }));
}

/** bench:text's main images (seed 20261126, 2 per family), rendered once per test run. */
let mainBenchSamples: ReturnType<typeof textSamples> | undefined;
export function mainSamples(): ReturnType<typeof textSamples> {
  return (mainBenchSamples ??= textSamples({ seed: 20261126, perFamily: 2 }));
}

/**
 * A line of bench:code as its image bench renders it: the family (held out, or a training family as
 * `--training-families` renders them), the look, seed 20261202 + the line's index.
 */
export function benchCodeImage(line: string, family: string, look: 'clean' | 'camera'): GreyImage {
  const index = CODE_LINES.indexOf(line);
  if (index < 0) throw new Error(`not a bench:code line: ${line}`);
  const font = FONT_FAMILIES.find((f) => f.id === family);
  if (!font) throw new Error(`no font family ${family}`);
  return renderText(line, font, { look, seed: 20261202 + index });
}

/** What `recognizer` reads in a bench:code line's image (benchCodeImage), with the code character set, as the bench reads it. */
export function readBenchCodeImage(recognizer: Recognizer, line: string, family: string, look: 'clean' | 'camera'): string {
  return recognizer.recognizeText(benchCodeImage(line, family, look), { charset: 'code' }).text;
}
