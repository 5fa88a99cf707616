/** The drawing pad as a webview view in the panel area (next to Terminal and Output). */
import * as vscode from 'vscode';
import { Services } from '../services';
import { webviewOptions } from '../panels/html';
import { WebviewConnection } from '../panels/connection';

export class PadViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'inkwell.padView';
  private connection: WebviewConnection | undefined;

  private constructor(private readonly services: Services) {}

  static register(services: Services): vscode.Disposable {
    const provider = new PadViewProvider(services);
    const registration = vscode.window.registerWebviewViewProvider(PadViewProvider.viewId, provider);
    return vscode.Disposable.from(registration, provider);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = webviewOptions(this.services.extensionUri);
    this.connection?.dispose();
    const connection = new WebviewConnection(view.webview, 'pad', this.services, () => view.visible);
    this.connection = connection;
    const visibility = view.onDidChangeVisibility(() => connection.visibilityChanged());
    const disposal = view.onDidDispose(() => {
      visibility.dispose();
      disposal.dispose();
      connection.dispose();
      if (this.connection === connection) this.connection = undefined;
    });
  }

  dispose(): void {
    this.connection?.dispose();
    this.connection = undefined;
  }
}
