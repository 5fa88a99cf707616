/**
 * Every command goes through here: a thrown error becomes a message the user reads, and the
 * command's promise resolves to undefined instead of surfacing VS Code's generic failure dialog.
 */
import * as vscode from 'vscode';
import { log } from './log';
import { UserFacingError } from './userError';

export function reportError(err: unknown, what: string): void {
  if (err instanceof UserFacingError) {
    log().warn(`${what}: ${err.message}`);
    void vscode.window.showWarningMessage(err.message);
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  log().error(`${what} failed: ${err instanceof Error && err.stack ? err.stack : message}`);
  void vscode.window.showErrorMessage(`Inkwell: ${message}`);
}

export function registerFailableCommand<A extends unknown[], R>(
  id: string,
  run: (...args: A) => R | Promise<R>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (err) {
      reportError(err, id);
      return undefined;
    }
  });
}
