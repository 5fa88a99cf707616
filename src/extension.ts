/**
 * Entry point: registers everything and does nothing else (activation must stay cheap; the
 * model loads inside a webview only when a pad or importer opens).
 */
import * as vscode from 'vscode';
import { debugState, receiveWebviewMessage, stallWebview } from './commands/debug';
import { insertLastResult } from './commands/insertLastResult';
import { openPad } from './commands/openPad';
import { pasteImage } from './commands/pasteImage';
import { recognizeImageFile } from './commands/recognizeImageFile';
import { EditorTracker } from './editorTracker';
import { registerFailableCommand } from './failable';
import { ImporterPanel } from './importer/ImporterPanel';
import { LastResult } from './lastResult';
import { LexiconTracker } from './lexicon/lexiconTracker';
import { disposeLog } from './log';
import { PadPanel } from './pad/PadPanel';
import { PadViewProvider } from './pad/PadViewProvider';
import { Services } from './services';
import { ProfileStore } from './profile/profileStore';
import { exportProfile, importProfile, resetProfile, teachHandwriting } from './commands/profileCommands';
import { TeachPanel } from './teach/TeachPanel';
import { OnceByKey } from '../protocol/onceByKey';

export function activate(context: vscode.ExtensionContext): { activationMs: number } {
  const started = performance.now();
  const tracker = new EditorTracker();
  const lexicon = new LexiconTracker(tracker);
  const profiles = new ProfileStore(context.globalStorageUri);
  const services: Services = { extensionUri: context.extensionUri, tracker, lexicon, lastResult: new LastResult(), appliedInserts: new OnceByKey(), storage: context.workspaceState, profiles };
  let activationMs = 0;

  context.subscriptions.push(
    tracker,
    lexicon,
    profiles,
    PadPanel.registerSerializer(services),
    PadViewProvider.register(services),
    { dispose: () => PadPanel.instance?.dispose() },
    { dispose: () => ImporterPanel.instance?.dispose() },
    registerFailableCommand('inkwell.openPad', () => openPad(services)),
    registerFailableCommand('inkwell.recognizeImageFile', (uri?: unknown, options?: unknown) => recognizeImageFile(services, uri, options)),
    registerFailableCommand('inkwell.pasteImage', () => pasteImage(services)),
    registerFailableCommand('inkwell.insertLastResult', () => insertLastResult(services)),
    registerFailableCommand('inkwell.teachHandwriting', () => teachHandwriting(services)),
    registerFailableCommand('inkwell.exportProfile', (uri?: unknown) => exportProfile(services, uri)),
    registerFailableCommand('inkwell.importProfile', (uri?: unknown) => importProfile(services, uri)),
    registerFailableCommand('inkwell.resetProfile', (confirmed?: unknown) => resetProfile(services, confirmed)),
    { dispose: () => TeachPanel.instance?.dispose() },
    { dispose: disposeLog },
  );
  // Test hooks exist only when VS Code runs the extension's own tests: in a user's editor no other
  // extension can feed Inkwell messages (and so insert text) or read what it recognised.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      registerFailableCommand('inkwell.debug.receiveWebviewMessage', (raw: unknown, view?: unknown) => receiveWebviewMessage(services, raw, view)),
      registerFailableCommand('inkwell.debug.state', () => debugState(services, activationMs)),
      registerFailableCommand('inkwell.debug.stallWebview', (view?: unknown) => stallWebview(services, view)),
    );
  }

  // Not logged here: creating the output channel would be most of activation's cost.
  activationMs = performance.now() - started;
  return { activationMs };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
