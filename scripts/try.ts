// `npm run try`: a real VS Code (code-server) in your browser with the packaged Inkwell installed, for
// machines without desktop VS Code. Packages the .vsix, installs it into a fresh profile, starts the
// server on 127.0.0.1 and prints the URL. Ctrl+C stops it.
//
//   npm run try                 # http://127.0.0.1:8080
//   npm run try -- --port 9000
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkspace } from '../test/integration/fixtures';
import { assertToolsInstalled, repoRoot } from '../test/integration/harness/paths';
import { killAllNow, stopAll } from '../test/integration/harness/processes';
import { createRunDir } from '../test/integration/harness/runDir';
import { installExtension, startCodeServer } from '../test/integration/harness/servers';

function portArgument(argv: string[]): number {
  const at = argv.indexOf('--port');
  const raw = at >= 0 ? argv[at + 1] : process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be 1-65535, not ${raw}`);
  return port;
}

const welcome = `# Try Inkwell

- Command Palette (F1) → **Inkwell: Open Drawing Pad**, write with the mouse, press **Insert** (or Enter):
  the text goes in at the cursor of this file.
- Right-click one of the sample images in the Explorer → **Inkwell: Recognize Handwriting in Image File…**

Write here:

`;

async function main(): Promise<void> {
  const port = portArgument(process.argv.slice(2));
  assertToolsInstalled();
  console.log('▶ packaging the extension (npm run package)');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  const vsix = join(repoRoot, 'dist', 'inkwell.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} was not written by npm run package`);

  const run = createRunDir('try');
  prepareWorkspace(run.workspace);
  writeFileSync(join(run.workspace, 'try-inkwell.md'), welcome);
  await installExtension(run, vsix);
  const server = await startCodeServer(run, { port });
  const url = `${server.origin}/?folder=${encodeURIComponent(run.workspace).replace(/%2F/g, '/')}`;
  console.log(`\nInkwell is installed in a real VS Code (code-server, VS Code 1.139). Open:\n\n  ${url}\n`);
  console.log(`Only this machine can reach it (127.0.0.1). From another machine: ssh -L ${port}:127.0.0.1:${port} <this host>`);
  console.log('Press Ctrl+C to stop; the profile and workspace are temporary.\n');

  let stopping = false;
  const stop = (): void => {
    stopping = true;
    console.log('\nstopping code-server');
    void stopAll().finally(() => {
      run.remove();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await server.process.exited;
  if (stopping) return;
  run.remove();
  throw new Error(`code-server exited (${code})`);
}

process.on('exit', killAllNow);
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
