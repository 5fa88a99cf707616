// The workspace folder every test window opens: a text file to write into and copies of shipped images.
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness/paths';

export const notesFile = 'notes.txt';

export function prepareWorkspace(workspace: string): void {
  writeFileSync(join(workspace, notesFile), '');
  writeFileSync(join(workspace, 'readonly-source.txt'), 'keep me\n');
  const samples = join(repoRoot, 'samples', 'chars');
  if (existsSync(samples)) {
    for (const file of readdirSync(samples).filter((name) => /\.(png|jpe?g)$/i.test(name))) {
      copyFileSync(join(samples, file), join(workspace, file));
    }
  }
}
