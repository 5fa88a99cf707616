/**
 * Remembers the text editor that had focus last. While a webview (the pad, the importer) has
 * focus, `window.activeTextEditor` is undefined, yet that editor is where the user means to write.
 */
import * as vscode from 'vscode';
import { CONTEXT_CHARS } from '../protocol/messages';

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = writingTarget(vscode.window.activeTextEditor);
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;

  /** Fires (debounced) when the target editor, its cursors or its text change. */
  readonly onDidChangeTarget = this.changeEmitter.event;

  constructor() {
    this.subscriptions = [
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (writingTarget(editor)) this.last = editor;
        this.changed();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === this.target()) this.changed();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.target()?.document) this.changed();
      }),
    ];
  }

  /**
   * The editor an insertion goes to: the active one, else the last focused one if its document is
   * still open (re-found among the visible editors, as a TextEditor object goes stale when hidden).
   */
  target(): vscode.TextEditor | undefined {
    const active = writingTarget(vscode.window.activeTextEditor);
    if (active) return active;
    const last = this.last;
    if (!last || last.document.isClosed) return undefined;
    const visible = vscode.window.visibleTextEditors;
    if (visible.includes(last)) return last;
    return visible.find((e) => e.document === last.document);
  }

  /**
   * Pins today's target for an insertion that happens later (an image read in the background): the
   * returned function finds an editor on the same document, or undefined when it was closed. It
   * never follows the focus to another file.
   */
  pin(): () => Promise<vscode.TextEditor | undefined> {
    const editor = this.target();
    if (!editor) return async () => undefined;
    const doc = editor.document;
    const column = editor.viewColumn;
    return async () => {
      if (doc.isClosed) return undefined;
      const visible = vscode.window.visibleTextEditors;
      if (visible.includes(editor)) return editor;
      const shown = visible.find((e) => e.document === doc);
      if (shown) return shown;
      // Open in a background tab: bring it back (its cursors come back with it) without taking the focus.
      return vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: true, preview: false });
    };
  }

  /** The last CONTEXT_CHARS characters before each cursor (primary cursor first). */
  contextBeforeCursors(replaceSelection: boolean): string[] {
    const editor = this.target();
    if (!editor) return [];
    const doc = editor.document;
    return editor.selections.map((sel) => {
      const at = replaceSelection && !sel.isEmpty ? sel.start : sel.active;
      const offset = doc.offsetAt(at);
      return doc.getText(new vscode.Range(doc.positionAt(Math.max(0, offset - CONTEXT_CHARS)), at));
    });
  }

  private changed(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changeEmitter.fire();
    }, 30);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/** Editors a user writes into: not the Output panel's text view, which becomes active when clicked. */
function writingTarget(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
  return editor && editor.document.uri.scheme !== 'output' ? editor : undefined;
}
