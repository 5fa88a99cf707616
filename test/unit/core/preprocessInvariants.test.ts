import * as assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import { greyFromRgba, GreyImage } from '../../../core/image';
import { normalizeCharacter, INPUT_SIZE } from '../../../core/preprocess';

/** Draw a thick 'R'-like glyph of strokes at a given offset and scale on a canvas of the given size. */
function drawGlyph(w: number, h: number, ox: number, oy: number, scale: number, invert = false): GreyImage {
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = invert ? '#000' : '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = invert ? '#fff' : '#000';
  ctx.lineWidth = 3 * scale;
  ctx.lineCap = 'round';
  ctx.beginPath();
  const p = (x: number, y: number) => [ox + x * scale, oy + y * scale] as const;
  ctx.moveTo(...p(0, 30));
  ctx.lineTo(...p(0, 0));
  ctx.lineTo(...p(12, 0));
  ctx.quadraticCurveTo(...p(22, 8), ...p(12, 15));
  ctx.lineTo(...p(0, 15));
  ctx.moveTo(...p(8, 15));
  ctx.lineTo(...p(18, 30));
  ctx.stroke();
  const { data } = ctx.getImageData(0, 0, w, h);
  return greyFromRgba(data, w, h);
}

/** Mean absolute difference between two normalised images, in ink units. */
function diff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

describe('core/preprocess: invariants of normalizeCharacter', () => {
  const reference = normalizeCharacter(drawGlyph(60, 60, 10, 10, 1)).pixels;

  it('produces a 28x28 ink map in [0, 1] with ink present', () => {
    assert.equal(reference.length, INPUT_SIZE * INPUT_SIZE);
    assert.ok(reference.every((v) => v >= 0 && v <= 1));
    assert.ok(reference.reduce((a, b) => a + b, 0) > 20);
  });

  it('is nearly unchanged when the character is shifted in its box', () => {
    for (const [ox, oy] of [[25, 5], [3, 25], [33, 26]]) {
      const moved = normalizeCharacter(drawGlyph(60, 60, ox, oy, 1)).pixels;
      assert.ok(diff(moved, reference) < 0.01, `shift ${ox},${oy}: diff ${diff(moved, reference)}`);
    }
  });

  it('is nearly unchanged when the character is drawn larger or smaller', () => {
    // A different character is far away; the same one at another size stays close.
    const other = normalizeCharacter(drawGlyph(60, 60, 10, 10, 1)).pixels.slice().reverse();
    const far = diff(other, reference);
    for (const scale of [0.7, 1.5, 2, 3]) {
      const size = Math.ceil(40 * scale) + 20;
      const scaled = normalizeCharacter(drawGlyph(size, size, 10, 10, scale)).pixels;
      const d = diff(scaled, reference);
      // Enlarging a tiny drawing blurs it a little, so it gets a looser bound than shrinking.
      const bound = scale < 1 ? Math.min(0.09, far * 0.6) : Math.min(0.05, far / 3);
      assert.ok(d < bound, `scale ${scale}: diff ${d} (other glyph ${far})`);
    }
  });

  it('reads light ink on a dark background the same as dark ink on paper', () => {
    const inverted = normalizeCharacter(drawGlyph(60, 60, 10, 10, 1, true)).pixels;
    assert.ok(diff(inverted, reference) < 0.01, `diff ${diff(inverted, reference)}`);
  });

  it('is unchanged by a uniform change of paper and ink contrast', () => {
    const img = drawGlyph(60, 60, 10, 10, 1);
    const faded: GreyImage = { width: img.width, height: img.height, data: img.data.map((v) => 90 + (v * 140) / 255) };
    const out = normalizeCharacter(faded).pixels;
    assert.ok(diff(out, reference) < 0.02, `diff ${diff(out, reference)}`);
  });

  it('is nearly unchanged by a shadow across the paper (a photo in uneven light)', () => {
    const img = drawGlyph(60, 60, 10, 10, 1);
    // Paper darkens by up to 110 grey levels towards one corner.
    const shaded: GreyImage = {
      width: img.width,
      height: img.height,
      data: img.data.map((v, i) => Math.max(0, v - Math.round((110 * (i % img.width) * Math.floor(i / img.width)) / (img.width * img.height)))),
    };
    const out = normalizeCharacter(shaded).pixels;
    assert.ok(diff(out, reference) < 0.02, `diff ${diff(out, reference)}`);
  });

  it('ignores specks of dust away from the character, but keeps the dot of an i', () => {
    const img = drawGlyph(60, 60, 10, 10, 1);
    const dusty: GreyImage = { ...img, data: img.data.slice() };
    for (const [x, y] of [[2, 2], [55, 3], [50, 55]]) for (let d = 0; d < 4; d++) dusty.data[(y + (d >> 1)) * 60 + x + (d & 1)] = 10;
    const out = normalizeCharacter(dusty).pixels;
    assert.ok(diff(out, reference) < 0.01, `diff ${diff(out, reference)}`);

    const canvas = createCanvas(40, 60);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 40, 60);
    ctx.fillStyle = '#000';
    ctx.fillRect(17, 25, 5, 28); // stem
    ctx.beginPath();
    ctx.arc(19.5, 14, 3, 0, 2 * Math.PI); // dot
    ctx.fill();
    const i = normalizeCharacter(greyFromRgba(ctx.getImageData(0, 0, 40, 60).data, 40, 60));
    assert.ok(i.inkBox.top <= 12, `the dot is part of the character (ink box top ${i.inkBox.top})`);
  });
});
