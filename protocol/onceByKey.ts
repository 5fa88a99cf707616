/**
 * Runs each keyed piece of work at most once: a second call with a key that succeeded (or is still
 * running) waits for that run instead of running again; a key whose run failed may be tried again.
 * The host applies webview inserts through it, so a retried or late request never inserts twice.
 * Bounded: the oldest finished keys are forgotten first.
 */
export class OnceByKey {
  private readonly runs = new Map<string, Promise<void>>();

  constructor(private readonly capacity = 200) {}

  once(key: string, work: () => Promise<void>): Promise<void> {
    const known = this.runs.get(key);
    if (known) return known;
    const run = work().catch((err: unknown) => {
      this.runs.delete(key); // failed: nothing was applied, so a retry may run it
      throw err;
    });
    this.runs.set(key, run);
    while (this.runs.size > this.capacity) this.runs.delete(this.runs.keys().next().value as string);
    return run;
  }
}
