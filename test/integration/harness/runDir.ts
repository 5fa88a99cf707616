// A fresh, throw-away folder per run: user data, extensions, TMPDIR and XDG dirs all live inside it, so no
// state from an earlier run (untitled editors, sockets, settings) leaks in and nothing is written under ~.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunDir {
  readonly root: string;
  readonly userData: string;
  readonly serverData: string;
  readonly extensions: string;
  readonly workspace: string;
  readonly browserProfile: string;
  /** Environment for every process we start: TMPDIR and XDG_* point inside the run folder. */
  readonly env: NodeJS.ProcessEnv;
  remove(): void;
}

/** Settings that keep the workbench quiet and deterministic for tests. */
export const testSettings: Record<string, unknown> = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'editor.accessibilitySupport': 'off',
  'files.autoSave': 'off',
};

export function createRunDir(label: string): RunDir {
  const root = mkdtempSync(join(tmpdir(), `inkwell-${label}-`));
  const dir = (...parts: string[]): string => {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const userData = dir('user-data');
  const serverData = dir('server-data');
  const settings = JSON.stringify(testSettings, null, 2);
  // code-server reads User/settings.json; the plain VS Code server applies Machine settings to the remote.
  writeFileSync(join(dir('user-data', 'User'), 'settings.json'), settings);
  writeFileSync(join(dir('server-data', 'data', 'Machine'), 'settings.json'), settings);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    XDG_RUNTIME_DIR: dir('xdg', 'runtime'),
    HOME: dir('home'),
  };
  // npm's own variables (when started by `npm test`) must not reach the VS Code server's Node 24.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return {
    root,
    userData,
    serverData,
    extensions: dir('extensions'),
    workspace: dir('workspace'),
    browserProfile: dir('chromium-profile'),
    env,
    remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/**
 * After a failure: the VS Code logs (the extension's own output channel among them) and our process logs,
 * copied to `dest`, so a failed CI run can be read afterwards. Returns the extension log's path, if any.
 */
export function saveLogs(run: RunDir, dest: string): string | undefined {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(run.root)) {
    if (name.endsWith('.log')) cpSync(join(run.root, name), join(dest, name));
  }
  const vscodeLogs = join(run.userData, 'logs');
  if (existsSync(vscodeLogs)) cpSync(vscodeLogs, join(dest, 'vscode'), { recursive: true });
  return findFile(join(dest, 'vscode'), 'Inkwell.log');
}

function findFile(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return undefined;
}
