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
