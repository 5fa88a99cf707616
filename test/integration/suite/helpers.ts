// Small helpers over the real VS Code API for the suites (no mocks: every call reaches the workbench).
import * as assert from 'node:assert/strict';
import { format } from 'node:util';
import * as vscode from 'vscode';
import { testOutputMarker } from '../harness/results';
import type { DebugState } from '../../../src/commands/debug';

export const extensionId = 'inkwell.inkwell';

/** Prints a figure (timings are reported, never asserted). */
export function report(...args: unknown[]): void {
  console.log(`${testOutputMarker}       ${format(...args)}`);
}

export function extension(): vscode.Extension<{ activationMs: number }> {
  const ext = vscode.extensions.getExtension<{ activationMs: number }>(extensionId);
  assert.ok(ext, `extension ${extensionId} is not loaded`);
  return ext;
}

export function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

/** A fresh file in the workspace with this content, opened in an editor that has focus. */
export async function openEditor(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Closes every editor and webview; files are saved first so that no "save changes?" dialog blocks. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Feeds a message through the extension's inbound webview path (the same one a real webview uses). */
export async function sendFromWebview(raw: unknown, view: 'pad' | 'importer' | 'teach' = 'pad'): Promise<{ accepted: boolean; error?: string; rejectedTotal: number }> {
  // The hook is registered by activate() in test mode and declared nowhere, so nothing else activates it.
  await extension().activate();
  const outcome = await vscode.commands.executeCommand<{ accepted: boolean; error?: string; rejectedTotal: number }>(
    'inkwell.debug.receiveWebviewMessage',
    raw,
    view,
  );
  assert.ok(outcome, 'inkwell.debug.receiveWebviewMessage returned nothing');
  return outcome;
}

/** What the extension's test hook reports (views open, their model state, requests in flight). */
export async function debugState(): Promise<DebugState> {
  await extension().activate();
  const state = await vscode.commands.executeCommand<DebugState>('inkwell.debug.state');
  assert.ok(state, 'inkwell.debug.state returned nothing');
  return state;
}

/** Resolves when `condition` holds, polling; fails with `what` after timeoutMs. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  if (!(await holdsWithin(condition, timeoutMs))) assert.fail(`timed out waiting for ${what}`);
}

/** Whether `condition` holds within timeoutMs, polling every 50 ms. */
async function holdsWithin(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Runs one `undo` or `redo` in `editor` and waits until it reaches the document. Both act on the focused
 * editor, and focus given back by showTextDocument can land after the command on a loaded machine (a CI run
 * saw an undo change nothing), so a command that changed nothing is sent again once the editor is active;
 * one that changed anything is never repeated, so "one undo" still means one.
 */
export async function inEditor(editor: vscode.TextEditor, command: 'undo' | 'redo'): Promise<void> {
  const before = editor.document.version;
  for (let attempt = 0; attempt < 3; attempt++) {
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, 'the editor to be active again');
    await vscode.commands.executeCommand(command);
    if (await holdsWithin(() => editor.document.version !== before, 2000)) return;
  }
  assert.fail(`${command} never reached the editor`);
}

/** Counts every change to any text document while `work` runs. */
export async function documentChangesDuring(work: () => Promise<unknown>, settleMs = 300): Promise<vscode.TextDocumentChangeEvent[]> {
  const changes: vscode.TextDocumentChangeEvent[] = [];
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length > 0 && event.document.uri.scheme !== 'output') changes.push(event);
  });
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    listener.dispose();
  }
  return changes;
}

let nextId = 1_000;
/** A request id the real webview would not use. */
export function requestId(): number {
  return nextId++;
}
