/**
 * The writing surface: pointer events (mouse, pen with pressure, touch) to strokes, drawn as
 * smooth curves through segment midpoints in the theme's editor colours.
 */
import { PadPoint } from './document';

export interface InkCanvasEvents {
  onStrokeStart(): void;
  /** `erase`: drawn in eraser mode or with a pen's eraser end: what it passes over goes. */
  onStrokeEnd(points: PadPoint[], erase: boolean): void;
}

/** Touch is ignored for this long after the pen was last near the screen (the palm rests on it). */
const PALM_REJECTION_MS = 1000;

/** Points closer than this (CSS px) to the previous one add nothing but work. */
const MIN_STEP = 0.75;
/** A canvas at least this tall (CSS px) has two ruled lines. */
const TWO_LINES_FROM_PX = 360;
/** A press that never leaves this radius (CSS px) is a tap, not a stroke. */
const TAP_RADIUS = 1.5;
/**
 * A long line continues: once the writing passes this share of the width and the pen rests for
 * FOLLOW_DELAY_MS, the view moves on so the end of the writing sits at FOLLOW_TO of the width. The ink
 * keeps its place in the writing (strokes are in writing coordinates); only the view scrolls.
 */
const FOLLOW_FROM = 0.8;
const FOLLOW_TO = 0.4;
const FOLLOW_DELAY_MS = 600;

