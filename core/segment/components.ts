/**
 * Connected components (8-connected) of an ink mask, with their boxes and pixel counts.
 * Iterative flood fill with an explicit stack: no recursion, so a page-sized blob cannot
 * overflow the call stack.
 */
import { Box } from '../image';

export interface Component {
  /** Label in the label map (1-based). */
  readonly id: number;
  readonly box: Box;
  readonly area: number;
}

export interface Components {
  readonly width: number;
  readonly height: number;
  /** 0 = paper, otherwise the component id. */
  readonly labels: Int32Array;
  /** components[id - 1].id === id. */
  readonly list: Component[];
}

export function connectedComponents(ink: Uint8Array, width: number, height: number): Components {
  const labels = new Int32Array(width * height);
  const list: Component[] = [];
  let stack = new Int32Array(1024);
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || labels[start]) continue;
    const id = list.length + 1;
    let left = width, top = height, right = -1, bottom = -1, area = 0;
    let sp = 0;
    stack[sp++] = start;
    labels[start] = id;
    while (sp > 0) {
      const p = stack[--sp];
      const x = p % width, y = (p - x) / width;
      area++;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (!ink[q] || labels[q]) continue;
          labels[q] = id;
          if (sp >= stack.length) {
            const bigger = new Int32Array(stack.length * 2);
            bigger.set(stack);
            stack = bigger;
          }
          stack[sp++] = q;
        }
      }
    }
    list.push({ id, box: { left, top, right: right + 1, bottom: bottom + 1 }, area });
  }
  return { width, height, labels, list };
}

export function boxWidth(b: Box): number {
  return b.right - b.left;
}
export function boxHeight(b: Box): number {
  return b.bottom - b.top;
}
export function midX(b: Box): number {
  return (b.left + b.right) / 2;
}
export function midY(b: Box): number {
  return (b.top + b.bottom) / 2;
}
export function unionBox(a: Box, b: Box): Box {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}
/** Horizontal overlap in pixels (negative = gap). */
export function xOverlap(a: Box, b: Box): number {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left);
}
