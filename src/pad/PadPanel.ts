/** The drawing pad as an editor-area panel beside the text editor (one at a time). */
import * as vscode from 'vscode';
import { Services } from '../services';
import { webviewOptions } from '../webview/html';
import { WebviewConnection } from '../webview/connection';

export class PadPanel implements vscode.Disposable {
  static readonly viewType = 'inkwell.pad';
  private static current: PadPanel | undefined;

  readonly connection: WebviewConnection;
  private readonly subscriptions: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    services: Services,
  ) {
    this.connection = new WebviewConnection(panel.webview, 'pad', services);
    this.subscriptions.push(
      this.connection,
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.connection.markHidden();
      }),
    );
  }

  static get instance(): PadPanel | undefined {
    return PadPanel.current;
  }

  static createOrShow(services: Services): PadPanel {
    if (PadPanel.current) {
      PadPanel.current.panel.reveal(undefined, false);
      return PadPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      PadPanel.viewType,
      'Drawing Pad',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(services.extensionUri),
    );
    PadPanel.current = new PadPanel(panel, services);
    return PadPanel.current;
  }

  /** Brings a pad back after a window reload (the serializer's state is the webview's own). */
  static register(services: Services): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PadPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        panel.webview.options = webviewOptions(services.extensionUri);
        PadPanel.current?.dispose();
        PadPanel.current = new PadPanel(panel, services);
      },
    });
  }

  dispose(): void {
    if (PadPanel.current === this) PadPanel.current = undefined;
    this.subscriptions.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
