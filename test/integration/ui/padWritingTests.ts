// UI tests: the pad as a person writes on it: the surface stays put, the keyboard follows the pen, a
// focusing click leaves no ink, and the ruled line can be seen in a light theme.
import { PNG } from 'pngjs';
import type { UiTest } from '../harness/uiTests';
import { notesFile } from '../fixtures';
import { Pad } from './pad';
import { expectEqual, waitUntil } from './expect';

/** Canvas box and ruled line may move at most this much (CSS px) while writing. */
const STAY_PUT_PX = 1;

export const padWritingTests: UiTest[] = [
  {
    name: 'the writing area stays put over a three-word line and a second line',
    async run(wb) {
      const pad = await Pad.open(wb);
      const before = await pad.layout();
      const size = before.xHeight * 1.4;
      // Three words across the width on the ruled line, then a second line under it.
      const words = ['LT4', 'HE7', 'FA1'];
      const step = (before.width - 24) / words.length;
      for (const [k, word] of words.entries()) await pad.writeAt(word, 12 + k * step, before.baseline - size, size * 0.8);
      await pad.recognisedText(9);
      await pad.writeAt('LT', 12, Math.min(before.height - size * 0.7 - 4, before.baseline + size * 0.5), size * 0.6);
      await pad.recognisedText(11);
      const after = await pad.layout();
      for (const key of ['x', 'y', 'width', 'height', 'baseline', 'xHeight'] as const) {
        if (Math.abs(after[key] - before[key]) > STAY_PUT_PX) throw new Error(`canvas ${key} moved from ${before[key]} to ${after[key]} while writing`);
      }
      await pad.clear();
    },
  },
  {
    name: 'a line longer than the pad continues: the view moves on, no ink is cut, every word reads',
    async run(wb) {
      const pad = await Pad.open(wb);
      const before = await pad.layout();
      // Capitals a cap height tall on the ruled line, a word's width apart: two words reach the edge.
      const size = before.xHeight * 1.4;
      const wordWidth = 2.8 * size; // three glyphs 0.7 wide with 0.35 between (layoutWord)
      const gap = Math.max(size * 1.2, (before.width - 24 - 2 * wordWidth) / 2);
      await pad.writeAt('LT4', 12, before.baseline - size, size);
      await pad.writeAt('HE7', 12 + wordWidth + gap, before.baseline - size, size);
      expectEqual(await pad.recognisedText(6), 'LT4 HE7', 'the first two words');
      // The writing has reached the right edge: after a pause the view moves on and leaves room.
      await waitUntil(async () => (await pad.scrollX()) > 0, async () => `the view did not move (scroll ${await pad.scrollX()})`);
      const inkEnd = before.width * 0.4; // the end of the writing now sits at 40% of the width
      await pad.writeAt('FA1', inkEnd + gap, before.baseline - size, size);
      await waitUntil(async () => (await pad.recognisedText(9)) === 'LT4 HE7 FA1', async () => `text ${JSON.stringify(await pad.recognisedText(9, 200))}`);
      expectEqual(await pad.strokeCount(), 16, 'strokes kept (none cut at the edge)');
      const after = await pad.layout();
      for (const key of ['x', 'y', 'width', 'height', 'baseline', 'xHeight'] as const) {
        if (Math.abs(after[key] - before[key]) > STAY_PUT_PX) throw new Error(`canvas ${key} moved from ${before[key]} to ${after[key]} on a long line`);
      }
      // Back along the line with the keyboard (once the view has settled), and Clear brings the view home.
      await wb.page.waitForTimeout(1000);
      const moved = await pad.scrollX();
      await pad.canvas().focus();
      await wb.page.keyboard.press('ArrowLeft');
      await waitUntil(async () => (await pad.scrollX()) < moved, async () => `ArrowLeft left the view at ${await pad.scrollX()}`);
      await pad.clear();
      expectEqual(await pad.scrollX(), 0, 'the view after Clear');
    },
  },
  {
    name: 'after a click in the editor, writing on the pad takes the keyboard: Enter inserts, no newline',
    async run(wb) {
      await wb.openFileToWrite(notesFile, 'k = ');
      const pad = await Pad.open(wb);
      // The person clicks back into the editor to place the cursor, then writes on the pad.
      await wb.typeInEditor('');
      await pad.write('LT4');
      expectEqual(await pad.recognisedText(3), 'LT4', 'the pad read');
      await wb.page.keyboard.press('Enter');
      await waitUntil(async () => (await wb.textEditorText()) === 'k = LT4', async () => `editor text ${JSON.stringify(await wb.textEditorText())}`);
      await wb.page.waitForTimeout(300);
      expectEqual(await wb.textEditorText(), 'k = LT4', 'the editor after Enter (no newline added)');
      expectEqual(await pad.status(), 'Inserted “LT4”.', 'the pad says what it inserted');
      await pad.clear();
    },
  },
  {
    name: 'a click that brings the keyboard to the pad adds no ink',
    async run(wb) {
      await wb.openFile(notesFile);
      const pad = await Pad.open(wb);
      await pad.write('LT4', 0.35);
      expectEqual(await pad.recognisedText(3), 'LT4', 'the pad read');
      const strokes = await pad.strokeCount();
      await wb.typeInEditor('');
      await pad.click(0.9, 0.2);
      await wb.page.waitForTimeout(500);
      expectEqual(await pad.strokeCount(), strokes, 'strokes after a focusing click');
      expectEqual(await pad.recognisedText(3), 'LT4', 'the text after a focusing click');
      await pad.clear();
      await pad.click(0.5, 0.5);
      await wb.page.waitForTimeout(300);
      expectEqual(await pad.strokeCount(), 0, 'strokes after a click on an empty pad');
    },
  },
  {
    name: 'a zigzag over the last letter erases it and is never read as a character',
    async run(wb) {
      const pad = await padWithLT4(wb);
      const strokes = await pad.strokeCount();
      // layoutWord puts the third glyph in the right third of the written width (see Pad.write).
      const box = await pad.layout();
      const size = Math.min(box.height * 0.45, (box.width * 0.85) / (3 * 1.05));
      // A word this wide reaches the right side, so after a pause the view moves on (inkCanvas
      // FOLLOW_DELAY_MS): let it settle, then cross out the 4 where it is shown now.
      await wb.page.waitForTimeout(1000);
      const left = (size * 0.4 + 2 * (size * 0.7 + size * 0.35) - (await pad.scrollX())) / box.width;
      const top = (box.height - size) / 2 / box.height;
      await pad.zigzag(left - 0.01, left + (size * 0.7) / box.width + 0.01, top + 0.05, top + (size / box.height) - 0.05);
      await waitUntil(async () => (await pad.recognisedText(0, 200)) === 'LT', async () => `text ${JSON.stringify(await pad.recognisedText(0, 200))}`);
      expectEqual(await pad.strokeCount(), strokes - 1, 'strokes after crossing out the 4 (its one stroke)');
      await pad.clear();
    },
  },
  {
    name: 'Ctrl+Z undoes a candidate choice before the strokes written earlier',
    async run(wb) {
      const pad = await padWithLT4(wb);
      const strokes = await pad.strokeCount();
      const alternative = pad.candidateButtons(0).nth(1);
      const picked = (await alternative.textContent()) ?? '';
      await alternative.click();
      await waitUntil(async () => (await pad.recognisedText(3)) === `${picked}T4`, async () => `text after the pick: ${await pad.recognisedText(3)}`);
      await wb.page.keyboard.press(process.platform === 'darwin' ? 'Meta+Z' : 'Control+Z');
      await waitUntil(async () => (await pad.recognisedText(3)) === 'LT4', async () => `text after Ctrl+Z: ${await pad.recognisedText(3)}`);
      expectEqual(await pad.strokeCount(), strokes, 'strokes after undoing the choice');
      await pad.clear();
    },
  },
  {
    name: 'one Tab from the canvas reaches the results; arrows and Enter choose and the focus stays',
    async run(wb) {
      const pad = await padWithLT4(wb);
      await pad.canvas().focus();
      await wb.page.keyboard.press('Tab');
      const first = await pad.focused();
      if (!first.startsWith('button.candidate.chosen[L]')) throw new Error(`one Tab from the canvas focused ${first}, not the first character's choice`);
      await wb.page.keyboard.press('ArrowRight');
      expectEqual(await pad.focused(), 'button.candidate.chosen[T]', 'ArrowRight moves to the next character');
      await wb.page.keyboard.press('ArrowDown');
      const alternative = await pad.focused();
      const picked = /\[(.*)\]$/.exec(alternative)?.[1] ?? '';
      await wb.page.keyboard.press('Enter');
      await waitUntil(async () => (await pad.recognisedText(3)) === `L${picked}4`, async () => `text after Enter: ${await pad.recognisedText(3)}`);
      await wb.page.waitForTimeout(300);
      expectEqual(await pad.focused(), `button.candidate.chosen[${picked}]`, 'the focus after choosing');
      await pad.clear();
    },
  },
  {
    name: 'the ink is kept when the pad is closed and opened again',
    async run(wb) {
      const pad = await padWithLT4(wb);
      const strokes = await pad.strokeCount();
      await wb.page.waitForTimeout(600); // the pad hands its writing to the host a moment after the last stroke
      await wb.closeAllEditors();
      const reopened = await Pad.open(wb);
      expectEqual(await reopened.recognisedText(3), 'LT4', 'the text after reopening');
      expectEqual(await reopened.strokeCount(), strokes, 'strokes after reopening');
      await reopened.clear();
    },
  },
  {
    name: 'the ruled line stands out at least 3:1 from the paper in the light theme (measured on a screenshot)',
    async run(wb) {
      await setColorTheme(wb, 'Light Modern');
      {
        const pad = await Pad.open(wb);
        await wb.page.waitForTimeout(500);
        const layout = await pad.layout();
        const png = PNG.sync.read(await pad.canvas().screenshot());
        const scale = png.width / layout.width;
        const paper = pixel(png, Math.round(png.width / 2), Math.round(4 * scale));
        let best = 1;
        for (const y of [layout.baseline, layout.baseline - layout.xHeight]) {
          const row = Math.round((y - 0.5) * scale);
          let lineBest = 1;
          for (let dy = -1; dy <= 1; dy++) {
            for (let x = Math.round(20 * scale); x < png.width - 20 * scale; x++) lineBest = Math.max(lineBest, contrast(pixel(png, x, row + dy), paper));
          }
          if (lineBest < 3) {
            const colour = await pad.canvas().getAttribute('data-guide-colour');
            throw new Error(`the ruled line at y=${y} (drawn in ${colour}) reaches only ${lineBest.toFixed(2)}:1 against the paper ${paper.join(',')}`);
          }
          best = Math.max(best, lineBest);
        }
        expectEqual(best >= 3, true, 'ruled-line contrast');
      }
    },
  },
];

/** The pad beside notes.txt (as a person writes), with LT4 written on it and read. */
async function padWithLT4(wb: Parameters<UiTest['run']>[0]): Promise<Pad> {
  await wb.openFile(notesFile);
  const pad = await Pad.open(wb);
  await pad.write('LT4', 0.45);
  expectEqual(await pad.recognisedText(3), 'LT4', 'the pad read');
  return pad;
}

async function setColorTheme(wb: Parameters<UiTest['run']>[0], name: string): Promise<void> {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill('>Preferences: Color Theme');
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await input.fill(name);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^\\s*${name}`) }).first().waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await wb.page.waitForTimeout(1000);
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.max(0, Math.min(png.height - 1, y)) * png.width + Math.max(0, Math.min(png.width - 1, x))) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const lum = (rgb: readonly number[]) => {
    const [r, g, bl] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}
