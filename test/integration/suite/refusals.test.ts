// When the text cannot go anywhere (no editor, a read-only editor) nothing changes. The message the user
// gets is checked in the UI tests, where the notification is visible in the workbench.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentChangesDuring, openEditor, requestId, sendFromWebview, workspaceUri } from './helpers';

/** A read-only file system (as git:, or a remote mounted read-only), with one file in it. */
class ReadOnlyFileSystem implements vscode.FileSystemProvider {
  private readonly content = new TextEncoder().encode('read only text\n');
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.content.length, permissions: vscode.FilePermission.Readonly };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  readFile(): Uint8Array {
    return this.content;
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

async function expectNothingChanges(work: () => Promise<unknown>): Promise<void> {
  const texts = new Map(vscode.workspace.textDocuments.map((doc) => [doc.uri.toString(), doc.getText()]));
  const changes = await documentChangesDuring(work, 500);
  assert.deepEqual(changes.map((c) => c.document.uri.toString()), [], 'a document changed');
  for (const doc of vscode.workspace.textDocuments) {
    const before = texts.get(doc.uri.toString());
    if (before !== undefined) assert.equal(doc.getText(), before, `${doc.uri.toString()} changed`);
  }
}

describe('refusals: nothing changes', () => {
  afterEach(closeAllEditors);

  it('with no editor open', async () => {
    await openEditor('elsewhere.txt', 'untouched\n'); // open once, then closed: the pad must not write into it
    await closeAllEditors();
    await expectNothingChanges(async () => {
      const outcome = await sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text: 'lost' });
      assert.equal(outcome.accepted, true);
      const again = await vscode.commands.executeCommand<string | undefined>('inkwell.insertLastResult');
      assert.equal(again, undefined, 'Insert Last Result claimed to insert with no editor open');
    });
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('elsewhere.txt')));
    assert.equal(onDisk, 'untouched\n');
  });

  it('in an editor on a read-only file system', async () => {
    const registration = vscode.workspace.registerFileSystemProvider('inkwell-readonly', new ReadOnlyFileSystem(), { isReadonly: true });
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('inkwell-readonly:/notes.txt'));
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 4, 0, 4);
      await expectNothingChanges(() => sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text: 'nope' }));
      assert.equal(doc.getText(), 'read only text\n');
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });

  it('in an editor made read-only by files.readonlyInclude', async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('readonlyInclude', { '**/locked.txt': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openEditor('locked.txt', 'locked text\n');
      editor.selection = new vscode.Selection(0, 6, 0, 6);
      await expectNothingChanges(() => sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text: 'nope' }));
      assert.equal(editor.document.getText(), 'locked text\n');
    } finally {
      await files.update('readonlyInclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('in an editor made read-only for the session', async () => {
    const editor = await openEditor('session-locked.txt', 'session text\n');
    editor.selection = new vscode.Selection(0, 7, 0, 7);
    await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    try {
      await expectNothingChanges(() => sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text: 'nope' }));
      assert.equal(editor.document.getText(), 'session text\n');
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.resetActiveEditorReadonlyInSession');
    }
  });
});
