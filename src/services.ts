/** What every panel and command shares, created once in activate(). */
import * as vscode from 'vscode';
import { EditorTracker } from './editorTracker';
import { LastResult } from './lastResult';
import { LexiconTracker } from './lexicon/lexiconTracker';
import { OnceByKey } from '../protocol/onceByKey';
import { ProfileStore } from './profile/profileStore';

export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly tracker: EditorTracker;
  /** The target document's identifiers and keywords, sent with the editor context. */
  readonly lexicon: LexiconTracker;
  readonly lastResult: LastResult;
  /** Webview inserts by their key: each writing goes in once, however often it is asked for. */
  readonly appliedInserts: OnceByKey;
  /** The workspace's storage: the pad's writing outlives the pad being closed. */
  readonly storage: vscode.Memento;
  /** The writer's handwriting profile (global storage). */
  readonly profiles: ProfileStore;
}

/** Where the pad's writing is kept between a close and the next open. */
export const PAD_STATE_KEY = 'inkwell.padState';
