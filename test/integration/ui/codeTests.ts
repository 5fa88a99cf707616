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
      // Letters about half the ruled x-height, standing on its baseline: the whole line fits the pad's width.
      await pad.writeLine('x = f(a, b);', 0.42);
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
    name: "code: a plain bar after an 'x' reads as the file's own name xl, and as a bar where the file has no such name",
    async run(wb) {
      // A plain bar is l, 1, I or | by shape: with the name xl in the file the decoder prefers it; in a
      // file without it the same strokes read as the classifier sees them.
      for (const [file, expected] of [['xl = 1\n', 'xl'], ['x = 1\n', 'x|']]) {
        await wb.openFileToWrite(notesFile, file);
        const pad = await Pad.open(wb);
        await pad.writeLine('x|', 0.42);
        await waitUntil(
          async () => (await pad.recognisedText(2)) === expected,
          async () => `with ${JSON.stringify(file)} in the file the pad read ${JSON.stringify(await pad.recognisedText(2, 200))}`,
        );
        await pad.clear();
      }
    },
  },
];
