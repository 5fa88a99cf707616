/**
 * The writer owns their profile: teach it (the teaching page), export it to a JSON file, import one
 * (validated whole: a bad file changes nothing), and reset it. Export and import take an optional Uri
 * (scripts and tests); without one they ask with the file dialog.
 */
import * as vscode from 'vscode';
import { countsByLabel, parseProfile, serializeProfile } from '../../core/profile/profile';
import { Services } from '../services';
import { TeachPanel } from '../teach/TeachPanel';
import { UserFacingError } from '../userError';

/** Largest file an import reads (a profile is at most 2 MB; a little room for formatting). */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export async function teachHandwriting(services: Services): Promise<void> {
  const teach = TeachPanel.createOrShow(services);
  teach.connection.send({ type: 'action', action: 'focus' });
}

export async function exportProfile(services: Services, uriArg?: unknown): Promise<vscode.Uri | undefined> {
  await services.profiles.loaded;
  const uri = uriArg instanceof vscode.Uri
    ? uriArg
    : await vscode.window.showSaveDialog({ title: 'Export Handwriting Profile', saveLabel: 'Export', filters: { 'Handwriting profile': ['json'] }, defaultUri: vscode.Uri.file('inkwell-handwriting-profile.json') });
  if (!uri) return undefined;
  const profile = services.profiles.profile;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeProfile(profile)));
  void vscode.window.showInformationMessage(`Inkwell: exported ${profile.samples.length} samples of ${countsByLabel(profile).size} characters to ${uri.path.split('/').pop()}.`);
  return uri;
}

export async function importProfile(services: Services, uriArg?: unknown): Promise<number | undefined> {
  const uri = uriArg instanceof vscode.Uri
    ? uriArg
    : (await vscode.window.showOpenDialog({ title: 'Import Handwriting Profile', openLabel: 'Import', canSelectMany: false, filters: { 'Handwriting profile': ['json'] } }))?.[0];
  if (!uri) return undefined;
  const name = uri.path.split('/').pop() ?? 'the file';
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    throw new UserFacingError(`Inkwell: ${name} could not be read; the handwriting profile is unchanged.`);
  }
  if (stat.type !== vscode.FileType.File) throw new UserFacingError(`Inkwell: ${name} is not a file; the handwriting profile is unchanged.`);
  if (stat.size > MAX_IMPORT_BYTES) throw new UserFacingError(`Inkwell: ${name} is ${(stat.size / 1048576).toFixed(1)} MB, too large for a handwriting profile (at most 2 MB); the profile is unchanged.`);
  let profile;
  try {
    profile = parseProfile(new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)));
  } catch (err) {
    throw new UserFacingError(`Inkwell: ${name} was not imported: ${(err as Error).message.replace(/^The file/, 'it')} The handwriting profile is unchanged.`);
  }
  await services.profiles.replace(profile);
  void vscode.window.showInformationMessage(`Inkwell: imported ${profile.samples.length} samples of ${countsByLabel(profile).size} characters from ${name}.`);
  return profile.samples.length;
}

/** `confirmed`: true skips the question (scripts and tests); a person is asked first. */
export async function resetProfile(services: Services, confirmed?: unknown): Promise<boolean> {
  await services.profiles.loaded;
  const n = services.profiles.profile.samples.length;
  if (confirmed !== true) {
    const answer = await vscode.window.showWarningMessage(
      `Forget all ${n} samples of your handwriting? Inkwell will read as it did before it learned your hand. (Export the profile first to keep a copy.)`,
      { modal: true },
      'Reset',
    );
    if (answer !== 'Reset') return false;
  }
  await services.profiles.reset();
  void vscode.window.showInformationMessage('Inkwell: your handwriting profile is reset.');
  return true;
}
