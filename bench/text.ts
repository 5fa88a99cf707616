/**
 * Text-from-images benchmark (`npm run bench:text`): Inkwell against tesseract.js on the same
 * generated images (held-out handwriting families only), single lines and pages, clean and
 * camera-like. Prints CER, WER and ms per image for each, side by side. Figures only.
 *
 * Inkwell: core/recognizer recognizeText (core/segment readText + the shipped char model from
 * models/char-cnn on tfjs wasm + core/decode with the models/ngram character n-gram; no
 * dictionary), exactly what `inkwell recognize --mode text` runs.
 * tesseract.js: v6, LSTM, eng from @tesseract.js-data/eng read from node_modules (nothing is
 * fetched), page segmentation 'single line' for lines and 'auto' for pages, and the same
 * alphabet as Inkwell's model (letters and digits) as a character whitelist, DPI fixed at 300
 * (silences its resolution guess; CER measured the same as without).
 * Time per image is steady state for both: before the clock starts, each reader reads the same
 * WARM_UP_IMAGES images (lines and pages in training families, not scored), as a benchmark's warm-up
 * runs do, and what they took is printed. Without it the first images also pay for V8 compiling
 * Inkwell's JavaScript as it gets hot (tesseract.js's engine is WebAssembly, compiled as it loads).
 *
 * Options: --per-family N (images per family × layout × look, default 2), --seed S,
 * --only inkwell|tesseract, --show (print each reading), --model DIR, --group NAME (repeatable: read
 * only these groups; "main" is the main set, e.g. --group "thin pen" --group main).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { loadClassifier, loadNgram } from '../node/modelFiles';
import { initNodeBackend } from '../node/nodeBackend';
import { BlankImageError } from '../core/preprocess';
import { Recognizer } from '../core/recognizer';
import { Look, Layout, TextSample, extraTextSamples, greyToPng, renderText, textSamples } from './textImages';
import { STYLE_GROUPS, StyleGroup, familiesInGroup, trainingFamilies } from '../training/fonts';
import { groupLabel, isUnseen } from '../training/groupFigures';

interface Args {
  perFamily: number;
  seed: number;
  only?: 'inkwell' | 'tesseract';
  show: boolean;
  /** Model folder (default models/char-cnn). */
  model?: string;
  /** Only these groups ("main" = the main set); all when empty. */
  groups: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { perFamily: 2, seed: 20261126, show: false, groups: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--per-family') args.perFamily = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--only') args.only = argv[++i] as Args['only'];
    else if (a === '--show') args.show = true;
    else if (a === '--model') args.model = argv[++i];
    else if (a === '--group') args.groups.push(argv[++i]);
    else throw new Error(`Unknown option ${a}`);
  }
  return args;
}

/** Lines trimmed, inner whitespace collapsed, empty lines dropped. */
export function normalizeText(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l.length > 0)
    .join('\n');
}

export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

interface Tally {
  charErrors: number;
  chars: number;
  wordErrors: number;
  words: number;
  ms: number;
  images: number;
}

const emptyTally = (): Tally => ({ charErrors: 0, chars: 0, wordErrors: 0, words: 0, ms: 0, images: 0 });

function add(t: Tally, truth: string, read: string, ms: number): void {
  const gt = normalizeText(truth), got = normalizeText(read);
  t.charErrors += editDistance([...gt], [...got]);
  t.chars += gt.length;
  const gw = gt.split(/\s+/), rw = got.split(/\s+/).filter(Boolean);
  t.wordErrors += editDistance(gw, rw);
  t.words += gw.length;
  t.ms += ms;
  t.images++;
}

type Reader = (sample: TextSample) => Promise<string>;

/** Images each reader reads before the clock starts (see the header). */
const WARM_UP_IMAGES = 8;

async function inkwellReader(args: Args): Promise<{ read: Reader; setupMs: number; note: string }> {
  const t0 = performance.now();
  const backend = await initNodeBackend();
  const { classifier } = loadClassifier(args.model);
  classifier.warmUp();
  const ngram = loadNgram();
  // The shipped path: core/recognizer (segment + classifier + decode), as the CLI and importer use it.
  const recognizer = new Recognizer(classifier, { ngram });
  const setupMs = performance.now() - t0;
  return {
    setupMs,
    note: `${backend}, ${classifier.labels.length} classes, n-gram ${ngram ? 'on' : 'off'}`,
    read: async (s) => {
      try {
        return recognizer.recognizeText(s.image).text;
      } catch (err) {
        if (err instanceof BlankImageError) return '';
        throw err;
      }
    },
  };
}

