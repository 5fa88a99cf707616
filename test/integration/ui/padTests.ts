// UI tests: the pad in the real workbench, from the palette to the text in the editor.
import type { UiTest } from '../harness/uiTests';
import { notesFile } from '../fixtures';
import { Pad } from './pad';
import { expectEqual, waitUntil } from './expect';

/** Characters the shipped model reads without doubt when drawn with the strokes in glyphs.ts. */
export const padWord = 'LT4';

const noEditorMessage = 'open a text editor';
const readOnlyMessage = 'is read-only; nothing was inserted';

export const padTests: UiTest[] = [
  {
    name: 'another extension in the user\'s editor finds no Inkwell test hooks',
    async run(wb) {
      // The packaged extension runs in production mode; the probe (test/integration/probe) is a second
      // installed extension that activates Inkwell and then lists and calls inkwell.debug.* commands.
      await wb.runCommand('Inkwell Probe: Check Test Hooks');
      const message = await wb.waitForNotification('Probe:', 30_000);
      expectEqual(message.includes('Inkwell active yes'), true, `Inkwell was activated by the probe: ${message}`);
      expectEqual(message.includes('debug hooks visible []'), true, `no hook is visible: ${message}`);
      expectEqual(message.includes('inkwell.debug.state callable no'), true, `no hook can be called: ${message}`);
    },
  },
  {
    name: 'palette opens the pad; drawn strokes end as that text at the cursor',
    async run(wb) {
      await wb.openFile(notesFile);
      await wb.typeInEditor('x = ');
      const pad = await Pad.open(wb);
      await pad.write(padWord);
      expectEqual(await pad.recognisedText(padWord.length), padWord, 'the pad read');
      await pad.insert();
      await waitUntil(async () => (await wb.textEditorText()) === `x = ${padWord}`, async () => `editor text ${JSON.stringify(await wb.textEditorText())}`);
      await pad.clear();
    },
  },
  {
    name: 'a lone c or C on the ruled line reads its case from the line',
    async run(wb) {
      const pad = await Pad.open(wb);
      await pad.writeOnGuide('c', 1);
      expectEqual(await pad.recognisedText(1), 'c', 'a c as tall as the x-height');
      await pad.clear();
      await pad.writeOnGuide('C', 1.6);
      expectEqual(await pad.recognisedText(1), 'C', 'a C reaching to cap height');
      await pad.clear();
    },
  },
  {
    name: 'with no editor open, Insert shows a message and changes nothing',
    async run(wb) {
      await wb.openFile(notesFile);
      const before = await wb.textEditorText();
      await wb.closeAllEditors();
      const pad = await Pad.open(wb);
      await pad.write(padWord);
      await pad.recognisedText(padWord.length);
      await pad.insert();
      await wb.waitForNotification(noEditorMessage);
      await pad.clear();
      await wb.closeAllEditors();
      await wb.openFile(notesFile);
      expectEqual(await wb.textEditorText(), before, 'notes.txt after the refused insert');
    },
  },
  {
    name: 'in a read-only editor, Insert shows a message and changes nothing',
    async run(wb) {
      await wb.closeAllEditors();
      await wb.openFile(notesFile);
      const before = await wb.textEditorText();
      await wb.runCommand('File: Set Active Editor Read-only in Session');
      const pad = await Pad.open(wb);
      await pad.write(padWord);
      await pad.recognisedText(padWord.length);
      await pad.insert();
      await wb.waitForNotification(readOnlyMessage);
      expectEqual(await wb.textEditorText(), before, 'the read-only editor text');
      await pad.clear();
    },
  },
];
