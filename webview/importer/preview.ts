/** The importer's preview: the image, with each recognised character's box and text drawn over it. */
import { RecognizedBox } from '../../protocol/messages';

export class ImagePreview {
  private readonly ctx: CanvasRenderingContext2D;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This webview cannot draw on a canvas.');
    this.ctx = ctx;
  }

  show(bitmap: ImageBitmap, boxes: readonly RecognizedBox[]): void {
    const { canvas, ctx } = this;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    ctx.drawImage(bitmap, 0, 0);
    const style = getComputedStyle(document.body);
    const colour = style.getPropertyValue('--vscode-editorInfo-foreground').trim() || '#3794ff';
    const lw = Math.max(1, Math.round(Math.max(bitmap.width, bitmap.height) / 400));
    ctx.lineWidth = lw;
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.font = `${Math.max(10, lw * 8)}px sans-serif`;
    ctx.textBaseline = 'bottom';
    for (const b of boxes) {
      ctx.strokeRect(b.left + 0.5, b.top + 0.5, b.right - b.left, b.bottom - b.top);
      ctx.fillText(b.text, b.left, Math.max(lw * 8, b.top - lw));
    }
    canvas.hidden = false;
    canvas.setAttribute('aria-label', `Image with ${boxes.length} recognised characters marked`);
  }
}