async function tesseractReader(): Promise<{ read: Reader; prepare: (s: TextSample) => void; setupMs: number; note: string; stop: () => Promise<unknown> }> {
  const t0 = performance.now();
  const root = process.cwd();
  const langPath = path.join(root, 'node_modules', '@tesseract.js-data', 'eng', '4.0.0_best_int');
  if (!fs.existsSync(path.join(langPath, 'eng.traineddata.gz'))) throw new Error(`tesseract language data missing at ${langPath}`);
  const cachePath = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-tess-'));
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, cachePath, gzip: true, cacheMethod: 'none' });
  const whitelist = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ';
  let currentPsm: PSM | undefined;
  const pngs = new Map<string, Buffer>();
  const setupMs = performance.now() - t0;
  return {
    setupMs,
    note: 'LSTM eng 4.0.0_best_int, local',
    prepare: (s) => void pngs.set(s.id, greyToPng(s.image)),
    read: async (s) => {
      // Upside-down pages get tesseract's orientation detection, as Inkwell detects them itself.
      const psm = s.group === 'upside down' ? PSM.AUTO_OSD : s.layout === 'line' ? PSM.SINGLE_LINE : PSM.AUTO;
      if (psm !== currentPsm) {
        await worker.setParameters({ tessedit_pageseg_mode: psm, tessedit_char_whitelist: whitelist, user_defined_dpi: '300' });
        currentPsm = psm;
      }
      const { data } = await worker.recognize(pngs.get(s.id) ?? greyToPng(s.image));
      return data.text;
    },
    stop: async () => {
      await worker.terminate();
      fs.rmSync(cachePath, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const main = textSamples({ seed: args.seed, perFamily: args.perFamily });
  const extra = extraTextSamples({ seed: args.seed, perFamily: args.perFamily });
  const chosen = (s: TextSample) => args.groups.length === 0 || args.groups.includes(s.group ?? 'main');
  const samples = [...main, ...extra].filter(chosen);
  console.log(`bench:text — ${main.length} images, held-out families, seed ${args.seed}; then ${extra.length} in harder groups`);
  const readers: { name: string; read: Reader; stop?: () => Promise<unknown> }[] = [];
  if (args.only !== 'tesseract') {
    const r = await inkwellReader(args);
    console.log(`inkwell ready in ${r.setupMs.toFixed(0)} ms (${r.note})`);
    readers.push({ name: 'inkwell', read: r.read });
  }
  if (args.only !== 'inkwell') {
    const r = await tesseractReader();
    console.log(`tesseract.js ready in ${r.setupMs.toFixed(0)} ms (${r.note})`);
    // Tesseract reads files: encode the PNGs before the clock starts.
    samples.forEach(r.prepare);
    readers.push({ name: 'tesseract', read: r.read, stop: r.stop });
  }
  // Warm-up, not scored: lines and pages in training families, read by each reader before the clock
  // starts; their time is printed, as what a reader's first images in a fresh process cost.
  const warmUp: TextSample[] = trainingFamilies().slice(0, WARM_UP_IMAGES).map((family, i) => {
    const layout = i % 2 === 0 ? 'line' : 'page';
    const text = layout === 'line' ? 'warm up the reader 2026' : 'warm up the\nreader 2026 on\na small page';
    return { id: `warm-up-${i}`, family: family.id, layout, look: 'clean', text, image: renderText(text, family, { look: 'clean', seed: 1 + i }) };
  });
  for (const r of readers) {
    const t0 = performance.now();
    for (const s of warmUp) await r.read(s);
    console.log(`${r.name} warm-up: ${warmUp.length} images (training families, not scored), ${((performance.now() - t0) / warmUp.length).toFixed(0)} ms per image`);
  }
  const tallies = new Map<string, Tally>();
  const tallyOf = (key: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  for (const s of samples) {
    for (const r of readers) {
      const t0 = performance.now();
      let text: string;
      try {
        text = await r.read(s);
      } catch (err) {
        text = '';
        console.log(`  ${r.name} failed on ${s.id}: ${(err as Error).message}`);
      }
      const ms = performance.now() - t0;
      const keys = s.group ? [`${r.name}|group|${s.group}`] : [`${r.name}|${s.layout}|${s.look}`, `${r.name}|all|all`];
      const style = styleGroupOf(s);
      if (style) keys.push(`${r.name}|style|${style}`);
      for (const key of keys) add(tallyOf(key), s.text, text, ms);
      if (args.show) console.log(`  ${r.name.padEnd(9)} ${s.id}: ${JSON.stringify(normalizeText(text))}  (truth ${JSON.stringify(s.text)})`);
    }
  }
  for (const r of readers) await r.stop?.();
  const cell = (t: Tally | undefined) =>
    t ? `${pct(t.charErrors / t.chars).padStart(6)} ${pct(t.wordErrors / t.words).padStart(6)} ${(t.ms / t.images).toFixed(0).padStart(6)}` : ''.padStart(20);
  const names = readers.map((r) => r.name);
  console.log('');
  console.log(`${'set'.padEnd(16)}${'images'.padStart(7)}  ${names.map((n) => `${n.padEnd(20)}`).join('  ')}`);
  console.log(`${''.padEnd(16)}${''.padStart(7)}  ${names.map(() => `${'CER'.padStart(6)} ${'WER'.padStart(6)} ${'ms'.padStart(6)}`).join('  ')}`);
  const sets: [Layout | 'all', Look | 'all'][] = [['line', 'clean'], ['line', 'camera'], ['page', 'clean'], ['page', 'camera'], ['all', 'all']];
  for (const [layout, look] of sets) {
    const first = tallies.get(`${names[0]}|${layout}|${look}`);
    const label = layout === 'all' ? 'all' : `${layout} ${look}`;
    if (first) console.log(`${label.padEnd(16)}${String(first.images).padStart(7)}  ${names.map((n) => cell(tallies.get(`${n}|${layout}|${look}`))).join('  ')}`);
  }
  console.log('harder groups (not in "all"):');
  for (const group of [...new Set(extra.map((s) => s.group!))]) {
    const first = tallies.get(`${names[0]}|group|${group}`);
    if (first) console.log(`${group.padEnd(16)}${String(first.images).padStart(7)}  ${names.map((n) => cell(tallies.get(`${n}|group|${group}`))).join('  ')}`);
  }
  // The held-out style groups one by one, and each reader's worst group of all: a mean hides a hand it cannot read.
  console.log('style groups, each:');
  for (const group of STYLE_GROUPS.filter((g) => g !== 'earlier')) {
    const first = tallies.get(`${names[0]}|style|${group}`);
    if (first) console.log(`  ${groupLabel(group).padEnd(22)}${String(first.images).padStart(7)}  ${names.map((n) => cell(tallies.get(`${n}|style|${group}`))).join('  ')}`);
  }
  for (const n of names) {
    let worst: { key: string; cer: number } | undefined;
    let worstUnseen: { key: string; cer: number } | undefined;
    for (const [key, t] of tallies) {
      const [reader, kind, name] = key.split('|');
      if (reader !== n || kind === 'all' || key === `${n}|group|style groups`) continue;
      const cer = t.charErrors / t.chars;
      const found = { key: kind === 'group' || kind === 'style' ? name : `${kind} ${name}`, cer };
      if (!worst || cer > worst.cer) worst = found;
      if (kind === 'style' && isUnseen(name) && (!worstUnseen || cer > worstUnseen.cer)) worstUnseen = found;
    }
    if (worst) console.log(`worst group for ${n}: ${worst.key}, CER ${pct(worst.cer)}`);
    if (worstUnseen) console.log(`worst unseen style group for ${n}: ${worstUnseen.key}, CER ${pct(worstUnseen.cer)}`);
  }
}

/** The held-out style group of a 'style groups' sample's family; undefined for the other samples. */
function styleGroupOf(s: TextSample): StyleGroup | undefined {
  if (s.group !== 'style groups') return undefined;
  return STYLE_GROUPS.find((g) => g !== 'earlier' && familiesInGroup(g).includes(s.family));
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

if (require.main === module) main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
