/**
 * One live webview's side of the protocol: validates every inbound message, answers the
 * webview's requests (insert), sends the host's (recognizeImage) and keeps the webview fed with
 * settings and the text before the cursor.
 */
import * as vscode from 'vscode';
import { HostToWebview, ProfileSample, RecognizeImageReply, ViewKind, WebviewToHost } from '../../protocol/messages';
import { PendingRequests } from '../../protocol/pending';
import { parseWebviewToHost } from '../../protocol/validate';
import { onSettingsChanged, readSettings, webviewSettings } from '../config';
import { reportError } from '../failable';
import { insertText } from '../insertion';
import { log } from '../log';
import { PAD_STATE_KEY, Services } from '../services';
import { UserFacingError } from '../userError';
import { webviewHtml } from './html';

/** Messages held for a webview that is (re)loading. */
const MAX_QUEUED = 8;

/**
 * How long a shown document may take to say `ready` before it is loaded again, per attempt. A webview
 * whose scripts never arrive stays blank for good (seen now and then in the UI tests' VS Code server:
 * no script ran, nothing was logged); loading it again is the one remedy the host has. Generous, and
 * longer each time, so a slow machine still finishes loading.
 */
const START_TIMEOUTS_MS: readonly number[] = [10_000, 20_000, 40_000];

export interface ReceiveOutcome {
  readonly accepted: boolean;
  readonly error?: string;
}

/** What the webview last said about its model (shown by the debug hook, waited on by tests). */
type ModelState = { state: 'loading' | 'ready' | 'error'; backend?: string; loadMs?: number; message?: string };

export class WebviewConnection implements vscode.Disposable {
  private ready = false;
  private queue: HostToWebview[] = [];
  private readonly imageRequests = new PendingRequests<RecognizeImageReply>();
  /** Image requests sent and not yet answered: a hidden webview loses them with its document. */
  private readonly inFlight = new Map<number, HostToWebview>();
  private readonly readyWaiters: Array<() => void> = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private modelState: ModelState = { state: 'loading' };
  /** The lexicon this webview's document last got: resent only when it changes (up to 5,000 words). */
  private sentLexicon: readonly string[] | undefined;
  /** Count of rejected inbound messages (read by the debug hook and tests). */
  rejected = 0;
  /** Documents loaded again because they had not said ready in time (read by the debug hook and tests). */
  restarts = 0;
  private startWatch: ReturnType<typeof setTimeout> | undefined;
  private startAttempt = 0;

