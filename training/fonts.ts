/**
 * The font families the synthetic handwriting comes from, and the family-level split.
 *
 * Validation is split by family, never by sample (../shared/notes/training-data.md): a held-out
 * family is never drawn for training, and benchmarks and shipped samples use held-out families only.
 * Every family here is an npm @fontsource package pinned in package.json, so its origin is named.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

export type Split = 'train' | 'heldout';

export interface FontFamily {
  /** @fontsource package name without the scope, e.g. 'indie-flower'. */
  readonly id: string;
  readonly split: Split;
  /** 'hand' = handwriting style; 'print' = plain printed fonts, used in small measure. */
  readonly kind: 'hand' | 'print';
}

const HELDOUT = new Set([
  'caveat',
  'indie-flower',
  'kalam',
  'patrick-hand',
  'shadows-into-light',
  'gochi-hand',
  'nothing-you-could-do',
  'edu-sa-beginner',
]);

const PRINT = new Set(['roboto', 'inter', 'source-sans-3']);

/**
 * Families vetted by eye on contact sheets (training/contactSheets.ts) and dropped because they would
 * mislabel or are illegible as single characters; the model card lists them with these reasons.
 */
export const DROPPED_FAMILIES: Readonly<Record<string, string>> = {
  'permanent-marker': 'draws lowercase as capitals',
  'rock-salt': 'draws lowercase as small capitals',
  'walter-turncoat': 'draws lowercase as small capitals',
  'cedarville-cursive': 'cursive capitals that read as other letters (I, J, L, S)',
  'dawning-of-a-new-day': 'cursive capitals that read as other letters (I, J, S); tiny lowercase',
  'homemade-apple': 'connected cursive; capitals illegible as single characters (I, J, T)',
  'la-belle-aurore': 'cursive capitals that read as other letters (I, J)',
  kristi: 'lowercase r reads as h and s as 8',
  'over-the-rainbow': "lowercase x drawn like p; y and z odd",
  'dancing-script': 'not installed (no @fontsource package in package.json)',
  sacramento: 'not installed (no @fontsource package in package.json)',
};

/** Families in package.json's devDependencies, minus the dropped ones. */
const ALL_IDS = [
  'annie-use-your-telescope', 'architects-daughter', 'bad-script', 'caveat', 'caveat-brush',
  'cedarville-cursive', 'chilanka', 'comic-neue', 'coming-soon', 'covered-by-your-grace', 'crafty-girls',
  'dawning-of-a-new-day', 'delicious-handrawn', 'delius', 'edu-sa-beginner',
  'finger-paint', 'fuzzy-bubbles', 'gaegu', 'gloria-hallelujah', 'gochi-hand', 'handlee',
  'homemade-apple', 'indie-flower', 'inter', 'itim', 'just-another-hand', 'kalam', 'klee-one', 'kristi',
  'la-belle-aurore', 'loved-by-the-king', 'mali', 'mansalva', 'nanum-pen-script', 'neucha',
  'nothing-you-could-do', 'over-the-rainbow', 'pangolin', 'patrick-hand', 'permanent-marker',
  'playpen-sans', 'poor-story', 'reenie-beanie', 'roboto', 'rock-salt', 'schoolbell',
  'shadows-into-light', 'shantell-sans', 'short-stack', 'source-sans-3', 'sriracha',
  'sue-ellen-francisco', 'swanky-and-moo-moo', 'the-girl-next-door', 'waiting-for-the-sunrise',
  'walter-turncoat', 'yomogi', 'zen-kurenaido', 'zeyada',
];
const IDS = ALL_IDS.filter((id) => !(id in DROPPED_FAMILIES));

export const FONT_FAMILIES: readonly FontFamily[] = IDS.map((id) => ({
  id,
  split: HELDOUT.has(id) ? 'heldout' : 'train',
  kind: PRINT.has(id) ? 'print' : 'hand',
}));

export function familiesOf(split: Split): FontFamily[] {
  return FONT_FAMILIES.filter((f) => f.split === split);
}

/** Path of the family's latin 400 woff2 file inside node_modules. */
export function fontFile(family: FontFamily, root = process.cwd()): string {
  const file = path.join(root, 'node_modules', '@fontsource', family.id, 'files', `${family.id}-latin-400-normal.woff2`);
  if (!fs.existsSync(file)) throw new Error(`Font file missing for ${family.id}: ${file} (run npm ci).`);
  return file;
}

const registeredFamilies = new Set<string>();

/** Registers the family's woff2 with @napi-rs/canvas once; returns the CSS font-family name to draw with. */
export function registerFontFamily(family: FontFamily): string {
  const alias = `inkwell-${family.id}`;
  if (!registeredFamilies.has(family.id)) {
    GlobalFonts.registerFromPath(fontFile(family), alias);
    registeredFamilies.add(family.id);
  }
  return alias;
}

/** Hershey stroke fonts (Debian hershey-fonts-data), split the same way. */
export const HERSHEY_DIR = '/usr/share/hershey-fonts';
export const HERSHEY_FONTS: readonly { id: string; split: Split }[] = [
  { id: 'futural', split: 'train' },
  { id: 'futuram', split: 'train' },
  { id: 'rowmans', split: 'train' },
  { id: 'rowmand', split: 'heldout' },
  { id: 'rowmant', split: 'train' },
  { id: 'timesr', split: 'train' },
  { id: 'timesi', split: 'train' },
  { id: 'timesrb', split: 'train' },
  { id: 'timesib', split: 'heldout' },
  { id: 'scripts', split: 'train' },
  { id: 'scriptc', split: 'heldout' },
  { id: 'cursive', split: 'train' },
];
