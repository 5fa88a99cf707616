// UI tests: the image importer in the real workbench.
import { join } from 'node:path';
import type { UiTest } from '../harness/uiTests';
import { notesFile } from '../fixtures';
import { Importer } from './importer';
import { expectEqual, waitUntil } from './expect';

const sample = join(__dirname, '..', '..', '..', 'samples', 'text', 'line-patrick-hand-clean.png');

export const importerTests: UiTest[] = [
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
