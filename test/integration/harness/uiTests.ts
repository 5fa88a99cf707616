// Runs the UI tests (test/integration/ui) in one real workbench: plain code-server with the packaged .vsix
// installed, or the VS Code server with the extension loaded from source. A failing test leaves a
// screenshot in test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from '../ui/workbench';
import { launchBrowser, type RunningBrowser } from './browser';
import { resultsDir } from './paths';
import type { Counts } from './results';
import { createRunDir, saveLogs } from './runDir';
import { installExtension, startCodeServer, startTestServer, type RunningServer } from './servers';

export interface UiTest {
  readonly name: string;
  run(workbench: Workbench): Promise<void>;
}

/** The extension under test; `others` are further .vsix files installed beside it (another extension a user has). */
export type UiExtension = { kind: 'vsix'; vsix: string; others?: readonly string[] } | { kind: 'dev'; extensionPath: string };

export interface UiTestOptions {
  extension: UiExtension;
  workspaceSetup?: (workspace: string) => void;
  perTestTimeoutMs: number;
  verbose: boolean;
  keepRunDir: boolean;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runUiTests(tests: readonly UiTest[], options: UiTestOptions): Promise<Counts> {
  const run = createRunDir('ui');
  options.workspaceSetup?.(run.workspace);
  let server: RunningServer | undefined;
  let browser: RunningBrowser | undefined;
  const counts: Counts = { passed: 0, failed: 0 };
  let finished = false;
  try {
    let url: string;
    if (options.extension.kind === 'vsix') {
      await installExtension(run, options.extension.vsix);
      for (const other of options.extension.others ?? []) await installExtension(run, other);
      server = await startCodeServer(run, { echo: options.verbose });
      url = `${server.origin}/?folder=${encodeURIComponent(run.workspace)}`;
    } else {
      server = await startTestServer(run, options.verbose);
      const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${options.extension.extensionPath}`]];
      url = `${server.origin}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    browser = await launchBrowser(run);
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (options.verbose || message.text().includes('inkwell')) console.log(`    [console] ${message.text()}`);
    });
    await page.goto(url);
    const workbench = new Workbench(page);
    await withTimeout(workbench.ready(), 90_000, 'opening the workbench');
    for (const test of tests) {
      const started = Date.now();
      try {
        await withTimeout(workbench.reset().then(() => test.run(workbench)), options.perTestTimeoutMs, test.name);
        counts.passed++;
        console.log(`  ✔ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        counts.failed++;
        mkdirSync(resultsDir, { recursive: true });
        const shot = join(resultsDir, `ui-${slug(test.name)}.png`);
        await page.screenshot({ path: shot }).catch(() => undefined);
        console.log(`  ✘ ${test.name}\n      ${String(error instanceof Error ? error.message : error).split('\n').join('\n      ')}\n      screenshot: ${shot}`);
      }
      await page.keyboard.press('Escape').catch(() => undefined);
    }
    finished = true;
    return counts;
  } finally {
    await browser?.stop();
    await server?.stop();
    if (!finished || counts.failed > 0) {
      const extensionLog = saveLogs(run, join(resultsDir, 'logs-ui-tests'));
      console.log(`  logs of the failed run: ${join(resultsDir, 'logs-ui-tests')}${extensionLog ? ` (Inkwell's own: ${extensionLog})` : ''}`);
    }
    if (!options.keepRunDir) run.remove();
    else console.log(`  run folder kept: ${run.root}`);
  }
}
