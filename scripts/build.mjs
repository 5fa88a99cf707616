/**
 * esbuild bundles: the extension host (Node, CJS), the two webviews (browser, IIFE) and the
 * integration test index (Node, CJS, mocha bundled). Type checking is separate (`npm run typecheck`).
 *
 *   node scripts/build.mjs               development: sourcemaps, no minify
 *   node scripts/build.mjs --production  the shipped build: minified, no sourcemaps
 *   node scripts/build.mjs --watch       rebuild on change
 */
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Options shared by every target; each target adds only what differs. */
function build(opts) {
  return {
    absWorkingDir: root,
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: production ? 'none' : 'inline',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    ...opts,
  };
}

const targets = [
  build({
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  }),
  build({
    entryPoints: { pad: 'webview/pad/main.ts', importer: 'webview/importer/main.ts', teach: 'webview/teach/main.ts', engine: 'webview/recognition/bundle.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
  }),
];

// The integration test index (run inside VS Code by the test harness): built when it exists,
// never in --production (it does not ship).
if (!production && existsSync(join(root, 'test/integration/index.ts'))) {
  targets.push(
    build({
      entryPoints: ['test/integration/index.ts'],
      outfile: 'dist/test/integration/index.js',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      // mocha's parallel mode (never used here) resolves worker files at run time.
      logOverride: { 'require-resolve-not-external': 'silent' },
      // Shipped never (.vscodeignore); keep it readable for stack traces.
      minify: false,
      sourcemap: 'inline',
    }),
  );
}

/** The tfjs wasm backend fetches its binaries at run time; they ship beside the webview bundles. */
function copyWasmBinaries() {
  const from = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  mkdirSync(join(root, 'dist', 'webview'), { recursive: true });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    copyFileSync(join(from, file), join(root, 'dist', 'webview', file));
  }
}

async function main() {
  // Stale bundles from a removed entry must not ship.
  if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true, maxRetries: 3 });
  if (watch) {
    copyWasmBinaries();
    const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[build] watching');
    return;
  }
  const started = Date.now();
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  copyWasmBinaries();
  const warnings = results.reduce((n, r) => n + r.warnings.length, 0);
  console.log(`[build] ${targets.length} targets${production ? ' (production)' : ''} in ${Date.now() - started} ms, ${warnings} warnings`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
