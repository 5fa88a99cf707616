/**
 * The font families the synthetic handwriting comes from, and the family-level split.
 *
 * Validation is split by family, never by sample (../shared/notes/training-data.md): a held-out
 * family is never drawn for training, and benchmarks and shipped samples use held-out families only.
 * Every family here is an npm @fontsource package pinned in package.json, so its origin is named.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

export type Split = 'train' | 'heldout';

export interface FontFamily {
  /** @fontsource package name without the scope, e.g. 'indie-flower'. */
  readonly id: string;
  readonly split: Split;
  /** 'hand' = handwriting style; 'print' = plain printed fonts, used in small measure. */
  readonly kind: 'hand' | 'print';
}

/**
 * Held-out families, in style groups. 'earlier' is the set every figure before the style groups used
 * (kept so old and new figures compare). The other groups hold out whole *styles*, chosen from the
 * extremes of the measured style descriptors (`npx tsx training/styleDescriptors.ts`): no family of
 * such a style is trained on, so each group measures hands unlike the training data.
 *
 * The 'fresh-' groups (installed 2026-12-04, vetted on contact sheets) have never been drawn for any
 * model's training. The five groups before them were: the shipped model's chain of fine-tunes starts
 * from a model trained on them (models/char-cnn/CARD.md), so their figures flatter it until a model is
 * trained from scratch without them (see GROUPS_THE_SHIPPED_MODEL_SAW).
 */
export type StyleGroup =
  | 'earlier' | 'slanted' | 'bold' | 'narrow' | 'wide' | 'tall-lowercase'
  | 'fresh-leaning' | 'fresh-marker' | 'fresh-school' | 'fresh-ornate' | 'fresh-narrow';
export const HELDOUT_GROUPS: Readonly<Record<StyleGroup, readonly string[]>> = {
  earlier: ['caveat', 'indie-flower', 'kalam', 'patrick-hand', 'shadows-into-light', 'gochi-hand', 'nothing-you-could-do', 'edu-sa-beginner'],
  // right-leaning: slant 0.14-0.41 where most hands measure -0.1-0.0
  slanted: ['oooh-baby', 'grape-nuts', 'bad-script'],
  // stroke width 0.155-0.21 cap heights (markers, brushes), most hands 0.06-0.13
  bold: ['chewy', 'caveat-brush', 'sriracha'],
  // lowercase 0.39-0.65 x-heights wide, most hands 0.75-1.0
  narrow: ['loved-by-the-king', 'just-another-hand', 'sue-ellen-francisco'],
  // lowercase 1.06-1.36 x-heights wide, round and sprawling
  wide: ['swanky-and-moo-moo', 'happy-monkey', 'crafty-girls'],
  // x-height 0.86-0.88 of the cap height: lowercase nearly as tall as capitals
  'tall-lowercase': ['long-cang', 'nanum-pen-script', 'the-girl-next-door'],
  // slant 0.17-0.24: leaning print and italic calligraphy
  'fresh-leaning': ['playwrite-nz', 'calligraffitti', 'edu-tas-beginner'],
  // stroke width 0.17-0.25 cap heights: rounded and rough markers (one fills its counters)
  'fresh-marker': ['nerko-one', 'kirang-haerang', 'gluten'],
  // school print: single-storey a, short x-height (0.54-0.60 of the cap height), hooked t and y
  'fresh-school': ['edu-qld-beginner', 'edu-nsw-act-foundation', 'playwrite-it-moderna'],
  // forms the training data lacks: doubled outlines, slab serifs, looped school cursive
  'fresh-ornate': ['kranky', 'unkempt', 'vibur'],
  // lowercase 0.65-0.70 x-heights wide, thin pen
  'fresh-narrow': ['atma', 'farsan', 'shadows-into-light-two'],
};
/**
 * Groups whose families the shipped model's chain was trained on (its first model predates them as
 * held-out groups): benches mark them, and the figures that count are the other groups'.
 */
export const GROUPS_THE_SHIPPED_MODEL_SAW: readonly StyleGroup[] = ['slanted', 'bold', 'narrow', 'wide', 'tall-lowercase'];
/**
 * The held-out sources (font families and Hershey fonts) a training run validates on to pick its best
 * epoch, and the model card's held-out table reads: all but the 'fresh-' groups, which no run may look
 * at (so they stay a clean test for every recipe) and which would change the card's samples.
 */
