/**
 * README screenshots of the pad, the importer and the teaching page, light and dark, taken in the real VS Code
 * (code-server's workbench in headless Chromium, through the integration-test harness).
 *
 *   npm run build && npx tsx scripts/screenshots.ts [--extension=<dir>] [--themes=light,dark,hc]
 *   -> docs/screenshots/{pad,importer,teach}-<theme>.png
 *
 * Needs the test tools (bash scripts/setup-test-env.sh) and a model in models/char-cnn. The pad's
 * two lines are drawn from a Hershey stroke font (vendored in training/data/hershey), as a pen would.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workbench } from '../test/integration/ui/workbench';
import { runUiTests } from '../test/integration/harness/uiTests';
import { loadHersheyFont } from '../training/hershey';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const outDir = join(root, 'docs', 'screenshots');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionPath = arg('extension') ?? root;
const WORD = arg('word') ?? 'hello';
const SECOND_LINE = arg('second') ?? 'idx2';
const IMAGE = join(root, 'samples', 'text', 'line-patrick-hand-clean.png');
let workspace = '';

/** Pen strokes of `word` in a Hershey font, in canvas pixels: capital height `capHeight`, on `baselineY`. */
function wordStrokes(word: string, left: number, baselineY: number, capHeight: number): [number, number][][] {
  const font = loadHersheyFont('rowmans');
  const scale = capHeight / (font.baseline - Math.min(...font.glyphs.get('H')!.strokes.flat().map((p) => p.y)));
  const strokes: [number, number][][] = [];
  let x = left;
  for (const ch of word) {
    const g = font.glyphs.get(ch);
    if (!g) continue;
    for (const s of g.strokes) strokes.push(s.map((p) => [x + (p.x - g.left) * scale, baselineY + (p.y - font.baseline) * scale]));
    x += (g.right - g.left) * scale * 1.15;
  }
  return strokes;
}

async function drawOnPad(wb: Workbench): Promise<void> {
  const frame = wb.webview();
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 90_000 });
  const box = await frame.locator('canvas#pad').boundingBox();
  if (!box) throw new Error('pad canvas not visible');
  const mouse = wb.page.mouse;
  // Two lines, as a person writes more than a word, each on one of the pad's ruled lines.
  const baselines = ((await frame.locator('canvas#pad').getAttribute('data-guide-baselines')) ?? '').split(' ').map(Number);
  const xHeight = Number(await frame.locator('canvas#pad').getAttribute('data-guide-x-height'));
  const capHeight = Math.min(xHeight * 1.45, (box.width - 80) / (WORD.length * 0.8));
  const second = baselines[1] ?? baselines[0] + 2.2 * capHeight;
  const lines = [...wordStrokes(WORD, 40, baselines[0], capHeight), ...wordStrokes(SECOND_LINE, 40, second, capHeight)];
  for (const stroke of lines) {
    await mouse.move(box.x + stroke[0][0], box.y + stroke[0][1]);
    await mouse.down();
    for (const [x, y] of stroke.slice(1)) await mouse.move(box.x + x, box.y + y, { steps: 2 });
    await mouse.up();
    await wb.page.waitForTimeout(30);
  }
  await wb.page.waitForTimeout(800);
}

/** The teaching page asking for a character, with it written once on the line (not yet saved). */
async function drawOnTeach(wb: Workbench): Promise<void> {
  const frame = wb.webview();
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 90_000 });
  const target = (await frame.locator('body').getAttribute('data-target')) ?? 'a';
  const canvas = frame.locator('canvas#pad');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('teaching canvas not visible');
  const baseline = Number(await canvas.getAttribute('data-guide-baseline'));
  const xHeight = Number(await canvas.getAttribute('data-guide-x-height'));
  for (const stroke of wordStrokes(target, box.width * 0.45, baseline, xHeight * 1.45)) {
    await wb.page.mouse.move(box.x + stroke[0][0], box.y + stroke[0][1]);
    await wb.page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await wb.page.mouse.move(box.x + x, box.y + y, { steps: 2 });
    await wb.page.mouse.up();
  }
  await frame.locator('#reads[data-read]').waitFor({ timeout: 10_000 });
  await wb.page.waitForTimeout(500);
}

async function openImporter(wb: Workbench): Promise<void> {
  const row = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'handwriting.png' });
  await row.click({ button: 'right' });
  await wb.page.locator('.monaco-menu .action-label', { hasText: 'Recognize Handwriting in Image File' }).click();
  const frame = wb.webview();
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 90_000 });
  await frame.locator('canvas#preview:not([hidden])').waitFor({ timeout: 60_000 });
  await wb.page.waitForTimeout(800);
}

async function shoot(wb: Workbench, name: string): Promise<void> {
  // Click the title bar so no hover or focus ring is caught mid-animation.
  await wb.page.mouse.move(2, 2);
  await wb.page.waitForTimeout(300);
  await wb.page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`  saved docs/screenshots/${name}.png`);
}

async function setTheme(wb: Workbench, theme: string): Promise<void> {
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }, null, 2));
  await wb.page.waitForTimeout(2500);
}

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast' } as const;
type Theme = keyof typeof THEMES;

function session(theme: Theme): { name: string; run(wb: Workbench): Promise<void> }[] {
  return [
    {
      name: `pad (${theme})`,
      async run(wb) {
        await setTheme(wb, THEMES[theme]);
        await wb.openFile('notes.md');
        await wb.focusEditorEnd();
        await wb.runCommand('Inkwell: Open Drawing Pad');
        await drawOnPad(wb);
        await shoot(wb, `pad-${theme}`);
        await wb.runCommand('View: Close All Editors');
      },
    },
    {
      name: `importer (${theme})`,
      async run(wb) {
        await wb.openFile('notes.md');
        await openImporter(wb);
        await shoot(wb, `importer-${theme}`);
        await wb.runCommand('View: Close All Editors');
      },
    },
    {
      name: `teaching page (${theme})`,
      async run(wb) {
        await wb.runCommand('Inkwell: Teach My Handwriting');
        await drawOnTeach(wb);
        await shoot(wb, `teach-${theme}`);
        await wb.runCommand('View: Close All Editors');
      },
    },
  ];
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const themes = (arg('themes') ?? 'light,dark').split(',').filter((t): t is Theme => t in THEMES);
  const counts = await runUiTests(themes.flatMap(session), {
  extension: { kind: 'dev', extensionPath },
  workspaceSetup: (ws) => {
    workspace = ws;
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    writeFileSync(join(ws, 'notes.md'), '# Notes\n\nWritten by hand: ');
    copyFileSync(IMAGE, join(ws, 'handwriting.png'));
  },
  perTestTimeoutMs: 180_000,
  verbose: process.env.VERBOSE === '1',
  keepRunDir: false,
});
  console.log(`${counts.passed} screenshot steps passed, ${counts.failed} failed`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

void main();
