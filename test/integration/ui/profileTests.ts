// UI tests: Inkwell learns the writer's hand. A deliberately unusual shape taught on the teaching page is
// then read as taught on the pad; a correction on the pad followed by Insert teaches it; Reset forgets.
import type { UiTest } from '../harness/uiTests';
import type { Workbench } from './workbench';
import { notesFile } from '../fixtures';
import { Pad } from './pad';
import { expectEqual, waitUntil } from './expect';

/** The writer's 'k' (test/integration/glyphs.ts): a triangle with a tail, as tall as a k. */
const WRITERS_K = '△';
const K_HEIGHT = 1.45; // x-heights: an ascender letter

export async function resetProfile(wb: Workbench): Promise<void> {
  await wb.runCommand('Inkwell: Reset Handwriting Profile');
  // A modal question first: the writer confirms.
  const reset = wb.page.locator('.monaco-dialog-box .dialog-buttons a, .monaco-dialog-box .dialog-buttons button', { hasText: 'Reset' }).first();
  await reset.click({ timeout: 10_000 });
  await wb.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
}

/** What the pad reads for the writer's k written on its ruled line. */
async function padReads(pad: Pad): Promise<string> {
  if ((await pad.strokeCount()) > 0) await pad.clear();
  await pad.writeOnGuide(WRITERS_K, K_HEIGHT);
  return pad.recognisedText(1);
}

export const profileTests: UiTest[] = [
  {
    name: 'a shape taught on the teaching page is then read as taught on the pad; Reset forgets it',
    async run(wb) {
      await resetProfile(wb);
      const before = await padReads(await Pad.open(wb));
      if (before === 'k') throw new Error('the untaught shape already reads k: this test would show nothing');
      await wb.closeAllEditors();

      const teach = new Pad(wb, await wb.openReadyWebview('Inkwell: Teach My Handwriting'));
      await teach.frame.locator('#pick').selectOption('k');
      expectEqual(await teach.frame.locator('body').getAttribute('data-target'), 'k', 'the character asked for');
      for (let n = 1; n <= 3; n++) {
        await teach.writeOnGuide(WRITERS_K, K_HEIGHT * (0.95 + 0.05 * n));
        await waitUntil(async () => ((await teach.frame.locator('#reads').getAttribute('data-read')) ?? '') !== '', async () => 'the page never said how it reads the writing');
        await wb.page.keyboard.press('Enter'); // the pen brought the keyboard to the page
        await waitUntil(async () => ((await teach.frame.locator('#progress').textContent()) ?? '').includes(`This one: ${n} saved`), async () => `progress: ${await teach.frame.locator('#progress').textContent()}`);
      }
      expectEqual(await teach.strokeCount(), 0, 'the writing cleared after saving');
      await wb.closeAllEditors();

      expectEqual(await padReads(await Pad.open(wb)), 'k', 'the pad reads the taught shape');
      await wb.closeAllEditors();
      await resetProfile(wb);
      expectEqual(await padReads(await Pad.open(wb)), before, 'after Reset the pad reads it as before');
    },
  },
  {
    name: 'picking another candidate on the pad and inserting teaches it; writing the same again reads it',
    async run(wb) {
      await resetProfile(wb);
      await wb.openFileToWrite(notesFile);
      const pad = await Pad.open(wb);
      const first = await padReads(pad);
      const alternative = pad.candidateButtons(0).nth(2);
      const picked = (await alternative.textContent()) ?? '';
      if (!picked || picked === first) throw new Error(`no third candidate to pick (read ${first})`);
      await alternative.click();
      await waitUntil(async () => (await pad.recognisedText(1)) === picked, async () => `text after the pick: ${await pad.recognisedText(1)}`);
      await pad.insert();
      await waitUntil(async () => (await pad.status()).startsWith('Inserted'), async () => `status: ${await pad.status()}`);
      expectEqual(await padReads(pad), picked, `the same shape after the correction ${first} → ${picked} was inserted`);
      await resetProfile(wb);
    },
  },
];