export function validationSources(): string[] {
  const fonts = STYLE_GROUPS.filter((g) => !FRESH_GROUPS.includes(g)).flatMap((g) => HELDOUT_GROUPS[g]);
  return [...fonts, ...HERSHEY_FONTS.filter((h) => h.split === 'heldout').map((h) => h.id)];
}
export const STYLE_GROUPS = Object.keys(HELDOUT_GROUPS) as StyleGroup[];
/** Groups no model shipped so far was trained on: the honest held-out figures. */
export const UNSEEN_GROUPS: readonly StyleGroup[] = STYLE_GROUPS.filter((g) => !GROUPS_THE_SHIPPED_MODEL_SAW.includes(g));
/** The groups added on 2026-12-04, after every other: benches draw their samples last, so older samples stay as they were. */
export const FRESH_GROUPS: readonly StyleGroup[] = STYLE_GROUPS.filter((g) => g.startsWith('fresh-'));
const HELDOUT = new Set(Object.values(HELDOUT_GROUPS).flat());

/** The held-out family ids of one style group. */
export function familiesInGroup(group: StyleGroup): string[] {
  return [...HELDOUT_GROUPS[group]];
}

const PRINT = new Set(['roboto', 'inter', 'source-sans-3', 'andika']);

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
  // Candidates vetted on contact sheets in the second round and not installed:
  'east-sea-dokdo': 'capitals O and P drawn at lowercase size (not installed)',
  'hachi-maru-pop': 'i and j drawn as looped shapes (not installed)',
  'liu-jian-mao-cao': 'Y and y read as P, w as W (not installed)',
  kodchasan: 'geometric print; N drawn as an arch (not installed)',
  'sofadi-one': 'N drawn mirrored (not installed)',
  borel: 'school cursive with lead-in strokes on p, r, s (not installed)',
  sunshiney: 'ornamental script capitals (not installed)',
  'marck-script': 'script capitals illegible as single characters (not installed)',
  'zhi-mang-xing': 'brush-script capitals illegible as single characters (not installed)',
  'ma-shan-zheng': 'brush-script capitals illegible as single characters (not installed)',
  comforter: 'connected script (not installed)',
  'send-flowers': 'connected script (not installed)',
  gwendolyn: 'connected script (not installed)',
  // Vetted 2026-12-04 among the candidates for the fresh held-out groups:
  'beth-ellen': 'cursive capitals that read as other letters: I as J, S, T (not installed)',
  'give-you-glory': 'lowercase n, r and z drawn as capitals (not installed)',
  'playwrite-us-trad': 'connected cursive; capitals F, G, I, J, S, T illegible as single characters (not installed)',
  'ruge-boogie': 'ornamental swashes: s, r and v read as other letters (not installed)',
  'edu-vic-wa-nt-beginner': 'legible, but a fourth school print like edu-sa, edu-qld and edu-tas-beginner (not installed)',
  // Vetted 2026-12-04 (night) as training families. Legible, but inside a held-out group's style or
  // design series, so training on them would flatter that group's figures (styleDescriptors.ts):
  jua: 'a marker (weight 0.17) like the fresh-marker group (not installed)',
  'mochiy-pop-one': 'a marker (weight 0.21) like the fresh-marker group (not installed)',
  dongle: 'a marker (weight 0.17) like the fresh-marker group (not installed)',
  courgette: 'leaning (slant 0.19) like the fresh-leaning group (not installed)',
  pompiere: 'narrow and thin (width 0.67) like the fresh-narrow group (not installed)',
  'playwrite-de-grund': 'the Playwrite school series of held-out playwrite-nz and playwrite-it-moderna (not installed)',
  'playwrite-fr-moderne': 'the Playwrite school series of held-out playwrite-nz and playwrite-it-moderna (not installed)',
  'playwrite-is': 'the Playwrite school series of held-out playwrite-nz and playwrite-it-moderna (not installed)',
  'playwrite-ng-modern': 'the Playwrite school series of held-out playwrite-nz and playwrite-it-moderna (not installed)',
  'edu-au-vic-wa-nt-hand': 'the Edu school series of the held-out edu-* families (not installed)',
  // ... and illegible or mislabelling as single characters:
  'zcool-kuaile': 'S drawn like a 5, B like a 3 (not installed)',
  'sedgwick-ave-display': 'draws lowercase as capitals (not installed)',
  'playwrite-tz': 'connected cursive; capitals I and J illegible as single characters (not installed)',
  'playwrite-cu': 'connected cursive; capitals G, I, J illegible as single characters (not installed)',
  'playwrite-pe': 'connected cursive; capitals A, F, G illegible as single characters (not installed)',
  'playwrite-no': 'connected cursive; z drawn as 3 (not installed)',
  'edu-au-vic-wa-nt-pre': 'z drawn as 3 (not installed)',
  'kaushan-script': 'I and l drawn as (, s like an 8 (not installed)',
  charmonman: 'swash capitals G, J, K, L, M (not installed)',
  gorditas: 'a display face, not a hand (not installed)',
};

