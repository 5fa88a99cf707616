/** What every panel and command shares, created once in activate(). */
import * as vscode from 'vscode';
import { EditorTracker } from './editorTracker';
import { LastResult } from './lastResult';

export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly tracker: EditorTracker;
  readonly lastResult: LastResult;
}
