// A small page object over the real VS Code workbench in Chromium: the palette, editors, notifications and
// webviews, driven the way a user would (keys and clicks), read back through the DOM.
import type { FrameLocator, Locator, Page } from 'playwright-core';

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the workbench has restored and the extension host is connected. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await this.page.locator('.statusbar').waitFor({ timeout: timeoutMs });
    // Explorer rows appear once the remote file system answers.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  }

  /**
   * Runs a palette command by its exact title. The fuzzy match may rank a look-alike first, so the row
   * whose label equals the title is clicked, never simply the first one.
   */
  async runCommand(title: string, timeoutMs = 30_000): Promise<void> {
    const input = this.page.locator('.quick-input-widget input.input');
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
      .first();
    const deadline = Date.now() + timeoutMs;
    // Right after start-up an extension's commands may not be in the palette yet: reopen until they are.
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 3000 });
        break;
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`the palette has no command titled "${title}"`);
      }
    }
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file through Quick Open. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press(`${mod}+P`);
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(name);
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
    await row.first().click({ timeout: 15_000 });
    await this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  /**
   * Opens a workspace file to write into (made writeable for the session: an earlier test locks
   * notes.txt) with the cursor at its end; with `text`, its content is replaced by typing it.
   */
  async openFileToWrite(name: string, text?: string): Promise<void> {
    await this.openFile(name);
    await this.runCommand('File: Set Active Editor Writeable in Session');
    await this.typeInEditor('');
    if (text === undefined) return;
    await this.page.keyboard.press(`${mod}+A`);
    // Typing nothing would leave the selection standing: delete it first, so '' empties the file.
    await this.page.keyboard.press('Backspace');
    if (text) await this.page.keyboard.type(text);
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Focuses the text editor and puts the cursor at the end of the document. */
  async focusEditorEnd(): Promise<void> {
    await this.activeEditor().locator('.view-lines').click();
    await this.page.keyboard.press(`${mod}+End`);
  }

  /** The text of the active editor as rendered. */
  async editorText(): Promise<string> {
    return readLines(this.activeEditor());
  }

  /** Texts of the notification toasts currently shown. */
  async notificationTexts(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  /** Saves every file first, so that no "save changes?" dialog blocks the close. */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('File: Save All Files');
    await this.runCommand('View: Close All Editors');
  }

  /** The one text editor in the editor area (a webview beside it is not a Monaco editor). */
  textEditor(): Locator {
    return this.page.locator('.part.editor .monaco-editor').first();
  }

  /** Text of the text editor, wherever the focus is (e.g. in the pad beside it). */
  async textEditorText(): Promise<string> {
    return readLines(this.textEditor());
  }

  /** Types into the text editor at the end of its text, as a user would. */
  async typeInEditor(text: string): Promise<void> {
    await this.textEditor().locator('.view-lines').click();
    await this.page.keyboard.press(`${mod}+End`);
    await this.page.keyboard.type(text);
  }

  /**
   * Waits for a notification that contains `text`; returns its full message. A headless window may
   * not show toasts (it never has focus), so the notification centre is opened and read as well.
   */
  async waitForNotification(text: string, timeoutMs = 15_000): Promise<string> {
    const message = this.page.locator('.notification-list-item-message', { hasText: text }).first();
    try {
      await message.waitFor({ timeout: 2000 });
    } catch {
      await this.runCommand('Notifications: Show Notifications');
      await message.waitFor({ timeout: timeoutMs });
    }
    return message.innerText();
  }

  /** Back to a plain window between tests: no palette, no notifications, no editors, one group. */
  async reset(): Promise<void> {
    await this.page.keyboard.press('Escape');
    // Clearing also hides the notification centre (it closes when empty).
    await this.runCommand('Notifications: Clear All Notifications', 4000).catch(() => undefined);
    await this.closeAllEditors();
    await this.runCommand('View: Single Column Editor Layout');
  }

  /** Runs a command that opens (or reveals) an Inkwell panel and waits until its model has loaded. */
  async openReadyWebview(title: string, timeoutMs = 120_000): Promise<FrameLocator> {
    await this.runCommand(title);
    const frame = this.webview();
    await frame.locator('body[data-ready="true"]').waitFor({ timeout: timeoutMs });
    return frame;
  }

  /** The content of the visible webview: two iframes deep (the host frame, then the active frame). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
}

/** An editor's text as rendered, lines in screen order (fine for the few short lines the tests write). */
async function readLines(editor: Locator): Promise<string> {
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((elements) =>
    elements
      .map((element) => ({
        top: parseFloat(element.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'),
        text: element.textContent ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' ')),
  );
  return lines.join('\n');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
