/**
 * Pad latency: pen-up -> candidates, in headless Debian Chromium with the webview's own tfjs
 * backend (WebGL through SwiftShader here). Prints figures; asserts nothing.
 *
 *   npm run bench:pad [-- --runs 30 --model models/char-cnn --chromium /usr/bin/chromium]
 *
 * A. The recognition path bundled for the browser (bench/padLatencyPage.ts): core/strokes ->
 *    normalizeCharacter -> CharClassifier -> core/decode, timed inside the page from the call
 *    (the pen-up) to the candidates; once per tfjs backend (webgl, wasm, cpu), for comparison.
 * B. The real pad (webview/pad/main.ts bundled as the extension bundles it, in a page that stands
 *    in for the VS Code host): strokes drawn with CDP mouse events on its canvas; the pad's own
 *    pen-up -> candidate-row figure (its `inkwell:recognized` event), and the time to the next
 *    animation frame after it (the row on screen). The pad picks its backend from the setting
 *    (--pad-backend, default webgl as shipped) and its own checks (it leaves a software WebGL).
 *
 * C. Opening the pad in a real VS Code, from the command to ink accepted and to ready, cold and warm
 *    (bench/padOpen.ts; --no-vscode skips it).
 *
 * Everything is served from 127.0.0.1 by node:http; the browser has no other network.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { StrokePoint } from '../core/strokes';
import type { LoadOptions, PathResult } from './padLatencyPage';
import { write } from '../test/unit/strokes/fixtures';
import { benchPadOpen } from './padOpen';
import { emptyProfile } from '../core/profile/profile';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ONE_CHAR = 'x';
const WORD = 'Hitx cogkEl'; // ten characters and a space
const INK_WIDTH = 4; // the inkwell.inkWidth default
const WARM_UP = 3;

type Backend = 'webgl' | 'wasm' | 'cpu';

interface Args {
  runs: number;
  backends: Backend[];
  flags: Record<string, number | boolean>;
  /** The pad's backend setting (inkwell.backend); the pad itself may move off a software WebGL. */
  padBackend: Backend;
  padRuns: number;
  model: string;
  chromium: string;
  pad: boolean;
  /** C: opening the pad in a real VS Code (bench/padOpen.ts). */
  vscode: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 30, padRuns: 0, padBackend: 'webgl', backends: ['webgl', 'wasm', 'cpu'], flags: {}, model: 'models/char-cnn', chromium: '/usr/bin/chromium', pad: true, vscode: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--model') args.model = argv[++i];
    else if (a === '--chromium') args.chromium = argv[++i];
    else if (a === '--no-pad') args.pad = false;
    else if (a === '--no-vscode') args.vscode = false;
    else if (a === '--pad-backend') args.padBackend = argv[++i] as Backend;
    else if (a === '--pad-runs') args.padRuns = Math.max(1, Number(argv[++i]));
    else if (a === '--backends') args.backends = argv[++i].split(',').map((b) => b.trim() as Backend);
    else if (a === '--flag') {
      const [k, v] = argv[++i].split('=');
      args.flags[k] = v === 'true' ? true : v === 'false' ? false : Number(v);
    }
    else throw new Error(`Unknown argument '${a}'. Usage: bench:pad [--runs N] [--model DIR] [--chromium PATH] [--backends webgl,wasm,cpu] [--flag TFJS_FLAG=VALUE] [--no-pad] [--no-vscode] [--pad-backend webgl|wasm|cpu] [--pad-runs N]`);
  }
  if (!Number.isFinite(args.runs)) throw new Error('--runs takes a number');
  if (!args.padRuns) args.padRuns = args.runs;
  for (const b of [...args.backends, args.padBackend]) if (!['webgl', 'wasm', 'cpu'].includes(b)) throw new Error(`Unknown backend '${b}'.`);
  return args;
}

