/**
 * The webview's typed side of the protocol: posts WebviewToHost messages, validates every
 * HostToWebview message before a handler sees it, matches `insert` replies by id, and keeps
 * the view's state through getState/setState (state survives the webview being hidden).
 */
import { HostToWebview, InsertReplyMessage, MessageOfType, ProfileSample, ViewKind, WebviewToHost } from '../protocol/messages';
import { PendingRequests } from '../protocol/pending';
import { parseHostToWebview } from '../protocol/validate';

type Handler<T extends HostToWebview['type']> = (message: MessageOfType<HostToWebview, T>) => void;

const INSERT_TIMEOUT_MS = 15_000;

export class HostClient<State> {
  private readonly api: VsCodeApi<State>;
  private readonly handlers = new Map<string, Array<(m: HostToWebview) => void>>();
  private readonly inserts = new PendingRequests<InsertReplyMessage>();

  constructor(readonly view: ViewKind) {
    this.api = acquireVsCodeApi<State>();
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    this.on('insertReply', (m) => {
      if (!this.inserts.resolve(m.id, m)) this.log('warn', `insert reply ${m.id} arrived after its request timed out`);
    });
  }

  /** Call once every `on` handler is registered: the host sends `init` only after this. */
  ready(): void {
    this.post({ type: 'ready', view: this.view });
  }

  on<T extends HostToWebview['type']>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as (m: HostToWebview) => void);
    this.handlers.set(type, list);
  }

  post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    this.post({ type: 'log', level, message: message.slice(0, 4000) });
  }

  /**
   * Ask the host to insert text at the cursor(s); resolves to the host's verdict. `key` names the
   * writing (see newInsertKey): asking again with the same key after a timeout inserts it at most once.
   */
  /** `learn`: the characters the writer corrected in `text`, taught to the profile once it is inserted. */
  async insert(text: string, key: string, learn: readonly ProfileSample[] = []): Promise<InsertReplyMessage> {
    const { id, reply } = this.inserts.create('Inserting text', INSERT_TIMEOUT_MS);
    this.post(learn.length > 0 ? { type: 'insert', id, key, text, learn } : { type: 'insert', id, key, text });
    return reply;
  }

  getState(): State | undefined {
    return this.api.getState();
  }

  setState(state: State): void {
    this.api.setState(state);
  }

  /** Called with each rejected message, so a view can fail a request it recognises instead of letting it time out. */
  onRejected: ((raw: unknown, error: string) => void) | undefined;

  private receive(raw: unknown): void {
    const parsed = parseHostToWebview(raw);
    if (!parsed.ok) {
      // Logged on the host side too, where it is visible in the Output panel.
      console.warn(`[inkwell] rejected message: ${parsed.error}`);
      this.log('warn', `webview rejected a host message: ${parsed.error}`);
      this.onRejected?.(raw, parsed.error);
      return;
    }
    for (const handler of this.handlers.get(parsed.message.type) ?? []) {
      try {
        handler(parsed.message);
      } catch (err) {
        this.log('error', `handler for '${parsed.message.type}' failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      }
    }
  }
}

/**
 * The insert key of the text a view is showing: the same while the same text is retried (a timeout,
 * a second press), a new one once that text went in or the text changed.
 */
export class InsertKeys {
  private static readonly session = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  private counter = 0;
  private current: { text: string; key: string } | undefined;

  keyFor(text: string): string {
    if (this.current?.text !== text) this.current = { text, key: `${InsertKeys.session}-${++this.counter}` };
    return this.current.key;
  }

  /** The text went in: asking to insert it again is a new insertion. */
  inserted(): void {
    this.current = undefined;
  }
}
