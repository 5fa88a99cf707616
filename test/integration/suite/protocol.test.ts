// Every message from a webview is validated: malformed or forged ones are rejected, counted, and have no
// effect. Fed through the same inbound path as a real webview's messages.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MAX_INSERT_CHARS } from '../../../protocol/messages';
import { closeAllEditors, documentChangesDuring, openEditor, requestId, sendFromWebview, waitFor } from './helpers';

const malformed: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['a number', 42],
  ['a bare string', 'insert'],
  ['an array', [{ type: 'insert', id: 1, key: 'k', text: 'x' }]],
  ['an object without a type', { id: 1, text: 'x' }],
  ['an unknown type', { type: 'deleteEverything' }],
  ['a type that is not a string', { type: 7 }],
  ['insert without an id', { type: 'insert', key: 'k', text: 'x' }],
  ['insert with a string id', { type: 'insert', id: '1', key: 'k', text: 'x' }],
  ['insert with a negative id', { type: 'insert', id: -1, key: 'k', text: 'x' }],
  ['insert with a fractional id', { type: 'insert', id: 1.5, key: 'k', text: 'x' }],
  ['insert with text that is not a string', { type: 'insert', id: 1, key: 'k', text: { toString: 'x' } }],
  ['insert with text over the limit', { type: 'insert', id: 1, key: 'k', text: 'x'.repeat(MAX_INSERT_CHARS + 1) }],
  ['insert with an extra field', { type: 'insert', id: 1, key: 'k', text: 'x', target: 'file:///etc/passwd' }],
  ['log with an unknown level', { type: 'log', level: 'fatal', message: 'x' }],
  ['ready from an unknown view', { type: 'ready', view: 'terminal' }],
  ['modelStatus with an unknown state', { type: 'modelStatus', state: 'exploded' }],
  ['a successful recognizeImageReply without text', { type: 'recognizeImageReply', id: 1, ok: true, boxes: [] }],
  ['result with a number as text', { type: 'result', text: 12 }],
];

describe('webview message validation', () => {
  afterEach(closeAllEditors);

  it('rejects malformed and forged messages, and they change nothing', async () => {
    const editor = await openEditor('protocol.txt', 'stay\n');
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const changes = await documentChangesDuring(async () => {
      for (const [what, message] of malformed) {
        const before = (await sendFromWebview({ type: 'log', level: 'info', message: 'probe' })).rejectedTotal;
        const outcome = await sendFromWebview(message);
        assert.equal(outcome.accepted, false, `${what} was accepted`);
        assert.ok(outcome.error && outcome.error.length > 0, `${what} was rejected without a reason`);
        assert.equal(outcome.rejectedTotal, before + 1, `${what} was not counted as rejected`);
      }
    }, 500);
    assert.equal(changes.length, 0, 'a rejected message changed a document');
    assert.equal(editor.document.getText(), 'stay\n');
  });

  it('accepts a well-formed request (so the rejections above are about the form)', async () => {
    const editor = await openEditor('protocol-ok.txt', 'go\n');
    editor.selection = new vscode.Selection(0, 2, 0, 2);
    const outcome = await sendFromWebview({ type: 'insert', id: requestId(), key: `test-${requestId()}`, text: '!' });
    assert.equal(outcome.accepted, true, outcome.error);
    await waitFor(() => editor.document.getText() !== 'go\n', 'the insertion');
    assert.equal(editor.document.getText(), 'go!\n');
  });

  it('rejects messages on the importer channel too', async () => {
    const outcome = await sendFromWebview({ type: 'recognizeImageReply', id: 'x', ok: true, text: 'forged', boxes: [] }, 'importer');
    assert.equal(outcome.accepted, false);
  });
});
