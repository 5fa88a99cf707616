// The test index: the module @vscode/test-electron runs (and runInServer.ts gives the VS Code server as
// extensionTestsPath). It runs mocha inside the extension host, against the real `vscode` API.
import Mocha from 'mocha';
import { format } from 'node:util';
import { formatResultLine, testOutputMarker } from './harness/results';

// A glob does not survive bundling: every suite is listed here, in the order it runs. Activation comes
// first: it measures activating the extension in a host where nothing has activated it yet.
const suites: ReadonlyArray<() => Promise<unknown>> = [
  () => import('./suite/activation.test'),
  () => import('./suite/insertion.test'),
  () => import('./suite/refusals.test'),
  () => import('./suite/protocol.test'),
  () => import('./suite/imageFile.test'),
  () => import('./suite/profile.test'),
  () => import('./suite/lexicon.test'),
  () => import('./suite/webviewStart.test'),
];

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  // `npm run test:integration -- --grep=<text>` reaches us through the extension host's environment.
  const grep = process.env.INKWELL_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Every reporter line carries the marker, so the runner can show it apart from the workbench's logs.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    for (const line of format(...args).split('\n')) console.log(`${testOutputMarker} ${line}`);
  };
  mocha.suite.emit('pre-require', globalThis, 'inkwell-integration', mocha);
  for (const load of suites) await load();
  const stats = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  console.log(formatResultLine({ passed: stats.passes, failed: stats.failures }));
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}
