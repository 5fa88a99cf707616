// A webview whose scripts never arrive stays blank and never says ready (seen now and then in the UI
// tests' VS Code server). The host loads such a view again: here a page that never starts is put in
// the pad through the test hook, and the pad must come back by itself, model and all.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, debugState, extension, openEditor, report, waitFor } from './helpers';

describe('a webview that never starts', function () {
  this.timeout(120_000);
  afterEach(closeAllEditors);

  it('is loaded again by the host, and the pad loads its model again', async () => {
    await openEditor('restart.txt', '');
    await vscode.commands.executeCommand('inkwell.openPad');
    await waitFor(async () => (await debugState()).pad?.model.state === 'ready', 'the pad to load its model', 60_000);
    const before = (await debugState()).pad!;
    assert.equal(before.restarts, 0, 'a pad that started is not loaded again');

    await extension().activate();
    const stalledAt = Date.now();
    await vscode.commands.executeCommand('inkwell.debug.stallWebview', 'pad');
    assert.equal((await debugState()).pad?.ready, false, 'the stalled page has not said ready');
    await waitFor(async () => (await debugState()).pad?.ready === true, 'the pad to be loaded again and say ready', 90_000);
    const after = (await debugState()).pad!;
    assert.equal(after.restarts, 1, 'loaded again once');
    report(`the stalled pad said ready again after ${((Date.now() - stalledAt) / 1000).toFixed(1)} s`);
    await waitFor(async () => (await debugState()).pad?.model.state === 'ready', 'the reloaded pad to load its model', 60_000);
  });
});
