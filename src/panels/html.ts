/**
 * The HTML shell of every Inkwell webview: one stylesheet and two scripts from dist/webview (the
 * view's own, small, then the recognition engine: see webview/recognition/engineModule.ts),
 * under a strict Content-Security-Policy (nothing remote, scripts only with this page's nonce).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ViewKind } from '../../protocol/messages';

/** The only folders a webview may load from. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'models')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

const TITLES: Record<ViewKind, string> = { pad: 'Inkwell Drawing Pad', importer: 'Inkwell Image Importer', teach: 'Teach Inkwell My Handwriting' };

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: ViewKind): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    // Previews are drawn on canvases, so images need no blob: or data: sources.
    `img-src ${webview.cspSource}`,
    // The model (model.json, weights), n-gram and wasm binaries come from the extension's own folder.
    `connect-src ${webview.cspSource}`,
    // 'wasm-unsafe-eval' lets the tfjs wasm backend compile its binary; nothing else is evaluated.
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${view}.css`)}">
<title>${TITLES[view]}</title>
</head>
<body data-view="${view}">
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${asset(`${view}.js`)}" defer></script>
<script nonce="${nonce}" src="${asset('engine.js')}" data-engine defer></script>
</body>
</html>`;
}
