import { strict as assert } from 'node:assert';
import { GreyImage, greyFromRgba } from '../../../core/image';
import { readText, WORKING_MAX_PIXELS } from '../../../core/segment';
import { rotateQuarter } from '../../../core/segment/transform';
import { rng } from '../../../bench/textImages';
import { flatScore, LABELS, render } from './helpers';

function solid(width: number, height: number, value: number): GreyImage {
  return { width, height, data: new Uint8ClampedArray(width * height).fill(value) };
}

/** Every crop the classifier is asked about is a real, bounded image. */
const checkedScore = (maxSide: number) => (crops: readonly { image: GreyImage }[]) =>
  crops.map((c) => {
    assert.ok(c.image.width > 0 && c.image.height > 0 && c.image.width <= maxSide && c.image.height <= maxSide);
    return new Float32Array([0.9, 0.1]);
  });

describe('segment: hostile images', () => {
  it('50 megapixels: downscaled first, working size bounded, text still found', () => {
    // A 10000 x 5000 page with three dark "words" of blocky letters.
    const width = 10_000, height = 5_000;
    const data = new Uint8ClampedArray(width * height).fill(235);
    for (let w = 0; w < 3; w++) {
      for (let k = 0; k < 4; k++) {
        const left = 1000 + w * 2600 + k * 500;
        for (let y = 2000; y < 2700; y++) data.fill(30, y * width + left, y * width + left + 300);
      }
    }
    const r = readText({ width, height, data }, checkedScore(4000), LABELS);
    assert.ok(r.workingSize.width * r.workingSize.height <= WORKING_MAX_PIXELS, JSON.stringify(r.workingSize));
    assert.equal(r.lines.length, 1);
    assert.equal(r.lines[0].words.length, 3);
    // Boxes come back in the 50-megapixel coordinates.
    const first = r.lines[0].words[0].chars[0].box;
    assert.ok(Math.abs(first.left - 1000) < 20 && Math.abs(first.top - 2000) < 20, JSON.stringify(first));
  });

  it('all white, all black, mid grey: no text and a message', () => {
    for (const v of [255, 0, 128]) {
      const r = readText(solid(400, 300, v), flatScore, LABELS);
      assert.equal(r.text, '');
      assert.equal(r.lines.length, 0);
      assert.match(r.message ?? '', /No handwriting found/);
    }
  });

  it('pure noise (uniform and faint): no text and a message', () => {
    const r = rng(5);
    const uniform = solid(500, 400, 0);
    uniform.data.forEach((_, i) => (uniform.data[i] = r() * 256));
    const faint = solid(500, 400, 0);
    faint.data.forEach((_, i) => (faint.data[i] = 200 + (r() - 0.5) * 30));
    for (const image of [uniform, faint]) {
      const out = readText(image, flatScore, LABELS);
      assert.equal(out.text, '');
      assert.match(out.message ?? '', /No handwriting found/);
    }
  });

  it('tiny images (1x1, 3x3, 1x500) give a message, not an error', () => {
    for (const [w, h] of [[1, 1], [3, 3], [1, 500], [500, 1]]) {
      const r = readText(solid(w, h, 255), flatScore, LABELS);
      assert.equal(r.text, '');
      assert.ok(r.message);
    }
  });

  it('a sliver (1 x 16 million pixels) stays within the working budget', () => {
    const r = readText(solid(1, 16_000_000, 255), flatScore, LABELS);
    assert.ok(r.workingSize.width * r.workingSize.height <= WORKING_MAX_PIXELS, JSON.stringify(r.workingSize));
    assert.equal(r.text, '');
  });

  it('a malformed GreyImage is a RangeError with a clear message', () => {
    assert.throws(() => readText({ width: 0, height: 10, data: new Uint8ClampedArray(0) }, flatScore, LABELS), /no pixels/);
    assert.throws(() => readText({ width: 10, height: 10, data: new Uint8ClampedArray(5) }, flatScore, LABELS), /no pixels/);
  });

  it('very small text is enlarged and still split into its words', () => {
    const image = render('tiny text here', 'kalam', { fontPx: 11 });
    const r = readText(image, flatScore, LABELS);
    assert.equal(r.lines.length, 1);
    assert.equal(r.lines[0].words.length, 3);
    assert.ok(r.workingSize.width > image.width, 'worked on an enlarged copy');
  });

  it('a page turned by a quarter is read upright: orientation reported, words found', () => {
    const image = render('rocket engine bridge\nsilver planet', 'patrick-hand');
    for (const turns of [1, 3] as const) {
      const turned = rotateQuarter(image, turns).image;
      const r = readText(turned, flatScore, LABELS);
      assert.notEqual(r.orientation, 0);
      assert.deepEqual(r.lines.map((l) => l.words.length).sort(), [2, 3]);
      for (const l of r.lines) {
        assert.ok(l.box.right <= turned.width && l.box.bottom <= turned.height);
        // In the turned image the lines run vertically.
        assert.ok(l.box.bottom - l.box.top > l.box.right - l.box.left, JSON.stringify(l.box));
      }
    }
  });

  it("a code line whose = ; % \" pieces stand one above another is not taken for a page turned by a quarter", () => {
    // bench:code read calligraffitti's 'y = x % 8;' as five lines turned by 90 degrees: the = bars, the
    // % rings and the ; pieces are each other's nearest neighbours, above and below.
    for (const [line, family] of [['y = x % 8;', 'calligraffitti'], ['if (s === "") return;', 'playwrite-nz']] as const) {
      const r = readText(render(line, family), flatScore, LABELS);
      assert.equal(r.orientation, 0, `${line} in ${family}`);
      assert.equal(r.lines.length, 1, `${line} in ${family}`);
    }
  });

  it('the quarter turn is chosen by what the classifier reads better', () => {
    const image = render('rocket engine bridge', 'patrick-hand');
    const turned = rotateQuarter(image, 1).image;
    // A deterministic scorer whose confidence depends on the crop's pixels, so upright and
    // upside-down readings get different confidences.
    const hashScore = (crops: readonly { image: GreyImage }[]) =>
      crops.map((c) => {
        let h = 0;
        for (let i = 0; i < c.image.data.length; i += 3) h = (h * 31 + c.image.data[i]) % 9973;
        return new Float32Array([0.3 + 0.6 * (h / 9973), 0]);
      });
    // The two candidate readings, made upright by hand (no quarter turn left for readText to find).
    const a = readText(rotateQuarter(turned, 1).image, hashScore, LABELS);
    const b = readText(rotateQuarter(turned, 3).image, hashScore, LABELS);
    assert.equal(a.orientation, 0);
    assert.notEqual(a.confidence, b.confidence);
    const r = readText(turned, hashScore, LABELS);
    assert.equal(r.orientation, a.confidence >= b.confidence ? 90 : 270);
    assert.equal(r.confidence, Math.max(a.confidence, b.confidence));
  });

  it('transparent PNG pixels (ink on alpha) read like ink on paper', () => {
    const image = render('alpha channel', 'kalam');
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    image.data.forEach((v, i) => {
      rgba[4 * i + 3] = 255 - v; // black ink, coverage in alpha; RGB 0 everywhere
    });
    const r = readText(greyFromRgba(rgba, image.width, image.height), flatScore, LABELS);
    assert.equal(r.lines.length, 1);
    assert.equal(r.lines[0].words.length, 2);
    const empty = readText(greyFromRgba(new Uint8ClampedArray(200 * 100 * 4), 200, 100), flatScore, LABELS);
    assert.match(empty.message ?? '', /No handwriting found/);
  });

  it('light ink on a dark board reads the same as dark on light', () => {
    const image = render('chalk board words', 'patrick-hand');
    const inverted = { ...image, data: image.data.map((v) => 255 - v) };
    const a = readText(image, flatScore, LABELS);
    const b = readText(inverted, flatScore, LABELS);
    assert.deepEqual(b.lines.map((l) => l.words.map((w) => w.chars.length)), a.lines.map((l) => l.words.map((w) => w.chars.length)));
  });

  it('few grey levels (a GIF-like palette image) and heavy uneven light still segment', () => {
    const image = render('palette image text', 'kalam');
    const poster = { ...image, data: image.data.map((v) => Math.round(v / 85) * 85) };
    assert.equal(readText(poster, flatScore, LABELS).lines[0].words.length, 3);
    const shaded = { ...image, data: image.data.map((v, i) => v * (0.35 + 0.65 * ((i % image.width) / image.width))) };
    assert.equal(readText(shaded, flatScore, LABELS).lines[0].words.length, 3);
  });
});
