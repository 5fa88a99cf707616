/**
 * Accuracy of the shipped character model on held-out font families (never used in training).
 * Prints figures; asserts nothing.
 *
 *   npm run bench:accuracy -- [--per-class N] [--group-per-class N] [--seed S] [--model DIR]
 *
 * Every sample is generated with its line frame, then read twice: with the frame (case from size
 * and position, as in a written word) and without (a lone character). The first part reads the
 * 'earlier' held-out families and Hershey fonts (the figures before the style groups, comparable with
 * them); the second reads each held-out style group (training/fonts.ts HELDOUT_GROUPS) and prints the
 * mean and the worst group. A model that reads symbols (94 classes) gets a third part: every symbol
 * from the same held-out sources (fonts, their centre lines redrawn with a pen, Hershey; never the
 * generator's own drawn symbols, which training uses), per symbol with and without the frame.
 */
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { initNodeBackend } from '../node/nodeBackend';
import { DEFAULT_MODEL_DIR, loadClassifier } from '../node/modelFiles';
import { Recognizer } from '../core/recognizer';
import { SYMBOLS } from '../core/labels';
import { generateCharacterSamples } from '../training/dataset';
import { CharacterScores, scoreCharacters, styleGroupRows, styleGroupSummary } from '../training/characterScores';
import { groupLabel, unseenOnly } from '../training/groupFigures';
import { EARLIER_HELDOUT_SOURCES, familiesInGroup, familyDraws, HERSHEY_FONTS, STYLE_GROUPS } from '../training/fonts';

const HERSHEY_IDS = new Set(HERSHEY_FONTS.map((h) => h.id));

/**
 * Classes that most held-out hands draw as the same plain bar (I l 1) or ring (O 0 o), so shape alone
 * cannot separate them; printed apart to show how much of the error they are.
 */
const LOOKALIKES = new Set(['I', 'l', '1', 'O', '0', 'o']);

const pct = (a: number, b: number) => (b === 0 ? '   n/a' : `${((100 * a) / b).toFixed(2).padStart(6)}%`);

function printSummary(title: string, s: CharacterScores): void {
  console.log(`\n== ${title} ==`);
  console.log(`exact (62 classes)          ${pct(s.exact, s.n)}   (${s.exact}/${s.n})`);
  console.log(`EMNIST-Balanced merged-47   ${pct(s.merged, s.n)}`);
  console.log(`top-3                       ${pct(s.top3, s.n)}`);
  console.log(`digits, among all 62        ${pct(s.digitsExact, s.digitsN)}   (${s.digitsExact}/${s.digitsN})`);
  console.log(`digits, --charset digits    ${pct(s.digitsCharset, s.digitsN)}   (${s.digitsCharset}/${s.digitsN})`);
  console.log(`exact, argmax, no decoder   ${pct(s.argmaxExact, s.n)}   (classifier alone, before case geometry)`);
  const rest = [...s.perClass.entries()].filter(([label]) => !LOOKALIKES.has(label)).map(([, c]) => c);
  const restN = rest.reduce((a, c) => a + c.n, 0);
  const restExact = rest.reduce((a, c) => a + c.right, 0);
  const restMerged = rest.reduce((a, c) => a + c.mergedRight, 0);
  console.log(`without I l 1 O 0 o         exact ${pct(restExact, restN).trim()}, merged-47 ${pct(restMerged, restN).trim()}   (${restN} samples; those six are one bar or ring in most held-out hands)`);
  console.log(`exact by style              ${[...s.byStyle.entries()].map(([k, v]) => `${k} ${pct(v.right, v.n).trim()}`).join(', ')}`);
}

