// Debian's Chromium, started by us (so we own its PID) and driven over CDP by playwright-core.
// Playwright never downloads a browser here.
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumBin } from './paths';
import { startProcess, stopProcess, type Tracked } from './processes';
import type { RunDir } from './runDir';

export interface RunningBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly process: Tracked;
  stop(): Promise<void>;
}

/** Flags for a root user on a closed network (see ../shared/notes/real-vscode-testing.md). */
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad', // no crash handler: it would leave its own process group and outlive the run
  '--disable-dev-shm-usage',
  '--window-size=1400,900',
];

export async function launchBrowser(run: RunDir): Promise<RunningBrowser> {
  let resolveEndpoint: (url: string) => void = () => {};
  const endpoint = new Promise<string>((resolve) => (resolveEndpoint = resolve));
  const proc = startProcess({
    name: 'chromium',
    command: chromiumBin,
    args: [...chromiumFlags, `--user-data-dir=${run.browserProfile}`, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank'],
    env: run.env,
    cwd: run.root,
    logFile: join(run.root, 'chromium.log'),
    onLine: (line) => {
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (match) resolveEndpoint(match[1]);
    },
  });
  // Either promise may settle after the race is decided: handle them so no rejection goes unhandled.
  let timer: NodeJS.Timeout | undefined;
  const failed = proc.exited.then((code) => {
    throw new Error(`chromium exited (${code}) before it was ready; see ${join(run.root, 'chromium.log')}`);
  });
  failed.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('chromium did not open its DevTools port within 30 s')), 30_000);
  });
  try {
    const wsUrl = await Promise.race([endpoint, failed, timeout]);
    clearTimeout(timer);
    const browser = await chromium.connectOverCDP(wsUrl);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    return {
      browser,
      context,
      process: proc,
      stop: async () => {
        await browser.close().catch(() => undefined);
        await stopProcess(proc);
      },
    };
  } catch (error) {
    clearTimeout(timer);
    await stopProcess(proc);
    throw error;
  }
}
