// UI tests: the image importer in the real workbench.
import { join } from 'node:path';
import type { UiTest } from '../harness/uiTests';
import { notesFile } from '../fixtures';
import { Importer } from './importer';
import { resetProfile } from './profileTests';
import { expectEqual, waitUntil } from './expect';

const sample = join(__dirname, '..', '..', '..', 'samples', 'text', 'line-patrick-hand-clean.png');

export const importerTests: UiTest[] = [
  {
    name: 'the importer shows each character\'s alternatives: a click on a box reaches them, a pick changes the text, Insert puts it in and teaches it',
    async run(wb) {
      await resetProfile(wb);
      await wb.openFileToWrite(notesFile, 'r = ');
      const importer = await Importer.open(wb);
      await importer.openImage(sample);
      await waitUntil(async () => (await importer.text()).length > 0, async () => 'no text read', 60_000);
      const read = await importer.text();
      await importer.clickBox(0);
      await waitUntil(async () => (await importer.focusedCandidate()).startsWith('0:'), async () => `focus after clicking the first box: ${await importer.focusedCandidate()}`);
      const alternative = importer.candidateButtons(0).nth(1);
      const picked = (await alternative.textContent()) ?? '';
      await alternative.click();
      const expected = picked + read.slice(1);
      await waitUntil(async () => (await importer.text()) === expected, async () => `text after picking ${picked}: ${JSON.stringify(await importer.text())}`);
      await importer.insert();
      await waitUntil(async () => (await wb.textEditorText()) === `r = ${expected}`, async () => `editor text ${JSON.stringify(await wb.textEditorText())}`);
      // The inserted correction was learned: the same image now reads with the picked character.
      const readings = await importer.readings();
      await importer.openImage(sample);
      await waitUntil(async () => (await importer.readings()) > readings, async () => 'the image was not read again', 60_000);
      await waitUntil(async () => (await importer.text()) === expected, async () => `the same image read again: ${JSON.stringify(await importer.text())} (expected ${JSON.stringify(expected)})`, 60_000);
      await wb.closeAllEditors();
      await resetProfile(wb);
    },
  },
  {
    name: 'an opened image is read and previewed, and both come back after the panel was hidden',
    async run(wb) {
      await wb.closeAllEditors();
      const importer = await Importer.open(wb);
      await importer.openImage(sample);
      await waitUntil(async () => (await importer.text()).length > 0, async () => `importer text ${JSON.stringify(await importer.text())}`, 60_000);
      const text = await importer.text();
      const before = await importer.preview();
      expectEqual(before.shown, true, 'the preview shows after reading');
      if (before.varied < 5) throw new Error(`the preview looks blank (${JSON.stringify(before)})`);
      // Another editor in the same group hides the importer; VS Code then drops its webview.
      await wb.openFile(notesFile);
      const again = await Importer.open(wb);
      expectEqual(await again.text(), text, 'the text after hide and show');
      await waitUntil(async () => (await again.preview()).shown, async () => `preview after hide and show ${JSON.stringify(await again.preview())}`);
      const after = await again.preview();
      if (after.varied < 5) throw new Error(`the restored preview looks blank (${JSON.stringify(after)})`);
      await wb.closeAllEditors();
    },
  },
];
