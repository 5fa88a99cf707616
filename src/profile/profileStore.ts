/**
 * The writer's handwriting profile on this machine: one JSON file in the extension's global storage
 * (the user's, across workspaces; never synced or sent anywhere). Every view reads with it; it changes
 * by teaching, by learning from inserted corrections, by import and by reset, and tells the views.
 */
import * as vscode from 'vscode';
import { addSamples, emptyProfile, parseProfile, ProfileSample, serializeProfile, WriterProfile } from '../../core/profile/profile';
import { log } from '../log';

const FILE_NAME = 'handwriting-profile.json';

export class ProfileStore implements vscode.Disposable {
  private current: WriterProfile = emptyProfile();
  private readonly changed = new vscode.EventEmitter<WriterProfile>();
  readonly onDidChange = this.changed.event;
  /** Writes in order, one at a time: a later change never lands before an earlier one. */
  private writing: Promise<void> = Promise.resolve();

  /** Resolves once the profile on disk has been read (activation does not wait for it). */
  readonly loaded: Promise<void>;

  constructor(private readonly folder: vscode.Uri) {
    this.loaded = this.read();
  }

  get profile(): WriterProfile {
    return this.current;
  }

  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, FILE_NAME);
  }

  async add(samples: readonly ProfileSample[]): Promise<void> {
    if (samples.length === 0) return;
    await this.set(addSamples(this.current, samples));
  }

  /** Replaces the whole profile (an import, already checked by parseProfile). */
  async replace(profile: WriterProfile): Promise<void> {
    await this.set(profile);
  }

  async reset(): Promise<void> {
    await this.set(emptyProfile());
  }

  private async set(profile: WriterProfile): Promise<void> {
    await this.loaded; // never overwritten by a read that finishes later
    this.current = profile;
    this.changed.fire(profile);
    const text = serializeProfile(profile);
    this.writing = this.writing.then(async () => {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(text));
    });
    await this.writing;
  }

  private async read(): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return; // none yet
    }
    try {
      this.current = parseProfile(new TextDecoder().decode(bytes));
      if (this.current.samples.length > 0) this.changed.fire(this.current);
    } catch (err) {
      // Kept aside under another name so the writer's samples are not lost to a later write.
      const aside = vscode.Uri.joinPath(this.folder, `handwriting-profile.damaged-${Date.now()}.json`);
      log().warn(`The handwriting profile could not be read (${(err as Error).message}); it was moved to ${aside.fsPath} and a new one started.`);
      await vscode.workspace.fs.rename(this.file, aside, { overwrite: false }).then(undefined, () => undefined);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
