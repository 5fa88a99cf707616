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
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
    await row.first().click({ timeout: 15_000 });
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
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Focuses the text editor and puts the cursor at the end of the document. */
  async focusEditorEnd(): Promise<void> {
    await this.activeEditor().locator('.view-lines').click();
    await this.page.keyboard.press(`${mod}+End`);
  }

  /** The text of the active editor as rendered (fine for the few short lines these tests write). */
  async editorText(): Promise<string> {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((elements) =>
      elements
        .map((element) => ({ top: parseFloat(element.getAttribute('style')?.match(/top:\s*([\d.]+)px/)?.[1] ?? '0'), text: element.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, ' ')),
    );
    return lines.join('\n');
  }

  /** Texts of the notification toasts currently shown. */
  async notificationTexts(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
  }

  /** The content of the visible webview: two iframes deep (the host frame, then the active frame). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
