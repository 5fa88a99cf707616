// UI tests: writing code on the pad. Symbols read and insert as written, and the identifiers of the
// open file win over a near-miss of theirs (the lexicon the host sends with the editor context).
import type { UiTest } from '../harness/uiTests';
import { notesFile } from '../fixtures';
import { Pad } from './pad';
import { waitUntil } from './expect';

export const codeTests: UiTest[] = [
  {
    name: "code: 'x = f(a, b);' written with the mouse on the ruled line inserts exactly that",
    async run(wb) {
      await wb.openFileToWrite(notesFile, '');
      const pad = await Pad.open(wb);
      await pad.clear();
      await pad.writeLine('x = f(a, b);');
      await waitUntil(
        async () => (await pad.recognisedText(9)) === 'x = f(a, b);',
        async () => `the pad read ${JSON.stringify(await pad.recognisedText(9, 200))}`,
      );
      await pad.insert();
      await waitUntil(async () => (await wb.textEditorText()) === 'x = f(a, b);', async () => `editor text ${JSON.stringify(await wb.textEditorText())}`);
      await pad.clear();
    },
  },
  {
    name: "code: the same bar after an 'a' reads as the file's own name, a1 in one file and al in another",
    async run(wb) {
      // A plain bar is l, 1, I or | by shape; the name the file already uses decides.
      for (const name of ['a1', 'al']) {
        await wb.openFileToWrite(notesFile, `${name} = 0\n`);
        const pad = await Pad.open(wb);
        await pad.clear();
        await pad.writeLine('a|');
        await waitUntil(
          async () => (await pad.recognisedText(2)) === name,
          async () => `with ${name} in the file the pad read ${JSON.stringify(await pad.recognisedText(2, 200))}`,
        );
        await pad.clear();
      }
    },
  },
];
