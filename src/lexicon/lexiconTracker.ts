/**
 * The lexicon of the document the writing goes to (documentLexicon.ts), kept up to date without
 * rescanning on every keystroke: computed at once when the target document changes, and again a
 * pause after its text was edited (onDidChange then fires, so the views get the new one).
 */
import * as vscode from 'vscode';
import { EditorTracker } from '../editorTracker';
import { documentLexicon } from './documentLexicon';

/** Pause after an edit before the document is scanned again. */
export const LEXICON_DEBOUNCE_MS = 750;
const NONE: readonly string[] = Object.freeze([]);

interface Computed {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  readonly words: readonly string[];
}

export class LexiconTracker implements vscode.Disposable {
  private computed: Computed | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires when an edit changed the target document's lexicon (a pause after the edit). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly tracker: EditorTracker) {
    this.subscriptions = [
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document === this.tracker.target()?.document) this.schedule();
      }),
    ];
  }

  /**
   * The target document's lexicon. The same array is returned until it changes (callers compare by
   * identity); a document edited since it was scanned keeps its last lexicon until the rescan.
   */
  words(): readonly string[] {
    const doc = this.tracker.target()?.document;
    if (!doc) return NONE;
    const c = this.computed;
    if (c && c.uri === doc.uri.toString() && c.languageId === doc.languageId) {
      if (c.version !== doc.version && !this.pending) this.schedule();
      return c.words;
    }
    return this.scan(doc).words;
  }

  private scan(doc: vscode.TextDocument): Computed {
    const words = documentLexicon(doc.getText(), doc.languageId);
    const previous = this.computed;
    const same = previous && previous.uri === doc.uri.toString() && sameWords(previous.words, words);
    this.computed = { uri: doc.uri.toString(), version: doc.version, languageId: doc.languageId, words: same ? previous.words : Object.freeze(words) };
    return this.computed;
  }

  private schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      const doc = this.tracker.target()?.document;
      if (!doc) return;
      const before = this.computed?.words;
      if (this.scan(doc).words !== before) this.changeEmitter.fire();
    }, LEXICON_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
