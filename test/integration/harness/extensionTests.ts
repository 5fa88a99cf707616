// Runs a test index (the module @vscode/test-electron would run) inside the extension host of the real
// VS Code server, opened by headless Chromium: the same payload test-electron gives desktop VS Code.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './paths';
import { launchBrowser } from './browser';
import { createRunDir, saveLogs } from './runDir';
import { startTestServer } from './servers';
import type { Counts } from './results';
import { parseResultLine, testOutputMarker } from './results';
import { consoleText } from './consoleText';

export interface ExtensionTestOptions {
  extensionPath: string;
  testsIndex: string;
  /** Files copied into the workspace folder that the window opens. */
  workspaceSetup?: (workspace: string) => void;
  extensionEnv?: Record<string, string>;
  timeoutMs: number;
  verbose: boolean;
  keepRunDir: boolean;
}

export async function runExtensionTests(options: ExtensionTestOptions): Promise<Counts> {
  const run = createRunDir('ext');
  options.workspaceSetup?.(run.workspace);
  const server = await startTestServer(run, options.verbose);
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  let counts: Counts | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failed = true;
  try {
    browser = await launchBrowser(run);
    const page = await browser.context.newPage();
    let resolveExit: (code: number) => void = () => {};
    const exit = new Promise<number>((resolve) => (resolveExit = resolve));
    // The workbench calls this when the test extension host exits: 0 all passed, 1 a failure.
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    // Console events arrive in order; their text needs an await, so keep the printing in that order too.
    let printing = Promise.resolve();
    page.on('console', (message) => {
      const text = consoleText(message);
      printing = printing.then(async () => report(await text));
    });
    const report = (text: string): void => {
      const parsed = parseResultLine(text);
      if (parsed) counts = parsed;
      if (text.startsWith(testOutputMarker)) console.log(text.slice(testOutputMarker.length + 1));
      else if (options.verbose) console.log(`  [workbench] ${text}`);
    };
    page.on('pageerror', (error) => options.verbose && console.log(`  [page error] ${error.message}`));
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionPath)],
      ['extensionTestsPath', remote(options.testsIndex)],
      ['extensionEnvironment', JSON.stringify(options.extensionEnv ?? {})],
    ];
    const url = `${server.origin}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
    const code = await Promise.race([exit, timeout]);
    if (code === 'timeout') {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'extension-tests-timeout.png') }).catch(() => undefined);
      throw new Error(`extension tests did not finish within ${options.timeoutMs / 1000} s`);
    }
    await printing;
    if (!counts) counts = { passed: 0, failed: 1, note: `the test host exited with ${code} without reporting results` };
    if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, note: `the test host exited with ${code}` };
    failed = counts.failed > 0;
    return counts;
  } finally {
    clearTimeout(timer);
    await browser?.stop();
    await server.stop();
    if (failed) {
      const extensionLog = saveLogs(run, join(resultsDir, 'logs-extension-tests'));
      console.log(`  logs of the failed run: ${join(resultsDir, 'logs-extension-tests')}${extensionLog ? ` (Inkwell's own: ${extensionLog})` : ''}`);
    }
    if (!options.keepRunDir) run.remove();
    else console.log(`  run folder kept: ${run.root}`);
  }
}
