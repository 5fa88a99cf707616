/** The importer's preview: the image, with each recognised character's box and text drawn over it. */
import { RecognizedBox } from '../../protocol/messages';

const SNAPSHOT_PREFIX = 'data:image/jpeg;base64,';

export class ImagePreview {
  private readonly ctx: CanvasRenderingContext2D;
  /** The image without marks, and the boxes drawn on it, for relabelling after a pick. */
  private base: HTMLCanvasElement | undefined;
  private boxes: readonly RecognizedBox[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This webview cannot draw on a canvas.');
    this.ctx = ctx;
  }

  show(bitmap: ImageBitmap, boxes: readonly RecognizedBox[]): void {
    this.base = document.createElement('canvas');
    this.base.width = bitmap.width;
    this.base.height = bitmap.height;
    this.base.getContext('2d')?.drawImage(bitmap, 0, 0);
    this.draw(boxes);
  }

  /** The same boxes with new texts (the writer picked alternatives). */
  relabel(texts: readonly string[]): void {
    if (!this.base || texts.length !== this.boxes.length) return;
    this.draw(this.boxes.map((b, i) => ({ ...b, text: texts[i] })));
  }

  /** The index of the box under a point of the page (the canvas is shown scaled to fit), if any. */
  boxAt(clientX: number, clientY: number): number | undefined {
    const { canvas } = this;
    const r = canvas.getBoundingClientRect();
    if (canvas.hidden || !canvas.width || !r.width) return undefined;
    const scale = Math.min(r.width / canvas.width, r.height / canvas.height);
    const x = (clientX - r.left - (r.width - canvas.width * scale) / 2) / scale;
    const y = (clientY - r.top - (r.height - canvas.height * scale) / 2) / scale;
    const slack = 4 / scale;
    const i = this.boxes.findIndex((b) => x >= b.left - slack && x <= b.right + slack && y >= b.top - slack && y <= b.bottom + slack);
    return i >= 0 ? i : undefined;
  }

  private draw(boxes: readonly RecognizedBox[]): void {
    const { canvas, ctx } = this;
    const bitmap = this.base!;
    this.boxes = boxes;
    // For tests: where each character's box is, in the canvas's pixels.
    canvas.dataset.boxes = JSON.stringify(boxes.map((b) => [b.left, b.top, b.right, b.bottom].map(Math.round)));
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

  /**
   * The preview as drawn (image and boxes), downscaled to at most `maxSide` pixels, as a JPEG data
   * URL: small enough for the webview's saved state, so the preview survives the panel being hidden.
   */
  snapshot(maxSide = 1024, quality = 0.85): string | undefined {
    const { canvas } = this;
    if (canvas.hidden || !canvas.width || !canvas.height) return undefined;
    const k = Math.min(1, maxSide / Math.max(canvas.width, canvas.height));
    const small = document.createElement('canvas');
    small.width = Math.max(1, Math.round(canvas.width * k));
    small.height = Math.max(1, Math.round(canvas.height * k));
    small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
    return small.toDataURL('image/jpeg', quality);
  }

  /**
   * Shows a snapshot() again; rejects anything else, so the caller keeps its placeholder. Decoded from
   * bytes, not loaded as an <img>: the CSP allows no data: images.
   */
  async restore(snapshot: string, label: string): Promise<void> {
    if (!snapshot.startsWith(SNAPSHOT_PREFIX)) throw new Error('The saved preview is not a JPEG snapshot.');
    const binary = atob(snapshot.slice(SNAPSHOT_PREFIX.length));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const { canvas, ctx } = this;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    canvas.hidden = false;
    canvas.setAttribute('aria-label', label);
    // A snapshot has its marks baked in: nothing to relabel or click.
    this.base = undefined;
    this.boxes = [];
  }
}
