// Every process the harness starts goes through here, in its own process group, so that it and its
// children (extension hosts, Chromium helpers) can be stopped by our own PIDs — also on failure or timeout.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

export interface Tracked {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (or null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

const tracked = new Set<Tracked>();

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** All output is appended here; a copy goes to our stdout when echo is true. */
  logFile: string;
  echo?: boolean;
  onLine?: (line: string) => void;
}

export function startProcess(options: StartOptions): Tracked {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env,
    detached: true, // own process group: kill(-pid) reaches its children too
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  const child = spawn(options.command, options.args, spawnOptions);
  if (child.pid === undefined) throw new Error(`could not start ${options.name} (${options.command})`);
  const log: WriteStream = createWriteStream(options.logFile, { flags: 'a' });
  const forward = (chunk: Buffer): void => {
    log.write(chunk);
    const text = chunk.toString('utf8');
    if (options.echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${options.name}] `));
    if (options.onLine) for (const line of text.split('\n')) if (line) options.onLine(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { log.end(); resolve(code); }));
  const entry: Tracked = { name: options.name, child, pid: child.pid, exited };
  tracked.add(entry);
  void exited.then(() => tracked.delete(entry));
  return entry;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the process group, SIGKILL after graceMs if it is still there. */
export async function stopProcess(entry: Tracked, graceMs = 3000): Promise<void> {
  signalGroup(entry.pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([entry.exited, timer])) === 'timeout') signalGroup(entry.pid, 'SIGKILL');
  // The leader may be gone while a child it left behind still holds the group: make sure.
  signalGroup(entry.pid, 'SIGKILL');
}

export async function stopAll(): Promise<void> {
  await Promise.all([...tracked].map((entry) => stopProcess(entry)));
}

/** Last resort when our own process exits abruptly: no awaiting possible, so SIGKILL at once. */
export function killAllNow(): void {
  for (const entry of tracked) signalGroup(entry.pid, 'SIGKILL');
}
