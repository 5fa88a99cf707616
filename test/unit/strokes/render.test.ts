import { strict as assert } from 'node:assert';
import { RENDER_SIZE, classifierPenWidth, renderCharacter, simplifyRdp, strokesToCharacters } from '../../../core/strokes';
import { densify } from './fixtures';

/** Dark pixels (< 128) along row y. */
function inkRun(img: { width: number; data: Uint8ClampedArray }, y: number): number {
  let n = 0;
  for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x] < 128) n++;
  return n;
}

describe('strokes: round-pen rasteriser', () => {
  const line = densify([{ x: 10, y: 10 }, { x: 10, y: 74 }], 2);
  const box = (r: number) => ({ left: 10 - r, top: 10 - r, right: 10 + r, bottom: 74 + r });

  it('draws dark ink on white with the pen width, scaled to the render size', () => {
    const img = renderCharacter([line], box(2), 4);
    assert.ok(img.height <= RENDER_SIZE + 5);
    // Paper is white, the centre is black.
    assert.equal(img.data[0], 255);
    const mid = Math.floor(img.height / 2);
    const scale = RENDER_SIZE / 68;
    const run = inkRun(img, mid);
    assert.ok(Math.abs(run - 4 * scale) <= 1.5, `ink run ${run}, expected ~${(4 * scale).toFixed(1)}`);
    assert.ok(img.data.some((v) => v === 0));
  });

  it('round caps: the ink extends a pen radius beyond the line ends, not more', () => {
    const img = renderCharacter([line], box(2), 4);
    const rowsWithInk = Array.from({ length: img.height }, (_, y) => inkRun(img, y) > 0).filter(Boolean).length;
    const expected = (64 + 4) * (RENDER_SIZE / 68);
    assert.ok(Math.abs(rowsWithInk - expected) <= 2, `${rowsWithInk} vs ${expected}`);
  });

  it('pressure widens the pen', () => {
    const light = renderCharacter([line.map((p) => ({ ...p, pressure: 0.1 }))], box(3), 4);
    const heavy = renderCharacter([line.map((p) => ({ ...p, pressure: 1 }))], box(3), 4);
    const mid = Math.floor(light.height / 2);
    assert.ok(inkRun(heavy, mid) > inkRun(light, mid) + 1);
  });

  it('anti-aliases edges (grey levels between ink and paper)', () => {
    const diag = densify([{ x: 0, y: 0 }, { x: 40, y: 30 }], 2);
    const img = renderCharacter([diag], { left: -2, top: -2, right: 42, bottom: 32 }, 4);
    assert.ok(img.data.some((v) => v > 30 && v < 225));
  });

  it('RDP keeps corners and drops collinear points', () => {
    const pts = densify([{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 50 }], 1);
    const s = simplifyRdp(pts, 0.25);
    assert.deepEqual(s.map((p) => [p.x, p.y]), [[0, 0], [50, 0], [50, 50]]);
  });
});

describe('strokes: pen width the classifier sees', () => {
  it('keeps the pen within 4.5%..15% of the letter size, whatever the ink width setting', () => {
    assert.equal(classifierPenWidth(4, 40), 4);
    assert.equal(classifierPenWidth(20, 40), 6);
    assert.ok(Math.abs(classifierPenWidth(1, 100) - 4.5) < 1e-9);
    // A 20 px 'l' written with a 20 px pen stays a thin bar (the image is cropped to the ink), not a blob.
    const tiny = densify([{ x: 10, y: 10 }, { x: 10, y: 30 }], 1);
    const img = strokesToCharacters([tiny], { inkWidth: 20 }).characters[0].image;
    assert.ok(img.width < 0.25 * img.height, `${img.width}x${img.height}`);
  });
});
