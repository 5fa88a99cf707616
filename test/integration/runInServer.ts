// `npm run test:integration`: the extension's tests inside a real VS Code (the VS Code server shipped in
// code-server, Node 24, opened by Debian's Chromium), then the UI tests through the real workbench.
// Prints `N passed, N failed` for both together; exits non-zero on any failure.
//
// Options: --no-build (use dist/ as it is), --no-ui, --no-extension-tests, --ui-extension=dev|vsix,
//          --extension=<dir> --tests=<index.js> (run another extension's test index), --grep=<text> (only
//          tests whose full title contains it), --verbose, --keep (leave the run folders in /tmp for their logs).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTestIndex } from './harness/bundleTestIndex';
import { runExtensionTests } from './harness/extensionTests';
import { assertToolsInstalled, repoRoot } from './harness/paths';
import { killAllNow, stopAll } from './harness/processes';
import type { Counts } from './harness/results';
import { runUiTests, type UiExtension } from './harness/uiTests';
import { prepareWorkspace } from './fixtures';
import { uiTests } from './ui';

interface Options {
  build: boolean;
  ui: boolean;
  extensionTests: boolean;
  uiExtension: 'dev' | 'vsix';
  extensionPath: string;
  testsIndex: string;
  verbose: boolean;
  keep: boolean;
  grep?: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const uiExtension = value('ui-extension') ?? process.env.INKWELL_UI_EXTENSION ?? 'vsix';
  if (uiExtension !== 'dev' && uiExtension !== 'vsix') throw new Error(`--ui-extension must be dev or vsix, not ${uiExtension}`);
  return {
    build: !argv.includes('--no-build'),
    ui: !argv.includes('--no-ui'),
    extensionTests: !argv.includes('--no-extension-tests'),
    uiExtension,
    extensionPath: value('extension') ?? repoRoot,
    testsIndex: value('tests') ?? join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
    verbose: argv.includes('--verbose') || process.env.INKWELL_TEST_VERBOSE === '1',
    keep: argv.includes('--keep'),
    grep: value('grep'),
  };
}

const overallTimeoutMs = Number(process.env.INKWELL_TEST_TIMEOUT_S ?? 900) * 1000;
const packagedVsix = join(repoRoot, 'dist', 'inkwell.vsix');
/** build.mjs empties dist/, so the packaged extension under test is kept here. */
const vsixUnderTest = join(repoRoot, '.cache', 'test-vsix', 'inkwell.vsix');
/** A second extension (test/integration/probe) that reports which Inkwell test hooks it can reach. */
const probeVsix = join(repoRoot, '.cache', 'test-vsix', 'hook-probe.vsix');

function runStep(title: string, command: string, args: string[]): void {
  const started = Date.now();
  console.log(`▶ ${title}`);
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  assertToolsInstalled();
  const total: Counts = { passed: 0, failed: 0 };
  const add = (label: string, counts: Counts): void => {
    total.passed += counts.passed;
    total.failed += counts.failed;
    console.log(`  ${label}: ${counts.passed} passed, ${counts.failed} failed${counts.note ? ` (${counts.note})` : ''}`);
  };

  if (options.build) {
    if (options.ui && options.uiExtension === 'vsix') {
      // The packaged extension is what users install: build it first, its production bundle goes into the
      // .vsix; the development build below then replaces dist/ for the extension tests.
      runStep('packaging the extension (npm run package)', 'npm', ['run', '--silent', 'package']);
      mkdirSync(join(vsixUnderTest, '..'), { recursive: true });
      copyFileSync(packagedVsix, vsixUnderTest);
      execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', probeVsix], {
        cwd: join(repoRoot, 'test', 'integration', 'probe'),
        stdio: 'ignore',
      });
    }
    runStep('building (node scripts/build.mjs)', process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
    if (options.testsIndex === join(repoRoot, 'dist', 'test', 'integration', 'index.js') && !existsSync(options.testsIndex)) {
      await bundleTestIndex(options.testsIndex);
    }
  }

  if (options.extensionTests) {
    console.log(`▶ extension tests in the VS Code server (${options.testsIndex})`);
    const started = Date.now();
    try {
      add('extension tests', await runExtensionTests({
        extensionPath: options.extensionPath,
        testsIndex: options.testsIndex,
        workspaceSetup: prepareWorkspace,
        extensionEnv: options.grep ? { INKWELL_TEST_GREP: options.grep } : {},
        timeoutMs: 6 * 60_000,
        verbose: options.verbose,
        keepRunDir: options.keep,
      }));
    } catch (error) {
      add('extension tests', { passed: 0, failed: 1, note: error instanceof Error ? error.message : String(error) });
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  if (options.ui && uiTests.some((test) => !options.grep || test.name.includes(options.grep))) {
    const extension: UiExtension =
      options.uiExtension === 'vsix'
        ? { kind: 'vsix', vsix: vsixUnderTest, others: existsSync(probeVsix) ? [probeVsix] : [] }
        : { kind: 'dev', extensionPath: options.extensionPath };
    console.log(`▶ UI tests in the workbench (${extension.kind === 'vsix' ? `code-server + ${extension.vsix}` : 'VS Code server + extension from source'})`);
    const started = Date.now();
    try {
      const selected = uiTests.filter((test) => !options.grep || test.name.includes(options.grep));
      add('UI tests', await runUiTests(selected, {
        extension,
        workspaceSetup: prepareWorkspace,
        perTestTimeoutMs: 150_000,
        verbose: options.verbose,
        keepRunDir: options.keep,
      }));
    } catch (error) {
      add('UI tests', { passed: 0, failed: Math.max(1, uiTests.length), note: error instanceof Error ? error.message : String(error) });
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

// Whatever happens, the processes we started go away with us.
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and the browser`);
    void stopAll().finally(() => process.exit(130));
  });
}
const overall = setTimeout(() => {
  console.error(`integration tests exceeded the overall limit of ${overallTimeoutMs / 1000} s`);
  console.log('0 passed, 1 failed');
  void stopAll().finally(() => process.exit(1));
}, overallTimeoutMs);

main()
  .then(async (code) => {
    clearTimeout(overall);
    await stopAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    clearTimeout(overall);
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    console.log('0 passed, 1 failed');
    await stopAll();
    process.exit(1);
  });
