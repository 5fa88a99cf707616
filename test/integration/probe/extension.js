// A second extension in the user's editor (UI tests install it beside the packaged Inkwell). Its one
// command activates Inkwell, then reports every inkwell.debug.* command it can see or call.
const vscode = require('vscode');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('inkwellProbe.checkHooks', async () => {
      await vscode.extensions.getExtension('inkwell.inkwell')?.activate();
      const visible = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('inkwell.debug'));
      let called = 'no';
      try {
        await vscode.commands.executeCommand('inkwell.debug.state');
        called = 'yes';
      } catch {
        called = 'no';
      }
      const inkwellActive = vscode.extensions.getExtension('inkwell.inkwell')?.isActive === true;
      void vscode.window.showInformationMessage(
        `Probe: Inkwell active ${inkwellActive ? 'yes' : 'no'}; debug hooks visible [${visible.join(', ')}]; inkwell.debug.state callable ${called}.`,
      );
    }),
  );
};
