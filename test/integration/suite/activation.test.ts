// Activation: lazy (nothing activates Inkwell before it is used) and cheap. The time is printed as a
// figure, never asserted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, report } from './helpers';

const commands = ['inkwell.openPad', 'inkwell.recognizeImageFile', 'inkwell.pasteImage', 'inkwell.insertLastResult'];

describe('activation', () => {
  it('is lazy, and activating it registers the commands (activation time printed)', async () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'Inkwell activated before anything used it (activation must be lazy)');
    const started = performance.now();
    const api = await ext.activate();
    const ms = performance.now() - started;
    report(`activation: await ext.activate() ${ms.toFixed(1)} ms; activate() itself ${api.activationMs.toFixed(2)} ms (${vscode.env.appName} ${vscode.version}, ${process.version})`);
    assert.equal(ext.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of commands) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('registers its test hooks only in test mode, and declares them nowhere in package.json', async () => {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('inkwell.debug.state'), 'test mode: the hook is registered');
    const manifest = JSON.stringify(extension().packageJSON);
    assert.ok(!manifest.includes('inkwell.debug'), 'package.json names a test hook (activation event or contribution)');
  });

  it('contributes its commands to the palette under the Inkwell category', () => {
    const contributed = (extension().packageJSON as { contributes?: { commands?: { command: string; category?: string }[] } }).contributes?.commands ?? [];
    for (const command of commands) {
      const entry = contributed.find((c) => c.command === command);
      assert.ok(entry, `${command} is not in contributes.commands`);
      assert.equal(entry.category, 'Inkwell', `${command} is not in the Inkwell category`);
    }
  });
});