/** Bundle the two browser entries the way scripts/build.mjs bundles webviews (production settings). */
async function bundle(outDir: string): Promise<void> {
  const common: esbuild.BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await esbuild.build({ ...common, entryPoints: { path: 'bench/padLatencyPage.ts' }, outdir: outDir });
  // As scripts/build.mjs bundles them: the pad's own script, then the engine.
  await esbuild.build({ ...common, entryPoints: { pad: 'webview/pad/main.ts', engine: 'webview/recognition/bundle.ts' }, outdir: outDir });
}

const PATH_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>path</title></head><body><script src="/b/path.js"></script></body></html>`;

/** The pad's page as src/panels/html.ts builds it, with a stand-in for the VS Code host. */
function padHtml(settings: object, hasNgram: boolean): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/b/pad.css"><title>pad</title>
<style>:root{--vscode-editor-background:#fff;--vscode-editor-foreground:#111;--vscode-foreground:#111}</style></head>
<body data-view="pad" class="vscode-light"><main id="app" aria-busy="true"></main>
<script>
  window.__posted = []; window.__recognized = [];
  document.addEventListener('inkwell:recognized', (e) => {
    const at = performance.now();
    requestAnimationFrame(() => window.__recognized.push({ ...e.detail, frameMs: e.detail.ms + (performance.now() - at) }));
  });
  window.acquireVsCodeApi = () => ({
    postMessage(m) {
      window.__posted.push(m);
      if (m.type === 'ready') setTimeout(() => window.postMessage({ type: 'init', view: 'pad',
        modelUrl: location.origin + '/models/char-cnn/model.json',
        ${hasNgram ? "ngramUrl: location.origin + '/models/ngram/char-ngram.json'," : ''}
        wasmDir: location.origin + '/wasm/',
        settings: ${JSON.stringify(settings)},
        profile: ${JSON.stringify(emptyProfile())} }, '*'), 0);
    },
    getState() { return undefined; },
    setState() {},
  });
</script>
<script src="/b/pad.js" defer></script><script src="/b/engine.js" data-engine defer></script></body></html>`;
}

