/**
 * Opening the pad in a real VS Code: from the command (a click on "Inkwell: Open Drawing Pad" in the
 * palette) to the canvas taking ink, and to "ready" (model loaded and warmed up); cold (the first open
 * after the workbench started) and warm (closed and opened again). The packaged .vsix in code-server,
 * driven by Debian's Chromium, as the UI tests run it. Prints figures; asserts nothing.
 *
 *   npx tsx bench/padOpen.ts [--runs 3]      (also the last part of `npm run bench:pad`)
 *
 * Each open is split by the pad frame's own clock (its navigation start, when its script ran, when it
 * was ready), so the figure shows what VS Code spends before the page exists and what the page spends.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkspace } from '../test/integration/fixtures';
import { assertToolsInstalled, repoRoot } from '../test/integration/harness/paths';
import { runUiTests } from '../test/integration/harness/uiTests';
import { openPadTitle } from '../test/integration/ui/pad';
import type { Workbench } from '../test/integration/ui/workbench';

interface OpenTiming {
  /** Click on the command -> the pad frame's navigation start. */
  readonly frameStartMs: number;
  /** Click -> the canvas takes ink (the pad's script has run). */
  readonly inkMs: number;
  /** Click -> model loaded and warmed up. */
  readonly readyMs: number;
}

async function openOnce(wb: Workbench): Promise<OpenTiming> {
  // The palette is filled first (not timed): the figure starts where the person's click does.
  const input = wb.page.locator('.quick-input-widget input.input');
  await wb.page.keyboard.press('F1');
  await input.waitFor();
  await input.fill(`>${openPadTitle}`);
  const row = wb.page.locator('.quick-input-list .monaco-list-row').filter({ has: wb.page.locator('.label-name', { hasText: openPadTitle }) }).first();
  await row.waitFor({ timeout: 30_000 });
  const clickedAt = Date.now();
  await row.click();
  const frame = wb.webview();
  await frame.locator('canvas#pad[data-stroke-count]').waitFor({ timeout: 120_000 });
  const inkSeen = Date.now();
  await frame.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
  const readySeen = Date.now();
  // The frame's own clock (epoch ms): when its navigation began.
  // The frame's own clock (epoch ms): its navigation start, and the pad's marks when it took ink and was ready.
  const marks = JSON.parse(await frame.locator('body').evaluate(() =>
    JSON.stringify({ origin: performance.timeOrigin, ...Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])) }),
  )) as Record<string, number>;
  const at = (name: string, seen: number): number => (marks[name] !== undefined ? marks.origin + marks[name] : seen);
  return { frameStartMs: marks.origin - clickedAt, inkMs: at('inkwell:takes-ink', inkSeen) - clickedAt, readyMs: at('inkwell:ready', readySeen) - clickedAt };
}

function show(label: string, t: OpenTiming): string {
  return `${label.padEnd(6)} page starts ${t.frameStartMs.toFixed(0).padStart(5)} ms, takes ink ${t.inkMs.toFixed(0).padStart(5)} ms, ready ${t.readyMs.toFixed(0).padStart(5)} ms`;
}

export async function benchPadOpen(runs = 3): Promise<void> {
  assertToolsInstalled();
  const vsix = join(repoRoot, '.cache', 'bench-vsix', 'inkwell.vsix');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'ignore' });
  mkdirSync(join(vsix, '..'), { recursive: true });
  copyFileSync(join(repoRoot, 'dist', 'inkwell.vsix'), vsix);
  const timings: OpenTiming[] = [];
  await runUiTests(
    [{
      name: 'bench: open the pad cold, then warm',
      async run(wb) {
        for (let i = 0; i <= runs; i++) {
          timings.push(await openOnce(wb));
          await wb.closeAllEditors();
        }
      },
    }],
    { extension: { kind: 'vsix', vsix }, workspaceSetup: prepareWorkspace, perTestTimeoutMs: 600_000, verbose: false, keepRunDir: false },
  );
  if (timings.length === 0) return;
  console.log(`C. Opening the pad in VS Code (code-server, packaged .vsix, headless Chromium), from the click on the command:`);
  console.log(`   ${show('cold', timings[0])}`);
  timings.slice(1).forEach((t, i) => console.log(`   ${show(`warm${i + 1}`, t)}`));
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  benchPadOpen(at > 0 ? Number(process.argv[at + 1]) : 3).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