/**
 * Cursive families dropped above for their capitals, whose lowercase letters and digits are legible
 * single characters in forms no other training family draws (a looped r, a hooked s, a z with a tail);
 * not homemade-apple, whose lead-in strokes make an i read as a u.
 * `npm run train -- --cursive-lowercase` (or `--cursive-letters rsxz`) trains on those only (training/dataset.ts
 * cursiveLetters); benches never use them.
 */
export const CURSIVE_LOWERCASE_FAMILIES: readonly string[] = ['cedarville-cursive', 'dawning-of-a-new-day', 'la-belle-aurore'];

/**
 * Symbols a family lacks (drawn by a fallback face) or draws as something else, vetted on the symbol
 * contact sheet (`npx tsx training/contactSheets.ts --symbols`): the family is not drawn for these.
 */
export const SYMBOL_EXCLUSIONS: Readonly<Record<string, string>> = {
  'covered-by-your-grace': '%<&', // % missing; < drawn as an angle sign; & illegible
  'cute-font': '`', // missing
  gaegu: '`', // missing
  stylish: '`', // missing
  'zen-kurenaido': '\\`', // backslash drawn as a yen sign; backquote as a dot
  'just-me-again-down-here': '\\~', // backslash drawn as a slash; tilde as an arc
  mansalva: '<', // an angle sign
  'waiting-for-the-sunrise': '<', // an angle sign
  'reenie-beanie': '<&', // an angle sign; & illegible
  zeyada: '<&', // an angle sign; & illegible
  'black-and-white-picture': '`', // missing
  'bubblegum-sans': '*^~', // tiny marks
  fresca: '^~', // tiny marks at cap height
  merienda: '&', // a stylised et
  // held-out families (benches only)
  'just-another-hand': '~', // a loop, not a tilde
  'bad-script': '|', // leans like a slash
  caveat: '|', // leans like a slash
  'shadows-into-light-two': '&', // a stylised et
  calligraffitti: '|', // leans like a slash
  'edu-tas-beginner': '|', // leans like a slash
  'edu-qld-beginner': '|', // leans like a slash
  'playwrite-nz': '|', // leans like a slash
  'nerko-one': '"*~', // a bar, a tick and a dash
  'kirang-haerang': '`', // missing
  farsan: '&', // a stylised et
};

/** Whether a family draws `label` (letters and digits: always). */
export function familyDraws(familyId: string, label: string): boolean {
  return !(SYMBOL_EXCLUSIONS[familyId] ?? '').includes(label);
}

/**
 * Training families added 2026-12-04 (night), vetted on contact sheets and chosen outside every held-out
 * group's style and design series (the candidates inside one are in DROPPED_FAMILIES with the group they
 * resemble). Drawn only with `npm run train -- --more-families` (dataset.ts moreFamilies), so earlier
 * recipes draw exactly the samples they did.
 */
export const MORE_FAMILIES: readonly string[] = [
  'black-and-white-picture', 'boogaloo', 'bubblegum-sans', 'comic-relief', 'fresca', 'kavivanar', 'kiwi-maru',
  'lakki-reddy', 'merienda',
];

