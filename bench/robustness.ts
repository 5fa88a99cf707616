/**
 * Photo-like damage to single characters: the same held-out characters read clean, under a shadow
 * across the paper, with dust specks, with both, and faded. Prints accuracy per condition; asserts
 * nothing.
 *
 *   npm run bench:robust -- [--per-class N] [--seed S] [--model DIR]
 *
 * Held-out families only (training/fonts.ts), clean renders (no augmentation; small crops of about
 * 25x35 px, so a 2x2 speck is the width of a stroke) as lone characters (no line frame), exact over 62 classes and with `--charset digits` for the digits.
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier } from '../node/modelFiles';
import { GreyImage } from '../core/image';
import { Recognizer } from '../core/recognizer';
import { DIGITS } from '../core/labels';
import { generateCharacterSamples } from '../training/dataset';
import { EARLIER_HELDOUT_SOURCES } from '../training/fonts';
import { lcg } from '../training/prng';

type Damage = (image: GreyImage, rnd: () => number) => GreyImage;

/** Paper darkening by up to `depth` grey levels towards a random corner. */
const shadow = (depth: number): Damage => (g, rnd) => {
  const fx = rnd() < 0.5, fy = rnd() < 0.5;
  const data = g.data.map((v, i) => {
    const x = i % g.width, y = Math.floor(i / g.width);
    const u = fx ? x / g.width : 1 - x / g.width, w = fy ? y / g.height : 1 - y / g.height;
    return Math.max(0, v - Math.round(depth * u * w));
  });
  return { ...g, data };
};

/** `count` dark 2x2 specks at random places. */
const specks = (count: number): Damage => (g, rnd) => {
  const data = g.data.slice();
  for (let k = 0; k < count; k++) {
    const x = Math.floor(rnd() * (g.width - 2)), y = Math.floor(rnd() * (g.height - 2));
    for (let d = 0; d < 4; d++) data[(y + (d >> 1)) * g.width + x + (d & 1)] = 20;
  }
  return { ...g, data };
};

const CONDITIONS: Record<string, Damage> = {
  clean: (g) => g,
  'shadow (110 levels)': shadow(110),
  'dust (3 specks)': specks(3),
  'shadow + dust': (g, rnd) => specks(3)(shadow(110)(g, rnd), rnd),
  'faded (contrast 60 levels)': (g) => ({ ...g, data: g.data.map((v) => 170 + Math.round((v * 60) / 255)) }),
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'per-class': { type: 'string' }, seed: { type: 'string' }, model: { type: 'string' } } });
  const perClass = Number(values['per-class'] ?? 20);
  const seed = Number(values.seed ?? 20261126);
  const modelDir = values.model ? path.resolve(values.model) : DEFAULT_MODEL_DIR;
  const backend = await initNodeBackend();
  const recognizer = new Recognizer(loadClassifier(modelDir).classifier);
  // Clean renders as the base, so that each condition's damage is all the damage there is.
  const samples = generateCharacterSamples({ split: 'heldout', perClass, seed, noFrameRate: 1, augment: false, families: [...EARLIER_HELDOUT_SOURCES] });
  console.log(`Photo-like damage, ${samples.length} clean held-out lone characters (seed ${seed}), model ${modelDir}, backend ${backend}`);
  console.log(`${'condition'.padEnd(28)} exact-62   digits (--charset digits)`);
  const digitIdx = samples.flatMap((s, i) => (DIGITS.includes(s.label) ? [i] : []));
  const pct = (a: number, n: number) => `${((100 * a) / Math.max(1, n)).toFixed(1)}%`.padStart(6);
  for (const [name, damage] of Object.entries(CONDITIONS)) {
    const rnd = lcg(seed);
    const images = samples.map((s) => damage(s.image, rnd));
    const all = recognizer.recognizeCharacters(images, { topK: 1 });
    const digits = recognizer.recognizeCharacters(digitIdx.map((i) => images[i]), { topK: 1, charset: 'digits' });
    const right = all.filter((r, i) => !r.blank && r.text === samples[i].label).length;
    const digitsRight = digits.filter((r, k) => !r.blank && r.text === samples[digitIdx[k]].label).length;
    console.log(`${name.padEnd(28)} ${pct(right, samples.length)}     ${pct(digitsRight, digitIdx.length)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
