/** The image importer: an editor-area panel that decodes and recognises images (one at a time). */
import * as vscode from 'vscode';
import { Services } from '../services';
import { webviewOptions } from '../webview/html';
import { WebviewConnection } from '../webview/connection';

export class ImporterPanel implements vscode.Disposable {
  static readonly viewType = 'inkwell.importer';
  private static current: ImporterPanel | undefined;

  readonly connection: WebviewConnection;
  private readonly subscriptions: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    services: Services,
  ) {
    this.connection = new WebviewConnection(panel.webview, 'importer', services);
    this.subscriptions.push(
      this.connection,
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.connection.markHidden();
      }),
    );
  }

  static get instance(): ImporterPanel | undefined {
    return ImporterPanel.current;
  }

  /** preserveFocus keeps the text editor focused when a command drives the importer. */
  static createOrShow(services: Services, preserveFocus: boolean): ImporterPanel {
    if (ImporterPanel.current) {
      ImporterPanel.current.panel.reveal(undefined, preserveFocus);
      return ImporterPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      ImporterPanel.viewType,
      'Handwriting Image',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      webviewOptions(services.extensionUri),
    );
    ImporterPanel.current = new ImporterPanel(panel, services);
    return ImporterPanel.current;
  }

  dispose(): void {
    if (ImporterPanel.current === this) ImporterPanel.current = undefined;
    this.subscriptions.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
