/**
 * Serves the built pad and importer webviews outside VS Code, for headless Chromium checks,
 * latency benches and README screenshots: the same HTML shell and CSP as the extension, a
 * stand-in for acquireVsCodeApi that answers `ready` with `init` and `insert` with success, and
 * a light or dark set of --vscode-* theme variables.
 *
 *   npx tsx scripts/previewWebviews.ts [--model models/char-cnn] [--port 8123]   then open /pad.html?theme=dark
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');

export type PreviewTheme = 'light' | 'dark';

const THEMES: Record<PreviewTheme, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"Droid Sans Mono", monospace',
      foreground: '#3b3b3b', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'editorRuler-foreground': '#d3d3d3',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc', 'button-border': '#0000001a',
      focusBorder: '#005fb8', 'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
      'panel-border': '#e5e5e5', 'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000', 'list-hoverBackground': '#f2f2f2',
      'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'errorForeground': '#f85149', 'editorInfo-foreground': '#1a85ff',
      'editorWhitespace-foreground': '#33333333', 'list-dropBackground': '#d6ebff',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'editor-font-family': '"Droid Sans Mono", monospace',
      foreground: '#cccccc', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'editorRuler-foreground': '#5a5a5a',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c', 'button-border': '#ffffff12',
      focusBorder: '#0078d4', 'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
      'panel-border': '#2b2b2b', 'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff', 'list-hoverBackground': '#2a2d2e',
      'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'errorForeground': '#f85149', 'editorInfo-foreground': '#3794ff',
      'editorWhitespace-foreground': '#e3e4e229', 'list-dropBackground': '#383b3d',
    },
  },
};

const MIME: Record<string, string> = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream', '.png': 'image/png' };

export interface PreviewOptions {
  /** Folder holding model.json + weights (default models/char-cnn). */
  readonly modelDir?: string;
  readonly port?: number;
  /** Settings sent with init (merged over the defaults). */
  readonly settings?: Record<string, unknown>;
}

function page(view: 'pad' | 'importer', theme: PreviewTheme, settings: Record<string, unknown>): string {
  const nonce = randomBytes(16).toString('base64');
  const t = THEMES[theme];
  const vars = Object.entries(t.vars).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const init = { type: 'init', view, modelUrl: '/model/model.json', ngramUrl: '/ngram/char-ngram.json', wasmDir: '/dist/webview/', settings: { autoInsert: false, autoInsertDelayMs: 1500, candidateCount: 5, backend: 'webgl', inkWidth: 4, charset: 'all', ...settings } };
  // Same CSP as src/panels/html.ts, with 'self' standing in for the webview's cspSource.
  const csp = `default-src 'none'; style-src 'self' 'nonce-${nonce}'; img-src 'self'; connect-src 'self'; script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">html { ${vars} }</style>
<link rel="stylesheet" href="/dist/webview/${view}.css"><title>${view}</title></head>
<body class="${t.bodyClass}" data-view="${view}"><main id="app" aria-busy="true"></main>
<script nonce="${nonce}">
  // Stand-in for VS Code's webview API: records messages, answers like the host does.
  window.__posted = []; window.__state = undefined;
  window.acquireVsCodeApi = () => ({
    postMessage(m) {
      window.__posted.push(m);
      const reply = (r) => setTimeout(() => window.postMessage(r, '*'), 0);
      if (m.type === 'ready') { reply(${JSON.stringify(init)}); reply({ type: 'editorContext', before: [window.__context ?? ''] }); }
      if (m.type === 'insert') { (window.__inserted ??= []).push(m.text); reply({ type: 'insertReply', id: m.id, ok: true }); }
    },
    getState() { return window.__state; },
    setState(s) { window.__state = s; },
  });
</script>
<script nonce="${nonce}" src="/dist/webview/${view}.js"></script></body></html>`;
}

export async function startPreviewServer(opts: PreviewOptions = {}): Promise<{ server: Server; url: string }> {
  const modelDir = resolve(opts.modelDir ?? join(root, 'models', 'char-cnn'));
  const ngramDir = join(root, 'models', 'ngram');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/(pad|importer)\.html$/.exec(url.pathname);
    if (m) {
      const theme: PreviewTheme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(m[1] as 'pad' | 'importer', theme, opts.settings ?? {}));
      return;
    }
    let file: string | undefined;
    if (url.pathname.startsWith('/dist/webview/')) file = join(root, normalize(url.pathname));
    else if (url.pathname.startsWith('/model/')) file = join(modelDir, normalize(url.pathname.slice('/model/'.length)));
    else if (url.pathname.startsWith('/ngram/')) file = join(ngramDir, normalize(url.pathname.slice('/ngram/'.length)));
    const allowed = file !== undefined && [join(root, 'dist', 'webview'), modelDir, ngramDir].some((dir) => file!.startsWith(dir));
    if (!file || !allowed || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  startPreviewServer({ modelDir: arg('--model'), port: Number(arg('--port') ?? 8123) }).then(({ url }) => {
    console.log(`pad: ${url}/pad.html   importer: ${url}/importer.html   (?theme=dark)`);
  });
}
