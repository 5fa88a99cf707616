// The same test index, run by @vscode/test-electron in desktop VS Code (Electron), on a machine that has
// it or can download it. Not used here (these machines reach no VS Code download server): see
// runInServer.ts for the VS Code server + Chromium way, which runs the very same dist/test/integration.
//
//   npx tsx test/integration/runWithTestElectron.ts               # downloads VS Code stable into .cache/
//   VSCODE_VERSION=1.90.0 npx tsx test/integration/runWithTestElectron.ts
//   VSCODE_EXECUTABLE=/usr/share/code/code npx tsx test/integration/runWithTestElectron.ts   # an installed one
//   (on Linux without a display: xvfb-run -a npx tsx test/integration/runWithTestElectron.ts)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './fixtures';
import { repoRoot } from './harness/paths';

async function main(): Promise<number> {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'inkwell-electron-'));
  const workspace = join(root, 'workspace');
  execFileSync('mkdir', ['-p', workspace]);
  prepareWorkspace(workspace);
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      cachePath: join(repoRoot, '.cache', 'vscode-desktop'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
      extensionTestsEnv: process.env.INKWELL_TEST_GREP ? { INKWELL_TEST_GREP: process.env.INKWELL_TEST_GREP } : undefined,
      // A throw-away profile, no other extensions, the prepared workspace.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(root, 'user-data')}`, '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
