/**
 * Putting recognised text into an editor: at every cursor, as one edit and one undo step,
 * replacing selections when `insertMode` says so, and nothing at all when the editor is missing
 * or read-only (with a message that says why).
 */
import * as vscode from 'vscode';
import { InsertMode } from '../protocol/messages';
import { log } from './log';
import { UserFacingError } from './userError';

export const NO_EDITOR_MESSAGE = 'Inkwell: open a text editor and place the cursor where the text should go, then insert again.';

export function readOnlyMessage(doc: vscode.TextDocument): string {
  return `Inkwell: ${vscode.workspace.asRelativePath(doc.uri)} is read-only; nothing was inserted.`;
}

/** Throws UserFacingError when the editor cannot take text; otherwise inserts and resolves. */
export async function insertText(editor: vscode.TextEditor | undefined, text: string, mode: InsertMode): Promise<void> {
  if (!editor || editor.document.isClosed) throw new UserFacingError(NO_EDITOR_MESSAGE);
  if (text.length === 0) throw new UserFacingError('Inkwell: nothing recognised yet; there is no text to insert.');
  const doc = editor.document;
  if (await isReadOnly(doc)) throw new UserFacingError(readOnlyMessage(doc));

  const before = doc.version;
  // All cursors in one callback: one edit, one undo step.
  const applied = await editor.edit(
    (edit) => {
      for (const sel of editor.selections) {
        if (mode === 'replaceSelection' && !sel.isEmpty) edit.replace(sel, text);
        else edit.insert(sel.active, text);
      }
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  // A refused edit (read-only editor the checks above could not see) changes nothing.
  if (!applied || doc.version === before) {
    log().info(`edit refused by the editor (applied=${applied}, version ${before} -> ${doc.version}): read-only`);
    throw new UserFacingError(readOnlyMessage(doc));
  }
}

/**
 * Read-only as far as the API can tell: a file system that is not writable (git:, output:,
 * vscode-userdata read-only providers), a file with read-only permissions (`files.readonlyFromPermissions`),
 * or a path matched by `files.readonlyInclude` and not by `files.readonlyExclude`.
 * The session toggle (`workbench.action.files.setActiveEditorReadonlyInSession`) has no API. Measured
 * in the VS Code 1.139 server: there `editor.edit` resolves true yet changes nothing (the document
 * version stays), so insertText checks the version; `workspace.applyEdit` would write straight
 * through the session lock, which is why insertion never uses it.
 */
export async function isReadOnly(doc: vscode.TextDocument): Promise<boolean> {
  const { uri } = doc;
  if (uri.scheme === 'untitled') return false;
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return true;
  if (matchesSetting(doc, 'readonlyInclude') && !matchesSetting(doc, 'readonlyExclude')) return true;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0) return true;
  } catch {
    // Not on disk (yet): nothing more to learn.
  }
  return false;
}

function matchesSetting(doc: vscode.TextDocument, key: 'readonlyInclude' | 'readonlyExclude'): boolean {
  const globs = vscode.workspace.getConfiguration('files', doc.uri).get<Record<string, boolean>>(key) ?? {};
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  return Object.entries(globs).some(([glob, on]) => {
    if (on !== true) return false;
    // The settings' globs are relative to the workspace folder, or absolute ones such as **/x/**.
    const patterns: vscode.GlobPattern[] = folder ? [new vscode.RelativePattern(folder, glob), glob] : [glob];
    return patterns.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
  });
}
