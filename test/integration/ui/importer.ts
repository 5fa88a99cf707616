// The image importer driven as a user would: the palette, the Open Image… file input, the preview.
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from './workbench';

/** The canvas as seen inside the page (these tests compile without the DOM library). */
interface PageCanvas {
  hidden: boolean;
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

export const pasteImageTitle = 'Inkwell: Paste Handwriting Image';

export class Importer {
  constructor(readonly frame: FrameLocator) {}

  /** Opens (or reveals) the importer from the palette and waits until its model has loaded. */
  static async open(workbench: Workbench): Promise<Importer> {
    return new Importer(await workbench.openReadyWebview(pasteImageTitle));
  }

  /** Chooses an image file through the importer's own file input (what Open Image… opens). */
  async openImage(file: string): Promise<void> {
    await this.frame.locator('input#file').setInputFiles(file);
  }

  /** Clicks the middle of character `index`'s box on the preview, as a person points at it in the image. */
  async clickBox(index: number): Promise<void> {
    const canvas = this.frame.locator('canvas#preview');
    const boxes = JSON.parse((await canvas.getAttribute('data-boxes')) ?? '[]') as number[][];
    const at = await canvas.evaluate((element) => {
      const c = element as unknown as PageCanvas & { getBoundingClientRect(): { width: number; height: number } };
      const r = c.getBoundingClientRect();
      return { scale: Math.min(r.width / c.width, r.height / c.height), width: c.width, height: c.height, boxWidth: r.width, boxHeight: r.height };
    });
    const [l, t, r, b] = boxes[index];
    const x = (at.boxWidth - at.width * at.scale) / 2 + ((l + r) / 2) * at.scale;
    const y = (at.boxHeight - at.height * at.scale) / 2 + ((t + b) / 2) * at.scale;
    await canvas.click({ position: { x, y } });
  }

  /** The candidate buttons of character `index`, the one in use first. */
  candidateButtons(index: number) {
    return this.frame.locator(`#results button.candidate[data-index="${index}"]`);
  }

  /** What has the keyboard inside the importer: the focused candidate's index and text, if one has it. */
  async focusedCandidate(): Promise<string> {
    return this.frame.locator('body').evaluate((body) => {
      const a = body.ownerDocument.activeElement as unknown as { className?: string; dataset?: { index?: string }; textContent?: string } | null;
      return a && String(a.className).includes('candidate') ? `${a.dataset?.index}:${a.textContent}` : 'none';
    });
  }

  async insert(): Promise<void> {
    await this.frame.locator('button#insert').click();
  }

  /** How many images this importer has read (it counts them). */
  async readings(): Promise<number> {
    return Number((await this.frame.locator('body').getAttribute('data-readings')) ?? 0);
  }

  async text(): Promise<string> {
    return this.frame.locator('textarea#text').inputValue();
  }

  /** The preview canvas: whether it shows, its size, and how many sampled pixels differ from its first. */
  async preview(): Promise<{ shown: boolean; width: number; height: number; varied: number }> {
    return this.frame.locator('canvas#preview').evaluate((element) => {
      const canvas = element as unknown as PageCanvas;
      const shown = !canvas.hidden && canvas.width > 0 && canvas.height > 0;
      if (!shown) return { shown, width: canvas.width, height: canvas.height, varied: 0 };
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let varied = 0;
      for (let i = 0; i < data.length; i += 4 * 97) if (Math.abs(data[i] - data[0]) > 40) varied++;
      return { shown, width: canvas.width, height: canvas.height, varied };
    });
  }
}
