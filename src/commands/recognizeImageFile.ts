/**
 * `inkwell.recognizeImageFile(uri?, { autoInsert? })`: read an image with workspace.fs, let the
 * importer webview decode and recognise it, and resolve to the text. With autoInsert the text
 * also goes in at the cursor of the editor that was focused when the command ran (not whichever
 * editor has the focus when recognition ends).
 */
import * as vscode from 'vscode';
import { MAX_IMAGE_BYTES } from '../../protocol/messages';
import { readSettings } from '../config';
import { ImporterPanel } from '../importer/ImporterPanel';
import { insertText } from '../insertion';
import { Services } from '../services';
import { UserFacingError } from '../userError';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'];

export interface RecognizeImageOptions {
  readonly autoInsert?: boolean;
}

const READY_TIMEOUT_MS = 30_000;

export async function recognizeImageFile(services: Services, uriArg?: unknown, options?: unknown): Promise<string | undefined> {
  const autoInsert = isOptions(options) && options.autoInsert === true;
  const uri = uriArg instanceof vscode.Uri ? uriArg : await pickImage();
  if (!uri) return undefined;

  const target = autoInsert ? services.tracker.pin() : undefined;
  const bytes = await readImage(uri);
  const importer = ImporterPanel.createOrShow(services, autoInsert);
  await withTimeout(importer.connection.whenReady(), READY_TIMEOUT_MS, 'The image importer did not start');
  const name = uri.path.split('/').pop() ?? 'image';
  const reply = await importer.connection.recognizeImage(name, bytes);
  if (!reply.ok) throw new UserFacingError(`Inkwell could not read ${name}: ${reply.message}`);

  services.lastResult.set(reply.text);
  if (target) {
    const editor = await target();
    if (!editor && services.tracker.target()) {
      throw new UserFacingError(`Inkwell: the editor that was active when ${name} was opened is closed; nothing was inserted (Inkwell: Insert Last Result inserts the text).`);
    }
    await insertText(editor, reply.text, readSettings().insertMode);
  }
  return reply.text;
}

function isOptions(value: unknown): value is RecognizeImageOptions {
  return typeof value === 'object' && value !== null;
}

async function pickImage(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Recognize',
    title: 'Recognize Handwriting in Image File',
    filters: { Images: IMAGE_EXTENSIONS },
  });
  return picked?.[0];
}

async function readImage(uri: vscode.Uri): Promise<Uint8Array> {
  const name = vscode.workspace.asRelativePath(uri);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    throw new UserFacingError(`Inkwell: cannot read ${name}: the file does not exist.`);
  }
  // Only plain files: a named pipe would block the read forever, a device never ends.
  if ((stat.type & vscode.FileType.File) === 0) throw new UserFacingError(`Inkwell: ${name} is not an image file.`);
  const size = stat.size;
  if (size > MAX_IMAGE_BYTES) {
    throw new UserFacingError(`Inkwell: ${name} is ${(size / 1e6).toFixed(1)} MB; images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB are supported.`);
  }
  if (size === 0) throw new UserFacingError(`Inkwell: ${name} is empty.`);
  // A plain Uint8Array copy: the remote host gives a Node Buffer, whose toJSON would turn it into
  // {type:'Buffer', data:[...]} on the way to the webview instead of a transferred byte array.
  return new Uint8Array(await vscode.workspace.fs.readFile(uri));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
