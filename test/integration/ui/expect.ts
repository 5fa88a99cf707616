// Assertions for the UI tests (plain Node, outside mocha): a clear message, nothing more.
export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Polls `condition` until it holds; fails with `describe()` after timeoutMs. */
export async function waitUntil(condition: () => Promise<boolean>, describe: () => Promise<string>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
