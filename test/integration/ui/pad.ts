// The drawing pad driven as a user would: palette, strokes with the mouse, the Insert button.
import type { FrameLocator, Locator } from 'playwright-core';
import { layoutLine, layoutWord, type Point } from '../glyphs';
import type { Workbench } from './workbench';

export const openPadTitle = 'Inkwell: Open Drawing Pad';

export class Pad {
  constructor(
    private readonly workbench: Workbench,
    readonly frame: FrameLocator,
  ) {}

  /** Opens the pad from the palette and waits until its model has loaded. */
  static async open(workbench: Workbench): Promise<Pad> {
    return new Pad(workbench, await workbench.openReadyWebview(openPadTitle));
  }

  canvas(): Locator {
    return this.frame.locator('canvas#pad');
  }

  /**
   * Writes `word` with the mouse: each stroke is a press, a run of small moves, a release, with the
   * pauses a hand leaves between strokes. Glyphs fill `heightFraction` of the canvas height.
   */
  async write(word: string, heightFraction = 0.45): Promise<void> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    const size = Math.min(box.height * heightFraction, (box.width * 0.85) / (word.length * 1.05));
    await this.drawStrokes(layoutWord(word, [size * 0.4, (box.height - size) / 2], size), box);
  }

  /**
   * Writes one character standing on the pad's ruled baseline, `heightInXHeights` times the ruled
   * x-height tall, as a person writing on lined paper would.
   */
  async writeOnGuide(char: string, heightInXHeights: number): Promise<void> {
    const canvas = this.canvas();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    const baseline = Number(await canvas.getAttribute('data-guide-baseline'));
    const xHeight = Number(await canvas.getAttribute('data-guide-x-height'));
    if (!(xHeight > 0)) throw new Error('the pad publishes no ruled line');
    const size = xHeight * heightInXHeights;
    const [stroke] = layoutWord(char, [box.width * 0.4, baseline - size], size);
    await this.drawStrokes([stroke], box);
  }

  /**
   * Writes `word` with glyphs `size` px tall whose top-left corner is at (x, y) in canvas pixels: for
   * writing a long line, or a second line under the first.
   */
  async writeAt(word: string, x: number, y: number, size: number): Promise<void> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    await this.drawStrokes(layoutWord(word, [x, y], size), box);
  }

  /** Writes a line of code on the pad's ruled line, characters `xHeights` ruled x-heights tall (test/integration/glyphs.ts lineGlyphs). */
  async writeLine(text: string, xHeights = 1, startFraction = 0.06): Promise<void> {
    const { width, baseline, xHeight, x, y } = await this.layout();
    if (!(xHeight > 0)) throw new Error('the pad publishes no ruled line');
    await this.drawStrokes(layoutLine(text, width * startFraction, baseline, xHeight * xHeights), { x, y });
  }

  /** The canvas's box in the page and its ruled line: what must stay put while a person writes. */
  async layout(): Promise<{ x: number; y: number; width: number; height: number; baseline: number; xHeight: number }> {
    const canvas = this.canvas();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    return {
      ...box,
      baseline: Number(await canvas.getAttribute('data-guide-baseline')),
      xHeight: Number(await canvas.getAttribute('data-guide-x-height')),
    };
  }

  /** How far the view has moved along a long line (CSS px; the canvas publishes it). */
  async scrollX(): Promise<number> {
    return Number(await this.canvas().getAttribute('data-scroll-x'));
  }

  /** Strokes the pad holds (the canvas publishes the count). */
  async strokeCount(): Promise<number> {
    return Number(await this.canvas().getAttribute('data-stroke-count'));
  }

  /** A plain click (press and release without moving) at a fraction of the canvas's width and height. */
  async click(fx: number, fy: number): Promise<void> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    await this.workbench.page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
  }

  /** Scribbles a zigzag back and forth over the box (fractions of the canvas), as a person crosses out. */
  async zigzag(fx0: number, fx1: number, fy0: number, fy1: number, turns = 6): Promise<void> {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('the pad canvas is not visible');
    const corners: [number, number][] = Array.from({ length: turns + 1 }, (_, k) => [
      (k % 2 === 0 ? fx0 : fx1) * box.width,
      (fy0 + ((fy1 - fy0) * k) / turns) * box.height,
    ]);
    await this.drawStrokes([densifyPath(corners, 4)], box);
  }

  /** The candidate buttons of the character at `index`, chosen first. */
  candidateButtons(index: number): Locator {
    return this.frame.locator(`#results button.candidate[data-index="${index}"]`);
  }

  /** What has the keyboard inside the pad: a short description of the focused element. */
  async focused(): Promise<string> {
    return this.frame.locator('body').evaluate((body) => {
      const a = body.ownerDocument.activeElement;
      if (!a || a === body) return 'body';
      return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.className ? `.${String(a.className).split(' ').join('.')}` : ''}[${a.textContent ?? ''}]`;
    });
  }

  private async drawStrokes(strokes: readonly (readonly Point[])[], box: { x: number; y: number }): Promise<void> {
    const mouse = this.workbench.page.mouse;
    const at = ([x, y]: Point): [number, number] => [box.x + x, box.y + y];
    for (const stroke of strokes) {
      await mouse.move(...at(stroke[0]));
      await mouse.down();
      for (const point of stroke.slice(1)) await mouse.move(...at(point));
      await mouse.up();
      await this.workbench.page.waitForTimeout(40);
    }
  }

  /** The recognised text once it has settled (the pad recognises after each pen-up). */
  async recognisedText(expectedLength: number, timeoutMs = 20_000): Promise<string> {
    const preview = this.frame.locator('#preview');
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = (await preview.getAttribute('data-text')) ?? '';
      if (text.replace(/ /g, '').length >= expectedLength) return text;
      await this.workbench.page.waitForTimeout(100);
    }
    return text;
  }

  async insert(): Promise<void> {
    await this.frame.locator('button#insert').click();
  }

  async status(): Promise<string> {
    return (await this.frame.locator('#status').textContent()) ?? '';
  }

  async clear(): Promise<void> {
    await this.frame.locator('button#clear').click();
  }
}

function densifyPath(corners: readonly [number, number][], step: number): Point[] {
  const out: Point[] = [corners[0]];
  for (let i = 1; i < corners.length; i++) {
    const [ax, ay] = corners[i - 1], [bx, by] = corners[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}
