// Fallback only: when scripts/build.mjs does not (yet) bundle the test index, bundle it here the same way
// (CommonJS for the extension host, `vscode` provided by the host, mocha resolved from node_modules).
import { build } from 'esbuild';
import { join } from 'node:path';
import { repoRoot } from './paths';

export async function bundleTestIndex(outfile: string): Promise<void> {
  console.log(`▶ bundling the test index (scripts/build.mjs did not write ${outfile})`);
  await build({
    entryPoints: [join(repoRoot, 'test', 'integration', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