  constructor(
    private readonly webview: vscode.Webview,
    readonly view: ViewKind,
    private readonly services: Services,
    /** Whether the view shows now (a hidden view has no document to wait for). */
    private readonly isVisible: () => boolean,
  ) {
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      onSettingsChanged((s) => this.send({ type: 'settings', settings: webviewSettings(s) })),
      services.tracker.onDidChangeTarget(() => this.sendContext()),
      services.lexicon.onDidChange(() => this.sendContext()),
      services.profiles.onDidChange((profile) => this.send({ type: 'profile', profile })),
    );
    this.load();
  }

  /**
   * Loads (or reloads) the webview's document: it holds messages until the new document says ready.
   * `html` replaces the view's own page only for the debug hook, to test that a page that never
   * starts is loaded again.
   */
  load(html = webviewHtml(this.webview, this.services.extensionUri, this.view)): void {
    this.holdMessages();
    this.webview.html = html;
    this.watchStart();
  }

  private watchStart(): void {
    clearTimeout(this.startWatch);
    const timeout = START_TIMEOUTS_MS[this.startAttempt];
    if (timeout === undefined) return; // given up: the log says so
    this.startWatch = setTimeout(() => {
      this.startWatch = undefined;
      if (this.ready || !this.isVisible()) return;
      this.startAttempt++;
      this.restarts++;
      const last = this.startAttempt === START_TIMEOUTS_MS.length;
      log().warn(`[${this.view}] the webview had not started ${timeout / 1000} s after loading: loading it again${last ? ' (last try)' : ''}`);
      this.load();
    }, timeout);
  }

  get model(): ModelState {
    return this.modelState;
  }

  /** The lexicon last sent to the webview (the debug hook shows it to tests). */
  get lexicon(): readonly string[] | undefined {
    return this.sentLexicon;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Image requests sent or queued and not yet answered. */
  get imagesInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * The view was hidden or shown. Hidden, its document goes away: hold messages until it says ready
   * again, and queue every unanswered image request again, so the new document reads it at once instead
   * of the command waiting out its timeout. Shown again, VS Code reloads the document, which must say
   * ready in time.
   */
  visibilityChanged(): void {
    if (this.isVisible()) {
      if (!this.ready) this.watchStart();
      return;
    }
    clearTimeout(this.startWatch);
    this.holdMessages();
  }

  private holdMessages(): void {
    this.ready = false;
    for (const message of this.inFlight.values()) if (!this.queue.includes(message)) this.queue.push(message);
  }

  /** Resolves once the webview has said `ready` (and been sent `init`). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  send(message: HostToWebview): void {
    if (!this.ready) {
      // Settings and context are resent with init. A reply is dropped: the document that asked is gone
      // (a reloaded webview numbers its requests afresh, so an old reply could answer a new request).
      if (message.type === 'recognizeImage' || message.type === 'action') {
        this.queue.push(message);
        // Bounded: an image request holds its bytes; the oldest ones have timed out by now.
        if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
      }
      return;
    }
    void this.webview.postMessage(message);
  }

  /** Ask the importer to recognise an image; rejects on timeout or when the view closes. */
  async recognizeImage(name: string, bytes: Uint8Array, timeoutMs = 120_000): Promise<RecognizeImageReply> {
    const { id, reply } = this.imageRequests.create(`Recognising ${name}`, timeoutMs);
    const message: HostToWebview = { type: 'recognizeImage', id, name, bytes };
    this.inFlight.set(id, message);
    const settled = () => {
      this.inFlight.delete(id);
      this.queue = this.queue.filter((m) => m !== message);
    };
    reply.then(settled, settled);
    this.send(message);
    return reply;
  }

  /** Entry point of every inbound message, real or injected by the debug hook. */
  receive(raw: unknown): ReceiveOutcome {
    const parsed = parseWebviewToHost(raw);
    if (!parsed.ok) {
      this.rejected++;
      log().warn(`[${this.view}] rejected a malformed webview message: ${parsed.error}`);
      return { accepted: false, error: parsed.error };
    }
    try {
      this.dispatch(parsed.message);
    } catch (err) {
      reportError(err, `${this.view} message '${parsed.message.type}'`);
    }
    return { accepted: true };
  }

  private dispatch(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        this.onReady();
        break;
      case 'log':
        log()[message.level](`[${this.view}] ${message.message}`);
        break;
      case 'modelStatus': {
        const { type: _t, ...state } = message;
        this.modelState = state;
        log().info(`[${this.view}] model ${message.state}${message.backend ? ` on ${message.backend}` : ''}${message.loadMs !== undefined ? ` in ${Math.round(message.loadMs)} ms` : ''}${message.message ? `: ${message.message}` : ''}`);
        break;
      }
      case 'padState':
        if (this.view === 'pad') void this.services.storage.update(PAD_STATE_KEY, message.state);
        break;
      case 'result':
        // What the pad shows is not yet text the writer chose: Insert Last Result repeats only what was
        // inserted (onInsert) or read from an image file, never a reading that was left on the pad.
        break;
      case 'insert':
        void this.onInsert(message.id, message.key, message.text, message.learn ?? []);
        break;
      case 'teach':
        // Only the teaching page teaches by asking; the pad and the importer teach through inserts.
        if (this.view === 'teach') void this.services.profiles.add(message.samples.filter((s) => s.source === 'teach'));
        else log().warn(`[${this.view}] a teach message from a view that does not teach was dropped`);
        break;
      case 'recognizeImageReply':
        if (!this.imageRequests.resolve(message.id, message)) log().warn(`[${this.view}] reply to unknown request ${message.id} dropped`);
        break;
    }
  }

  private onReady(): void {
    const settings = readSettings();
    const modelUrl = this.webview
      .asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, 'models', 'char-cnn', 'model.json'))
      .toString();
    const ngramUrl = this.webview
      .asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, 'models', 'ngram', 'char-ngram.json'))
      .toString();
    const wasmDir = `${this.webview.asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'webview')).toString()}/`;
    this.ready = true;
    clearTimeout(this.startWatch);
    this.startAttempt = 0;
    this.sentLexicon = undefined; // a (re)loaded document has none yet
    const padState = this.view === 'pad' ? this.services.storage.get<unknown>(PAD_STATE_KEY) : undefined;
    void this.webview.postMessage({ type: 'init', view: this.view, modelUrl, ngramUrl, wasmDir, settings: webviewSettings(settings), padState, profile: this.services.profiles.profile } satisfies HostToWebview);
    this.sendContext();
    const queued = this.queue;
    this.queue = [];
    queued.forEach((m) => this.send(m));
    this.readyWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** The text before the cursors, and the lexicon when it is not the one the webview already has. */
  private sendContext(): void {
    if (!this.ready) return; // sent in full with the next init
    const settings = readSettings();
    const before = this.services.tracker.contextBeforeCursors(settings.insertMode === 'replaceSelection');
    const lexicon = this.services.lexicon.words();
    if (lexicon === this.sentLexicon) {
      this.send({ type: 'editorContext', before });
      return;
    }
    this.sentLexicon = lexicon;
    this.send({ type: 'editorContext', before, lexicon });
  }

  private async onInsert(id: number, key: string, text: string, learn: readonly ProfileSample[]): Promise<void> {
    try {
      await this.services.appliedInserts.once(key, async () => {
        const settings = readSettings();
        await insertText(this.services.tracker.target(), text, settings.insertMode);
        this.services.lastResult.set(text);
        // Learned only from text that went in, once, and only what the writer corrected in it.
        if (settings.learnFromCorrections && learn.length > 0) {
          await this.services.profiles.add(learn.filter((s) => s.source === 'pad' || s.source === 'image'));
          log().info(`[${this.view}] learned ${learn.length} corrected character${learn.length === 1 ? '' : 's'} (${learn.map((s) => s.label).join('')})`);
        }
      });
      this.send({ type: 'insertReply', id, ok: true });
    } catch (err) {
      reportError(err, `${this.view} insert`);
      const message = err instanceof UserFacingError || err instanceof Error ? err.message : String(err);
      this.send({ type: 'insertReply', id, ok: false, message });
    }
  }

  dispose(): void {
    this.ready = false;
    clearTimeout(this.startWatch);
    this.inFlight.clear();
    this.imageRequests.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
