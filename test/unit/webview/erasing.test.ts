import { strict as assert } from 'node:assert';
import { coveredBy, isScratchOut, touchedBy } from '../../../webview/pad/erasing';
import type { PadPoint, PadStroke } from '../../../webview/pad/document';

const pt = (x: number, y: number): PadPoint => ({ x, y, t: 0, pressure: 0.5 });
/** A polyline with a point every pixel or so, as pointer events arrive. */
function path(...corners: [number, number][]): PadPoint[] {
  const out: PadPoint[] = [pt(...corners[0])];
  for (let i = 1; i < corners.length; i++) {
    const [ax, ay] = corners[i - 1], [bx, by] = corners[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay)));
    for (let k = 1; k <= n; k++) out.push(pt(ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n));
  }
  return out;
}
const ellipse = (cx: number, cy: number, rx: number, ry: number, from = 0, turns = 1): [number, number][] =>
  Array.from({ length: 33 }, (_, k) => {
    const a = from + (k / 32) * 2 * Math.PI * turns;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });

describe('pad: erasing (scratch-out and eraser)', () => {
  it('a zigzag back and forth over a letter is a scratch-out', () => {
    assert.equal(isScratchOut(path([0, 10], [30, 14], [2, 18], [31, 22], [1, 26], [30, 30])), true);
    assert.equal(isScratchOut(path([0, 10], [30, 12], [0, 14], [30, 16], [0, 18], [30, 20], [0, 22])), true);
  });

  it('letters are never taken for a scratch-out: w, z, e, s, 8, m, a circle', () => {
    const letters: Record<string, [number, number][]> = {
      w: [[0, 0], [6, 20], [12, 5], [18, 20], [24, 0]],
      z: [[0, 0], [20, 0], [0, 20], [20, 20]],
      e: [[2, 10], [18, 10], ...ellipse(10, 10, 8, 8, 0, 0.85)],
      s: [[18, 2], [4, 2], [2, 8], [18, 12], [16, 18], [2, 18]],
      '8': [...ellipse(10, 7, 6, 6, Math.PI / 2, 1), ...ellipse(10, 20, 8, 7, -Math.PI / 2, 1)],
      m: [[0, 20], [0, 5], [8, 0], [10, 20], [10, 5], [18, 0], [20, 20]],
      o: ellipse(10, 10, 9, 9),
    };
    for (const [name, corners] of Object.entries(letters)) assert.equal(isScratchOut(path(...corners)), false, name);
  });

  it('a scratch-out erases the strokes it covers, not their neighbours', () => {
    const strokes: PadStroke[] = [
      { id: 1, points: path([0, 0], [0, 30]) },
      { id: 2, points: path([20, 0], [20, 30]) },
      { id: 3, points: path([14, 15], [26, 15]) },
    ];
    const scratch = path([15, 5], [25, 8], [15, 11], [25, 14], [15, 17], [25, 20], [15, 23], [25, 26]);
    assert.deepEqual(coveredBy(scratch, strokes, 4), [2, 3]);
  });

  it('the eraser removes what its path passes over', () => {
    const strokes: PadStroke[] = [
      { id: 1, points: path([0, 0], [0, 30]) },
      { id: 2, points: path([40, 0], [40, 30]) },
    ];
    assert.deepEqual(touchedBy(path([-5, 15], [5, 15]), strokes, 3), [1]);
    assert.deepEqual(touchedBy(path([10, 15], [30, 15]), strokes, 3), []);
  });
});
