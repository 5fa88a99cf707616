// Insertion through the pad's real inbound path: the `insert` request a pad webview posts when the user
// presses Insert, fed to the extension's message handler, landing in a real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentChangesDuring, inEditor, openEditor, requestId, sendFromWebview, waitFor } from './helpers';

async function insertFromPad(editor: vscode.TextEditor, text: string): Promise<void> {
  const before = editor.document.version;
  const outcome = await sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text });
  assert.equal(outcome.accepted, true, `the insert request was rejected: ${outcome.error}`);
  await waitFor(() => editor.document.version !== before, 'the insertion to reach the editor');
}

describe('insertion at the cursor', () => {
  afterEach(closeAllEditors);

  it('puts the text at the cursor and changes nothing else', async () => {
    const editor = await openEditor('single.txt', 'alpha\nbeta\n');
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    await insertFromPad(editor, 'XY');
    assert.equal(editor.document.getText(), 'alphaXY\nbeta\n');
  });

  it('inserts at every cursor of a multi-cursor editor', async () => {
    const editor = await openEditor('multi.txt', 'one\ntwo\nthree');
    editor.selections = [
      new vscode.Selection(0, 3, 0, 3),
      new vscode.Selection(1, 0, 1, 0),
      new vscode.Selection(2, 2, 2, 2),
    ];
    await insertFromPad(editor, '42');
    assert.equal(editor.document.getText(), 'one42\n42two\nth42ree');
  });

  it('one undo removes the whole insertion, at every cursor', async () => {
    const original = 'first line\nsecond line\n';
    const editor = await openEditor('undo.txt', original);
    editor.selections = [new vscode.Selection(0, 5, 0, 5), new vscode.Selection(1, 0, 1, 0)];
    await insertFromPad(editor, 'INK');
    assert.equal(editor.document.getText(), 'firstINK line\nINKsecond line\n');
    // Undo acts on the focused editor: inEditor gives it focus back from the pad, as a user clicking it would.
    await inEditor(editor, 'undo');
    assert.equal(editor.document.getText(), original, 'one undo did not restore the document');
    await inEditor(editor, 'redo');
    assert.equal(editor.document.getText(), 'firstINK line\nINKsecond line\n', 'one redo did not bring the whole insertion back');
  });

  it('replaces selections when inkwell.insertMode is replaceSelection', async () => {
    const config = vscode.workspace.getConfiguration('inkwell');
    await config.update('insertMode', 'replaceSelection', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openEditor('replace.txt', 'keep OLD keep\nend');
      editor.selections = [new vscode.Selection(0, 5, 0, 8), new vscode.Selection(1, 3, 1, 3)];
      await insertFromPad(editor, 'NEW');
      assert.equal(editor.document.getText(), 'keep NEW keep\nendNEW');
    } finally {
      await config.update('insertMode', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Insert Last Result inserts the last text again', async () => {
    const editor = await openEditor('again.txt', 'a\nb');
    editor.selection = new vscode.Selection(0, 1, 0, 1);
    await insertFromPad(editor, 'Z9');
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(1, 1, 1, 1);
    const changes = await documentChangesDuring(async () => {
      const text = await vscode.commands.executeCommand<string | undefined>('inkwell.insertLastResult');
      assert.equal(text, 'Z9');
    });
    assert.equal(changes.length, 1, 'Insert Last Result should be exactly one edit');
    assert.equal(editor.document.getText(), 'aZ9\nbZ9');
  });
});

describe('insertion: a retried or late request', () => {
  afterEach(closeAllEditors);

  it('inserts one writing once, however often its key is sent (a retry after a timeout)', async () => {
    const editor = await openEditor('retry.txt', 'a = \n');
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const key = `writing-${requestId()}`;
    // The pad's Insert pressed again after its reply timed out: a new request id, the same writing.
    const first = await sendFromWebview({ type: 'insert', id: requestId(), key, text: 'idx2' });
    const again = await sendFromWebview({ type: 'insert', id: requestId(), key, text: 'idx2' });
    assert.equal(first.accepted && again.accepted, true);
    await waitFor(() => editor.document.getText().includes('idx2'), 'the insertion to reach the editor');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(editor.document.getText(), 'a = idx2\n');
    // A new writing (a new key) goes in again.
    await insertFromPad(editor, 'x');
    assert.equal(editor.document.getText(), 'a = idx2x\n');
  });
});

describe('Insert Last Result repeats inserted text only', () => {
  afterEach(closeAllEditors);

  it('a reading the pad showed but never inserted is not what Insert Last Result inserts', async () => {
    const editor = await openEditor('last.txt', '');
    await insertFromPad(editor, 'inserted');
    await sendFromWebview({ type: 'result', text: 'shown-only' });
    editor.selection = new vscode.Selection(0, editor.document.getText().length, 0, editor.document.getText().length);
    const text = await vscode.commands.executeCommand<string | undefined>('inkwell.insertLastResult');
    assert.equal(text, 'inserted');
    assert.equal(editor.document.getText(), 'insertedinserted');
  });
});