function printDetails(title: string, s: CharacterScores, labels: readonly string[]): void {
  console.log(`\n-- per class, ${title} (accuracy, most frequent wrong reading) --`);
  const cells = labels.map((label) => {
    const c = s.perClass.get(label);
    if (!c) return `${label}    -`;
    const worst = [...c.wrong.entries()].sort((a, b) => b[1] - a[1])[0];
    return `${label} ${pct(c.right, c.n)} ${worst ? `→${worst[0]}×${worst[1]}` : ''}`.padEnd(20);
  });
  for (let i = 0; i < cells.length; i += 4) console.log(cells.slice(i, i + 4).join('  '));
  console.log(`\n-- top confusions, ${title} (true → read: count) --`);
  const top = [...s.confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(top.map(([k, v]) => `${k}: ${v}`).join('   '));
}

/** Each held-out style group read alone; then the mean over groups and the worst group per figure. */
function printStyleGroups(recognizer: Recognizer, perClass: number, seed: number): void {
  console.log(`\n== held-out style groups (${perClass} per class each, seed ${seed}) ==`);
  console.log(`${'group'.padEnd(24)}${'exact'.padStart(8)}${'merged'.padStart(8)}${'top-3'.padStart(8)}  | lone: ${'exact'.padStart(7)}${'merged'.padStart(8)}  | digits charset  worst confusions`);
  const rows = styleGroupRows(recognizer, perClass, seed);
  for (const r of rows) {
    const [e, m, t3, le, lm, d] = r.figures.map((v) => `${v.toFixed(1)}%`);
    console.log(`${groupLabel(r.group).padEnd(24)}${e.padStart(8)}${m.padStart(8)}${t3.padStart(8)}  |       ${le.padStart(7)}${lm.padStart(8)}  | ${d.padStart(7)}         ${r.worstConfusions.join(' ')}`);
  }
  const fmt = (v: number) => `${v.toFixed(1)}%`;
  for (const [name, subset] of [['all groups', rows], ['unseen groups', unseenOnly(rows)]] as const) {
    const { mean, worst } = styleGroupSummary(subset);
    const worstOf = (k: number) => `${fmt(worst[k].value)} ${worst[k].group}`;
    console.log(`${`mean, ${name}`.padEnd(24)}${mean.slice(0, 3).map((v) => fmt(v).padStart(8)).join('')}  |       ${fmt(mean[3]).padStart(7)}${fmt(mean[4]).padStart(8)}  | ${fmt(mean[5]).padStart(7)}`);
    console.log(`worst of ${name}: exact ${worstOf(0)}, merged ${worstOf(1)}, top-3 ${worstOf(2)}; lone exact ${worstOf(3)}, lone merged ${worstOf(4)}; digits --charset digits ${worstOf(5)}`);
  }
}

/** Symbols shape alone tells apart (the issue's list), and those only their place on the line does. */
const DISTINCT_SYMBOLS = '()[]{}<>=+*/\\#$%&@?!~^|;:';
const PLACED_SYMBOLS = '.,\'-_"';

/** Per-symbol accuracy with the line frame and alone, over the earlier held-out set and each style group. */
function printSymbols(recognizer: Recognizer, perClass: number, seed: number): void {
  const sets: { name: string; families: string[] }[] = [
    { name: 'earlier', families: [...EARLIER_HELDOUT_SOURCES] },
    ...STYLE_GROUPS.filter((g) => g !== 'earlier').map((g) => ({ name: g, families: familiesInGroup(g) })),
  ];
  console.log(`\n== symbols (${perClass} per symbol per set, seed ${seed}; fonts, pen-redrawn fonts and Hershey, no generator-drawn symbols) ==`);
  const perSymbol = new Map<string, { n: number; frame: number; lone: number; wrong: Map<string, number> }>();
  const setRows: string[] = [];
  for (const set of sets) {
    // A set whose every family lacks a symbol (or draws it as something else: training/fonts.ts) is not asked for it.
    const drawable = [...SYMBOLS].filter((l) => set.families.some((id) => HERSHEY_IDS.has(id) || familyDraws(id, l))).join('');
    const samples = generateCharacterSamples({ split: 'heldout', perClass, seed, noFrameRate: 0, families: set.families, labels: drawable, styles: ['font', 'pen', 'hershey'], augmentation: 'v2' });
    const f = scoreCharacters(recognizer, samples, true);
    const l = scoreCharacters(recognizer, samples, false);
    const share = (scores: CharacterScores, chars: string) => {
      const cls = [...scores.perClass.entries()].filter(([k]) => chars.includes(k)).map(([, c]) => c);
      return cls.reduce((a, c) => a + c.right, 0) / Math.max(1, cls.reduce((a, c) => a + c.n, 0));
    };
    setRows.push(`${set.name.padEnd(16)} distinct: frame ${(100 * share(f, DISTINCT_SYMBOLS)).toFixed(1)}%, alone ${(100 * share(l, DISTINCT_SYMBOLS)).toFixed(1)}%   placed (. , ' - _ "): frame ${(100 * share(f, PLACED_SYMBOLS)).toFixed(1)}%`);
    for (const [label, c] of f.perClass) {
      const row = perSymbol.get(label) ?? { n: 0, frame: 0, lone: 0, wrong: new Map<string, number>() };
      row.n += c.n;
      row.frame += c.right;
      row.lone += l.perClass.get(label)?.right ?? 0;
      for (const [w, k] of c.wrong) row.wrong.set(w, (row.wrong.get(w) ?? 0) + k);
      perSymbol.set(label, row);
    }
  }
  for (const r of setRows) console.log(r);
  console.log('\n-- per symbol, all sets (with frame / alone, most frequent wrong reading with frame) --');
  const cells = [...SYMBOLS].map((label) => {
    const c = perSymbol.get(label)!;
    const worst = [...c.wrong.entries()].sort((a, b) => b[1] - a[1])[0];
    return `${label} ${pct(c.frame, c.n)} /${pct(c.lone, c.n)} ${worst ? `→${worst[0]}×${worst[1]}` : ''}`.padEnd(28);
  });
  for (let i = 0; i < cells.length; i += 4) console.log(cells.slice(i, i + 4).join('  '));
  const group = (chars: string, key: 'frame' | 'lone') => {
    const rows = [...chars].map((ch) => ({ ch, v: perSymbol.get(ch)![key] / perSymbol.get(ch)!.n }));
    const worst = rows.reduce((w, r) => (r.v < w.v ? r : w));
    return `mean ${(100 * rows.reduce((a, r) => a + r.v, 0) / rows.length).toFixed(1)}%, worst ${worst.ch} ${(100 * worst.v).toFixed(1)}%`;
  };
  console.log(`distinct symbols with frame: ${group(DISTINCT_SYMBOLS, 'frame')}; alone: ${group(DISTINCT_SYMBOLS, 'lone')}`);
  console.log(`placed symbols (. , ' - _ ") with frame: ${group(PLACED_SYMBOLS, 'frame')}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'per-class': { type: 'string' }, 'group-per-class': { type: 'string' }, seed: { type: 'string' }, model: { type: 'string' } },
  });
  const perClass = Number(values['per-class'] ?? 40);
  const seed = Number(values.seed ?? 20261126);
  const modelDir = values.model ? path.resolve(values.model) : DEFAULT_MODEL_DIR;
  const backend = await initNodeBackend();
  const { classifier, loadMs } = loadClassifier(modelDir);
  const recognizer = new Recognizer(classifier);
  const t = classifier.json.training ?? {};
  const trained = t.epochs !== undefined ? `${String(t.epochs)} epochs, ${String(t.trainSamples)} training samples, seed ${String(t.seed)}` : 'no training record';
  console.log(`model ${path.relative(process.cwd(), modelDir) || modelDir} (${trained}), backend ${backend}, load ${loadMs.toFixed(0)} ms`);
  console.log(`held-out sources (the earlier set): ${EARLIER_HELDOUT_SOURCES.join(', ')}`);
  const t0 = performance.now();
  const samples = generateCharacterSamples({ split: 'heldout', perClass, seed, noFrameRate: 0, families: [...EARLIER_HELDOUT_SOURCES], augmentation: 'v2' });
  console.log(`${samples.length} samples (${perClass} per class, seed ${seed}), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const byStyle = new Map<string, number>();
  samples.forEach((s) => byStyle.set(s.style, (byStyle.get(s.style) ?? 0) + 1));
  console.log(`styles: ${[...byStyle.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const withFrame = scoreCharacters(recognizer, samples, true);
  const noFrame = scoreCharacters(recognizer, samples, false);
  printSummary('with line frame (geometry)', withFrame);
  printSummary('without frame (lone character)', noFrame);
  printDetails('with frame', withFrame, classifier.labels);
  printDetails('without frame', noFrame, classifier.labels);
  printStyleGroups(recognizer, Number(values['group-per-class'] ?? 20), seed);
  if (classifier.labels.includes(';')) printSymbols(recognizer, Number(values['group-per-class'] ?? 20), seed);
  classifier.dispose();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
