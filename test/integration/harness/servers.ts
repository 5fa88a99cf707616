// Starting the two flavours of VS Code server on 127.0.0.1 only, on a free port, with Node 24.
import { join } from 'node:path';
import { codeServerEntry, node24Bin, serverMain } from './paths';
import { freePort, waitForHttp } from './network';
import { startProcess, stopProcess, type Tracked } from './processes';
import type { RunDir } from './runDir';

export interface RunningServer {
  readonly port: number;
  readonly origin: string;
  readonly process: Tracked;
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;

async function launch(name: string, args: string[], run: RunDir, port: number, echo: boolean): Promise<RunningServer> {
  const proc = startProcess({
    name,
    command: node24Bin,
    args,
    env: run.env,
    cwd: run.root,
    logFile: join(run.root, `${name}.log`),
    echo,
  });
  let alive = true;
  void proc.exited.then(() => (alive = false));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/`, startTimeoutMs, () => alive);
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  return { port, origin, process: proc, stop: () => stopProcess(proc) };
}

/**
 * The VS Code server bundled in code-server, started directly: only it accepts --enable-smoke-test-driver,
 * without which the workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
 */
export async function startTestServer(run: RunDir, echo = false): Promise<RunningServer> {
  const port = await freePort();
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--telemetry-level', 'off',
    '--reconnection-grace-time', '5', // or an extension host outlives the browser
    '--server-data-dir', run.serverData,
    '--user-data-dir', run.userData,
    '--extensions-dir', run.extensions,
  ];
  return launch('vscode-server', args, run, port, echo);
}

/** Plain code-server, as a user would run it (UI tests, `npm run try`). */
export async function startCodeServer(run: RunDir, options: { echo?: boolean; port?: number; extraArgs?: string[] } = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '10',
    '--user-data-dir', run.userData,
    '--extensions-dir', run.extensions,
    ...(options.extraArgs ?? []),
    run.workspace,
  ];
  return launch('code-server', args, run, port, options.echo ?? false);
}

/** `code-server --install-extension <vsix>` into the run's own extensions folder. */
export async function installExtension(run: RunDir, vsix: string): Promise<void> {
  const proc = startProcess({
    name: 'install-extension',
    command: node24Bin,
    args: [codeServerEntry, '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--install-extension', vsix],
    env: run.env,
    cwd: run.root,
    logFile: join(run.root, 'install-extension.log'),
  });
  const timer = setTimeout(() => void stopProcess(proc), 60_000);
  const code = await proc.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code}); see ${join(run.root, 'install-extension.log')}`);
}
