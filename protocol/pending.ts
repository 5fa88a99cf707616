/**
 * Requests awaiting a reply, matched by id, each with a timeout.
 *
 * Every entry leaves the map exactly once: on its reply, on its timeout or on dispose(), so a
 * webview that never answers cannot grow the map.
 */
export class RequestTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'RequestTimeoutError';
  }
}

interface Entry<T> {
  resolve(value: T): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingRequests<T> {
  private nextId = 1;
  private readonly entries = new Map<number, Entry<T>>();

  /** Number of requests still waiting (for tests and leak checks). */
  get size(): number {
    return this.entries.size;
  }

  /** Start a request: returns its id (put it in the message) and the promise of its reply. */
  create(what: string, timeoutMs: number): { id: number; reply: Promise<T> } {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.entries.delete(id);
        reject(new RequestTimeoutError(what, timeoutMs));
      }, timeoutMs);
      this.entries.set(id, { resolve, reject, timer });
    });
    return { id, reply };
  }

  /** Deliver a reply; false when no request with this id is waiting (late, duplicate or forged). */
  resolve(id: number, value: T): boolean {
    const entry = this.take(id);
    entry?.resolve(value);
    return entry !== undefined;
  }

  reject(id: number, error: Error): boolean {
    const entry = this.take(id);
    entry?.reject(error);
    return entry !== undefined;
  }

  /** Fail every waiting request (the other side went away). */
  dispose(reason = 'The view was closed.'): void {
    for (const id of [...this.entries.keys()]) this.reject(id, new Error(reason));
  }

  private take(id: number): Entry<T> | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.entries.delete(id);
    return entry;
  }
}