function serve(bundleDir: string, modelDir: string, settings: object, hasNgram: boolean): Promise<{ server: http.Server; origin: string }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream', '.html': 'text/html' };
  const ngramDir = path.join(ROOT, 'models/ngram');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (body: string | Buffer, type: string) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/path.html') return send(PATH_HTML, 'text/html');
    if (url.pathname === '/pad.html') return send(padHtml(settings, hasNgram), 'text/html');
    // Only files inside the three folders below are served.
    const roots: [string, string][] = [
      ['/b/', bundleDir],
      ['/models/char-cnn/', modelDir],
      ['/models/ngram/', ngramDir],
      ['/wasm/', path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')],
    ];
    for (const [prefix, dir] of roots) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.resolve(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      return send(fs.readFileSync(file), types[path.extname(file)] ?? 'application/octet-stream');
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ server, origin: `http://127.0.0.1:${port}` });
  }));
}

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return `median ${q(0.5).toFixed(1)} ms  (p10 ${q(0.1).toFixed(1)}, p90 ${q(0.9).toFixed(1)}, n=${s.length})`;
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return (gl instanceof WebGL2RenderingContext ? 'WebGL2, ' : 'WebGL1, ') + (ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  })()`);
}

async function benchPath(page: Page, origin: string, runs: number, hasNgram: boolean, backend: Backend, flags: Args['flags']): Promise<void> {
  await page.goto(`${origin}/path.html`);
  const opts: LoadOptions = {
    modelUrl: `${origin}/models/char-cnn/model.json`,
    ngramUrl: hasNgram ? `${origin}/models/ngram/char-ngram.json` : undefined,
    backend,
    wasmUrl: `${origin}/wasm/`,
    flags,
  };
  const loaded = (await page.evaluate(
    (o) => (globalThis as unknown as { inkwellBench: { load(o: LoadOptions): Promise<unknown> } }).inkwellBench.load(o),
    opts,
  )) as { backend: string; loadMs: number; webglVersion: number };
  const flagText = Object.keys(flags).length ? `, flags ${JSON.stringify(flags)}` : '';
  console.log(`A. Recognition path in the page: backend ${loaded.backend} (tf.getBackend()${loaded.webglVersion ? `; WEBGL_VERSION ${loaded.webglVersion}` : ''}${flagText}), model load + warm-up ${loaded.loadMs.toFixed(0)} ms, n-gram ${hasNgram ? 'on' : 'off'}`);
  for (const [label, text] of [['1 character', ONE_CHAR], ['10-character word', WORD]] as const) {
    const strokes = write(text, { unit: 24, step: 2 }).strokes;
    const results: PathResult[] = [];
    for (let i = 0; i < WARM_UP + runs; i++) {
      const r = (await page.evaluate(
        ([s, w]) => (globalThis as unknown as { inkwellBench: { recognize(s: StrokePoint[][], w: number): PathResult } }).inkwellBench.recognize(s, w),
        [strokes, INK_WIDTH] as const,
      )) as PathResult;
      if (i >= WARM_UP) results.push(r);
    }
    const last = results[results.length - 1];
    const split = (k: keyof PathResult['split']) => medianOf(results.map((r) => r.split[k])).toFixed(2);
    console.log(`   ${label.padEnd(18)} '${text}' -> '${last.text}' (${last.characters} chars): ${stats(results.map((r) => r.ms))}`);
    console.log(`   ${''.padEnd(18)} medians: classify ${split('classify')}, grouping, rendering and decoding ${split('rest')} ms`);
  }
  const tensors = await page.evaluate(() => (globalThis as unknown as { inkwellBench: { numTensors(): number } }).inkwellBench.numTensors());
  console.log(`   tensors alive after all runs: ${tensors}`);
}

interface Recognized {
  ms: number;
  /** The pad's own split of `ms`, when it reports one. */
  phases?: Record<string, number>;
  frameMs: number;
  text: string;
  backend: string;
  characters: number;
}

async function benchPad(page: Page, origin: string, runs: number, setting: Backend): Promise<void> {
  // Page-side code as strings: bench/ is type-checked without DOM types.
  const status = "(document.getElementById('status') || {}).textContent || ''";
  const inkAccepted = "!!document.querySelector('canvas#pad[data-stroke-count]')";
  const ready = `document.body.dataset.ready === 'true' || /could not load|failed/i.test(${status})`;
  // Opening the pad: until the canvas takes ink (strokes drawn before the model is ready are read once
  // it is), and until it is ready; cold (first load in this browser) and warm (a reload, files cached).
  const open = async (load: () => Promise<unknown>): Promise<[number, number]> => {
    const t0 = Date.now();
    await load();
    await page.waitForFunction(inkAccepted, undefined, { timeout: 60_000, polling: 5 });
    const t1 = Date.now();
    await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 5 });
    return [t1 - t0, Date.now() - t0];
  };
  const cold = await open(() => page.goto(`${origin}/pad.html`));
  const warm = await open(() => page.reload());
  console.log(`B0. Opening the real pad page: takes ink after ${cold[0]} ms cold / ${warm[0]} ms warm; ready (model loaded and warmed up) after ${cold[1]} ms cold / ${warm[1]} ms warm`);
  const backend = (await page.evaluate("document.body.dataset.backend || ''")) as string;
  if (!backend) {
    console.log(`B. Real pad: did not start: ${await page.evaluate(status)}`);
    return;
  }
  const box = await page.locator('canvas#pad').boundingBox();
  if (!box) throw new Error('pad canvas not visible');
  const note = (await page.evaluate(status)) as string;
  console.log(`B. Real pad bundle (webview/pad/main.ts, Recognizer.recognizeStrokes): backend ${backend} (the pad's data-backend; setting '${setting}'), CDP mouse strokes, pad ${box.width.toFixed(0)}x${box.height.toFixed(0)} CSS px`);
  console.log(`   pad status: ${note}`);
  for (const [label, text] of [['1 character', ONE_CHAR], ['10-character word', WORD]] as const) {
    // Sparser points than the path bench: every mouse move is a CDP round trip.
    const strokes = write(text, { unit: 24, step: 4, x0: 20, baseline: Math.min(box.height - 30, 70) }).strokes;
    const got: Recognized[] = [];
    for (let i = 0; i < WARM_UP + runs; i++) {
      const before = (await page.evaluate('window.__recognized.length')) as number;
      for (const s of strokes) {
        await page.mouse.move(box.x + s[0].x, box.y + s[0].y);
        await page.mouse.down();
        for (const p of s.slice(1)) await page.mouse.move(box.x + p.x, box.y + p.y);
        await page.mouse.up();
      }
      const wanted = before + strokes.length;
      await page.waitForFunction(`window.__recognized.length >= ${wanted}`, undefined, { timeout: 30_000 });
      const r = (await page.evaluate('window.__recognized[window.__recognized.length - 1]')) as Recognized;
      if (i >= WARM_UP) got.push(r);
      await page.keyboard.press('Escape');
    }
    const last = got[got.length - 1];
    console.log(`   ${label.padEnd(18)} '${text}' -> '${last.text}' (${last.characters} chars)`);
    console.log(`   ${''.padEnd(18)} pen-up -> candidate row in the DOM: ${stats(got.map((r) => r.ms))}`);
    console.log(`   ${''.padEnd(18)} pen-up -> next frame after it:      ${stats(got.map((r) => r.frameMs))}`);
    const phaseNames = Object.keys(last.phases ?? {});
    if (phaseNames.length) {
      console.log(`   ${''.padEnd(18)} medians: ${phaseNames.map((k) => `${k} ${medianOf(got.map((r) => r.phases?.[k] ?? NaN)).toFixed(2)}`).join(', ')} ms`);
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const modelDir = path.resolve(ROOT, args.model);
  if (!fs.existsSync(path.join(modelDir, 'model.json'))) throw new Error(`No model at ${modelDir}/model.json (train one, or pass --model DIR).`);
  if (!fs.existsSync(args.chromium)) throw new Error(`No Chromium at ${args.chromium} (Debian package 'chromium', or pass --chromium PATH).`);
  const hasNgram = fs.existsSync(path.join(ROOT, 'models/ngram/char-ngram.json'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-padbench-'));
  const bundleDir = path.join(tmp, 'bundle');
  const profile = path.join(tmp, 'profile');
  await bundle(bundleDir);
  const settings = { autoInsert: false, autoInsertDelayMs: 1000, candidateCount: 3, backend: args.padBackend, inkWidth: INK_WIDTH, charset: 'all' };
  const { server, origin } = await serve(bundleDir, modelDir, settings, hasNgram);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 900, height: 600 },
  });
  try {
    // Nothing but the local server: any other request is refused.
    await context.route((url) => !url.toString().startsWith(origin), (route) => route.abort());
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    const model = JSON.parse(fs.readFileSync(path.join(modelDir, 'model.json'), 'utf8')) as { training?: Record<string, unknown> };
    console.log(`Pad latency, pen-up -> candidates. Chromium ${context.browser()?.version() ?? '(version unknown)'} headless, ${os.cpus().length} CPU cores, ${await webglRenderer(page)}`);
    console.log(`Model ${path.relative(ROOT, modelDir)} (${fs.statSync(path.join(modelDir, 'model.json')).mtime.toISOString()}${model.training ? '' : ', no training metadata'}), ink width ${INK_WIDTH}, ${args.runs} runs after ${WARM_UP} warm-up, each run all strokes of the text`);
    for (const backend of args.backends) await benchPath(page, origin, args.runs, hasNgram, backend, args.flags);
    if (args.pad) await benchPad(page, origin, args.padRuns, args.padBackend);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (args.pad && args.vscode) await benchPadOpen();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