export class InkCanvas {
  private readonly ctx: CanvasRenderingContext2D;
  private current: PadPoint[] | null = null;
  private activePointer: number | null = null;
  /** The press that started the current stroke is the one that brought the keyboard to the pad. */
  private focusingPress = false;
  /** The current stroke erases (eraser mode, or a pen's eraser end). */
  private erasingStroke = false;
  private lastPenAt = -Infinity;
  /** Eraser mode: every stroke erases what it passes over. */
  eraser = false;
  private strokes: readonly (readonly PadPoint[])[] = [];
  private ink = '#000';
  private guide = '#8884';
  inkWidth = 4;
  /** How far (CSS px) the view has moved along the line: writing x = view x + scrollX. */
  private scrollX = 0;
  private followTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly events: InkCanvasEvents,
    /** The teaching page asks for one character: one ruled line, however tall the canvas. */
    private readonly options: { readonly maxLines?: 1 | 2 } = {},
  ) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This webview cannot draw on a canvas.');
    this.ctx = ctx;
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    // A pen hovering or touching marks itself present, for palm rejection.
    for (const type of ['pointerover', 'pointermove', 'pointerup'] as const) {
      canvas.addEventListener(type, (e) => {
        if (e.pointerType === 'pen') this.lastPenAt = e.timeStamp;
      });
    }
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', (e) => this.up(e));
    // Back along a long line: a horizontal wheel or trackpad swipe (Shift+wheel), or the arrow keys.
    canvas.addEventListener('wheel', (e) => {
      const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.shiftKey ? e.deltaY : 0;
      if (delta === 0) return;
      e.preventDefault();
      this.cancelFollow(); // the writer is looking back: a pending move-on must not pull the view away
      this.scrollTo(this.scrollX + delta);
    }, { passive: false });
    canvas.addEventListener('keydown', (e) => {
      if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      this.cancelFollow();
      const step = this.canvas.getBoundingClientRect().width / 3;
      this.scrollTo(this.scrollX + (e.key === 'ArrowLeft' ? -step : step));
    });
    new ResizeObserver(() => this.resize()).observe(canvas);
    // VS Code swaps body classes and --vscode-* values on a theme change.
    new MutationObserver(() => this.readColours()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    canvas.dataset.scrollX = '0'; // for tests: how far the view has moved along a long line
    this.readColours();
    this.resize();
  }

  get drawing(): boolean {
    return this.current !== null;
  }

  /** Redraw everything (after undo, redo, clear, restore). */
  show(strokes: readonly (readonly PadPoint[])[]): void {
    this.strokes = strokes;
    this.canvas.dataset.strokeCount = String(strokes.length); // for tests: how much ink the pad holds
    // Never left looking at empty paper past the end of the writing (after undo, clear, restore).
    this.scrollTo(this.scrollX, false);
    this.redraw();
  }

  /** Moves the view along the line, within [0, the end of the writing at FOLLOW_TO of the width]. */
  scrollTo(x: number, redraw = true): void {
    const next = Math.round(Math.max(0, Math.min(x, this.maxScroll())));
    if (next === this.scrollX) return;
    this.scrollX = next;
    this.canvas.dataset.scrollX = String(next);
    if (redraw) this.redraw();
  }

  private inkRight(): number {
    let right = -Infinity;
    for (const s of this.strokes) for (const p of s) right = Math.max(right, p.x);
    return right;
  }

  private maxScroll(): number {
    return Math.max(0, this.inkRight() - this.canvas.getBoundingClientRect().width * FOLLOW_TO);
  }

  /** After a pause, move on if the writing has reached the right side of the view. */
  private scheduleFollow(): void {
    this.cancelFollow();
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      const { width } = this.canvas.getBoundingClientRect();
      if (this.inkRight() - this.scrollX > width * FOLLOW_FROM) this.scrollTo(this.maxScroll());
    }, FOLLOW_DELAY_MS);
  }

  private cancelFollow(): void {
    if (this.followTimer !== undefined) clearTimeout(this.followTimer);
    this.followTimer = undefined;
  }

  private readColours(): void {
    const style = getComputedStyle(document.body);
    this.ink = style.getPropertyValue('--vscode-editor-foreground').trim() || '#000';
    const paper = style.getPropertyValue('--vscode-editor-background').trim() || '#fff';
    this.guide = guideColour(this.ink, paper);
    this.canvas.dataset.guideColour = this.guide;
    this.redraw();
  }

  private resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const { width, height } = this.canvas.getBoundingClientRect();
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (this.canvas.width === w && this.canvas.height === h) return;
    this.canvas.width = w;
    this.canvas.height = h;
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.redraw();
  }

  private point(e: PointerEvent): PadPoint {
    const r = this.canvas.getBoundingClientRect();
    // Mouse and touch report 0.5 while down (0 for some touch screens); only pens vary it.
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
    return { x: e.clientX - r.left + this.scrollX, y: e.clientY - r.top, t: e.timeStamp, pressure };
  }

  private down(e: PointerEvent): void {
    if (this.activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    if (e.pointerType === 'pen') this.lastPenAt = e.timeStamp;
    else if (e.pointerType === 'touch' && e.timeStamp - this.lastPenAt < PALM_REJECTION_MS) return; // the writing hand's palm
    // A pen's eraser end reports button 5 (buttons bit 32).
    this.erasingStroke = this.eraser || (e.pointerType === 'pen' && (e.button === 5 || (e.buttons & 32) !== 0));
    // preventDefault() above also stops the browser from moving focus: the keyboard follows the pen
    // here, so Enter, Escape and Ctrl+Z act on the pad, not on the editor clicked before.
    this.focusingPress = document.activeElement !== this.canvas || !document.hasFocus();
    window.focus();
    this.canvas.focus({ preventScroll: true });
    this.canvas.setPointerCapture(e.pointerId);
    this.activePointer = e.pointerId;
    this.cancelFollow(); // the view never moves under a pen that is writing
    this.current = [this.point(e)];
    this.events.onStrokeStart();
    this.drawDot(this.current[0]);
  }

  private move(e: PointerEvent): void {
    if (e.pointerId !== this.activePointer || !this.current) return;
    const samples = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const sample of samples.length > 0 ? samples : [e]) {
      const p = this.point(sample);
      const last = this.current[this.current.length - 1];
      if (Math.hypot(p.x - last.x, p.y - last.y) < MIN_STEP) continue;
      this.current.push(p);
      this.drawTail(this.current);
    }
  }

  private up(e: PointerEvent): void {
    if (e.pointerId !== this.activePointer || !this.current) return;
    const stroke = this.current;
    this.current = null;
    this.activePointer = null;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    // A tap without movement is ink only as a dot on writing already there (an i's dot, a period),
    // never the click that focused the pad or a stray click on an empty one.
    const tap = stroke.every((p) => Math.hypot(p.x - stroke[0].x, p.y - stroke[0].y) <= TAP_RADIUS);
    if (tap && (this.focusingPress || this.strokes.length === 0)) {
      this.redraw();
      return;
    }
    const erasing = this.erasingStroke;
    this.erasingStroke = false;
    if (erasing) this.redraw(); // the eraser's path is no ink
    this.events.onStrokeEnd(stroke, erasing);
    if (!erasing) this.scheduleFollow();
  }

  private width(p: PadPoint): number {
    return Math.max(0.5, this.inkWidth * (0.4 + 1.2 * p.pressure));
  }

  private redraw(): void {
    const { ctx } = this;
    const { width, height } = this.canvas.getBoundingClientRect();
    ctx.clearRect(0, 0, width, height);
    this.drawGuide(width);
    for (const s of this.strokes) this.drawStroke(s);
    if (this.current) this.drawStroke(this.current);
    this.drawScrollHint(width, height);
  }

  /**
   * Where the view is along a long line: a thin bar at the bottom edge, shown only when some writing
   * lies outside the view (the arrow keys or a sideways scroll go back to it).
   */
  private drawScrollHint(width: number, height: number): void {
    let left = 0, right = width;
    for (const s of this.strokes) for (const p of s) {
      left = Math.min(left, p.x);
      right = Math.max(right, p.x);
    }
    const total = Math.max(right, this.scrollX + width) - left;
    if (total <= width + 1) return;
    const { ctx } = this;
    ctx.save();
    ctx.fillStyle = this.guide;
    ctx.fillRect(((this.scrollX - left) / total) * width, height - 4, (width / total) * width, 3);
    ctx.restore();
  }

  /**
   * The ruled writing line in CSS px: a baseline and an x-height line above it. Drawn faintly so
   * people write on it, and handed to core/strokes so a lone 'c' written at the x-height reads
   * small and a 'C' reaching above it reads tall (a word brings its own line; see group.ts).
   */
  guideFrame(): { baseline: number; xHeight: number } {
    return this.guideFrames()[0];
  }

  /**
   * All ruled lines, top first: one on a short pad, two where there is room (a second line of writing
   * gets its own line, and a lone character written on it reads its case from it).
   */
  guideFrames(): { baseline: number; xHeight: number }[] {
    const { height } = this.canvas.getBoundingClientRect();
    if (height < TWO_LINES_FROM_PX || this.options.maxLines === 1) return [{ baseline: Math.round(height * 0.68) + 0.5, xHeight: Math.max(8, Math.round(height * 0.2)) }];
    // The same x-height as a single line (smaller letters read less surely), the lines ~2.3 x-heights apart.
    const xHeight = Math.max(8, Math.round(height * 0.2));
    return [0.4, 0.86].map((at) => ({ baseline: Math.round(height * at) + 0.5, xHeight }));
  }

  private drawGuide(width: number): void {
    const { ctx } = this;
    const frames = this.guideFrames();
    // Published for tests and tools that write on the line as a person would (the first line; all baselines).
    this.canvas.dataset.guideBaseline = String(frames[0].baseline);
    this.canvas.dataset.guideXHeight = String(frames[0].xHeight);
    this.canvas.dataset.guideBaselines = frames.map((f) => f.baseline).join(' ');
    ctx.save();
    ctx.strokeStyle = this.guide;
    // The canvas's CSS height is often fractional (it takes what the layout leaves), so a thin line
    // would be smeared over device rows at part strength: snap each line to whole device rows, at
    // least two thick (the stylesheet scales the canvas without smoothing, see style.css).
    const rows = this.canvas.height / Math.max(1, this.canvas.getBoundingClientRect().height);
    const thickness = Math.max(2, Math.round(1.5 * rows));
    ctx.lineWidth = thickness / rows;
    const snap = (y: number) => (Math.floor(y * rows) + thickness / 2) / rows;
    // Both lines in the full guide colour (>= 3:1 against the paper); the x-height line is told apart
    // by its sparser dashes, not by fading it below what a reader can see.
    const lines = frames.flatMap(({ baseline, xHeight }) => [[baseline, [6, 4]], [baseline - xHeight, [2, 6]]] as const);
    for (const [y, dash] of lines) {
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(12, snap(y));
      ctx.lineTo(width - 12, snap(y));
      ctx.stroke();
    }
    ctx.restore();
  }

  private drawStroke(points: readonly PadPoint[]): void {
    if (points.length === 1) return this.drawDot(points[0]);
    for (let i = 1; i < points.length; i++) this.drawSegment(points, i);
  }

  private drawTail(points: readonly PadPoint[]): void {
    this.drawSegment(points, points.length - 1);
  }

  /** Segment i: a quadratic curve from the midpoint before point i-1 to the midpoint after it. */
  private drawSegment(points: readonly PadPoint[], i: number): void {
    const { ctx } = this;
    const a = points[i - 1];
    const b = points[i];
    const prev = i >= 2 ? points[i - 2] : a;
    const o = this.scrollX;
    const start = { x: (prev.x + a.x) / 2 - o, y: (prev.y + a.y) / 2 };
    const end = i === points.length - 1 ? { x: b.x - o, y: b.y } : { x: (a.x + b.x) / 2 - o, y: (a.y + b.y) / 2 };
    ctx.strokeStyle = this.erasingStroke ? this.guide : this.ink;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = this.width(a);
    ctx.beginPath();
    ctx.moveTo(start.x, start.y);
    ctx.quadraticCurveTo(a.x - o, a.y, end.x, end.y);
    ctx.stroke();
  }

  private drawDot(p: PadPoint): void {
    const { ctx } = this;
    ctx.fillStyle = this.erasingStroke ? this.guide : this.ink;
    ctx.beginPath();
    ctx.arc(p.x - this.scrollX, p.y, this.width(p) / 2, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** WCAG's non-text minimum is 3:1; a little more so that anti-aliasing never drops below it. */
const GUIDE_CONTRAST = 3.3;

/**
 * The ruled lines' colour: the ink colour blended toward the paper as far as it can go while it keeps
 * GUIDE_CONTRAST against the paper, so the lines are quieter than the ink yet visible in every theme.
 */
export function guideColour(ink: string, paper: string): string {
  const a = rgbOf(ink), b = rgbOf(paper);
  if (!a || !b) return ink;
  for (let share = 0.3; share < 1; share += 0.05) {
    const mixed = a.map((v, i) => Math.round(b[i] + share * (v - b[i]))) as [number, number, number];
    if (contrast(mixed, b) >= GUIDE_CONTRAST) return `rgb(${mixed.join(', ')})`;
  }
  return `rgb(${a.join(', ')})`;
}

function rgbOf(colour: string): [number, number, number] | undefined {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) return undefined;
  probe.fillStyle = '#000';
  probe.fillStyle = colour; // the browser parses any CSS colour; an invalid one leaves #000
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(x: readonly number[], y: readonly number[]): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}
