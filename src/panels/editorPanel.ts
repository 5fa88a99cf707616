/**
 * An editor-area webview panel (the pad or the importer) wired to its connection, and the
 * one-at-a-time holder each of them uses: a second open reveals the first instead.
 */
import * as vscode from 'vscode';
import { ViewKind } from '../../protocol/messages';
import { Services } from '../services';
import { webviewOptions } from './html';
import { WebviewConnection } from './connection';

export class EditorPanel implements vscode.Disposable {
  readonly connection: WebviewConnection;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    view: ViewKind,
    services: Services,
    private readonly onDispose: (panel: EditorPanel) => void,
  ) {
    this.connection = new WebviewConnection(panel.webview, view, services, () => panel.visible);
    this.subscriptions.push(
      this.connection,
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => this.connection.visibilityChanged()),
    );
  }

  dispose(): void {
    this.onDispose(this);
    this.subscriptions.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export interface EditorPanelSpec {
  readonly viewType: string;
  readonly title: string;
  readonly view: ViewKind;
}

export class SingletonEditorPanel {
  private current: EditorPanel | undefined;

  constructor(private readonly spec: EditorPanelSpec) {}

  get instance(): EditorPanel | undefined {
    return this.current;
  }

  /** preserveFocus keeps the text editor focused when a command drives the panel. */
  createOrShow(services: Services, preserveFocus = false): EditorPanel {
    if (this.current) {
      this.current.panel.reveal(undefined, preserveFocus);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(
      this.spec.viewType,
      this.spec.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      webviewOptions(services.extensionUri),
    );
    return this.adopt(panel, services);
  }

  /** Brings a panel back after a window reload (the serializer's state is the webview's own). */
  registerSerializer(services: Services): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(this.spec.viewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        panel.webview.options = webviewOptions(services.extensionUri);
        this.current?.dispose();
        this.adopt(panel, services);
      },
    });
  }

  private adopt(panel: vscode.WebviewPanel, services: Services): EditorPanel {
    this.current = new EditorPanel(panel, this.spec.view, services, (closed) => {
      if (this.current === closed) this.current = undefined;
    });
    return this.current;
  }
}