/** Families in package.json's devDependencies, minus the dropped ones. */
const ALL_IDS = [
  'andika', 'annie-use-your-telescope', 'architects-daughter', 'bad-script', 'balsamiq-sans', 'caveat',
  'caveat-brush', 'cedarville-cursive', 'chewy', 'chilanka', 'comic-neue', 'coming-soon',
  'covered-by-your-grace', 'crafty-girls', 'cute-font', 'dawning-of-a-new-day', 'dekko',
  'delicious-handrawn', 'delius', 'edu-sa-beginner', 'finger-paint', 'fuzzy-bubbles', 'gaegu',
  'gamja-flower', 'gloria-hallelujah', 'gochi-hand', 'grape-nuts', 'handlee', 'happy-monkey', 'hi-melody',
  'homemade-apple', 'indie-flower', 'inter', 'itim', 'just-another-hand', 'just-me-again-down-here', 'kalam',
  'kite-one', 'klee-one', 'kristi', 'la-belle-aurore', 'long-cang', 'love-ya-like-a-sister',
  'loved-by-the-king', 'mali', 'mansalva', 'mynerve', 'nanum-brush-script', 'nanum-pen-script', 'neucha',
  'nothing-you-could-do', 'oooh-baby', 'over-the-rainbow', 'pangolin', 'patrick-hand', 'permanent-marker',
  'playpen-sans', 'poor-story', 'rancho', 'reenie-beanie', 'roboto', 'rock-salt', 'schoolbell',
  'sedgwick-ave', 'shadows-into-light', 'shantell-sans', 'short-stack', 'single-day', 'sniglet',
  'source-sans-3', 'square-peg', 'sriracha', 'stylish', 'sue-ellen-francisco', 'swanky-and-moo-moo',
  'the-girl-next-door', 'waiting-for-the-sunrise', 'walter-turncoat', 'yeon-sung', 'yomogi', 'yusei-magic',
  'zen-kurenaido', 'zeyada',
  // installed 2026-12-04 for the fresh held-out groups
  'atma', 'calligraffitti', 'edu-nsw-act-foundation', 'edu-qld-beginner', 'edu-tas-beginner', 'farsan', 'gluten',
  'kirang-haerang', 'kranky', 'nerko-one', 'playwrite-it-moderna', 'playwrite-nz', 'shadows-into-light-two',
  'unkempt', 'vibur',
  // installed 2026-12-04 (night) as training families
  ...MORE_FAMILIES,
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

/** The families a recipe trains on: MORE_FAMILIES only with `moreFamilies` (`--more-families`; the shipped model saw none of them). */
export function trainingFamilies(moreFamilies = false): FontFamily[] {
  return familiesOf('train').filter((f) => moreFamilies || !MORE_FAMILIES.includes(f.id));
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

/** A registered family's name and proportions. */
export interface FontMetrics {
  /** The CSS font-family name the family was registered under. */
  fontName: string;
  /** Cap height and x-height per px of font size. */
  capPerPx: number;
  xPerPx: number;
}

const measured = new Map<string, FontMetrics>();
let measureCtx: SKRSContext2D | undefined;

/** Registers the family (registerFontFamily) and measures its cap height and x-height, once. */
export function registerFamily(family: FontFamily): FontMetrics {
  const hit = measured.get(family.id);
  if (hit) return hit;
  const fontName = registerFontFamily(family);
  const ctx = (measureCtx ??= createCanvas(80, 80).getContext('2d'));
  ctx.font = `100px "${fontName}"`;
  const cap = ctx.measureText('H').actualBoundingBoxAscent;
  const x = ctx.measureText('x').actualBoundingBoxAscent;
  if (!(cap > 5) || !(x > 3)) throw new Error(`Font ${family.id} has no usable H/x metrics.`);
  const m = { fontName, capPerPx: cap / 100, xPerPx: x / 100 };
  measured.set(family.id, m);
  return m;
}

/** Hershey stroke fonts, vendored from Debian's hershey-fonts-data (see its README), split the same way. */
export const HERSHEY_DIR = path.join(__dirname, 'data', 'hershey');
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

/**
 * The held-out sources every figure before the style groups was measured on: the 'earlier' families and
 * the held-out Hershey fonts. Benches pass it as `families` so that their old figures stay comparable.
 */
export const EARLIER_HELDOUT_SOURCES: readonly string[] = [
  ...HELDOUT_GROUPS.earlier,
  ...HERSHEY_FONTS.filter((h) => h.split === 'heldout').map((h) => h.id),
];

/** The held-out families of the 'earlier' group (what familiesOf('heldout') was before the style groups). */
export function earlierHeldoutFamilies(): FontFamily[] {
  return familiesOf('heldout').filter((f) => HELDOUT_GROUPS.earlier.includes(f.id));
}
