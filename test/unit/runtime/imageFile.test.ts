import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeImage, readImageFile, readImageHeader } from '../../../cli/imageFile';
import { IMAGE_BUDGET } from '../../../core/imageFormat';
import { execFileSync } from 'node:child_process';
import { barImage, encodeGif, encodeJpeg, encodePng, makeTempDir, pngWithHeader, rawPng, removeTempDirs } from './fixtures';
import { gifBomb, jpegClaiming, jpegManyScans, png16 } from './hostileImages';

/** Run fn and return the Error it throws (fails the test if it does not throw an Error). */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof Error, `threw a non-Error: ${String(err)}`);
    assert.ok(!err.message.includes('\n'), `message is not one line: ${err.message}`);
    return err;
  }
  assert.fail('expected an error');
}

describe('runtime: image files (hostile input)', () => {
  after(removeTempDirs);
  const W = 40;
  const H = 40;
  const bar = barImage(W, H);

  it('decodes PNG, JPEG and GIF to the same grey picture', () => {
    for (const bytes of [encodePng(bar, W, H), encodeJpeg(bar, W, H), encodeGif(bar, W, H)]) {
      const img = decodeImage(bytes);
      assert.equal(img.width, W);
      assert.equal(img.height, H);
      assert.ok(img.data[20 * W + 20] < 60, 'bar pixel is dark');
      assert.ok(img.data[2 * W + 2] > 200, 'corner pixel is light');
    }
  });

  it('sniffs the format from the bytes, not the extension', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'actually-a-jpeg.png');
    fs.writeFileSync(file, encodeJpeg(bar, W, H));
    assert.equal(readImageFile(file).width, W);
    assert.equal(readImageHeader(encodeJpeg(bar, W, H)).format, 'JPEG');
  });

  it('refuses an empty file', () => {
    assert.match(errorOf(() => decodeImage(new Uint8Array(0))).message, /empty/);
  });

  it('refuses 0x0 and 1x1 images', () => {
    assert.match(errorOf(() => decodeImage(rawPng(0, 0))).message, /no pixels \(0x0\)/);
    assert.match(errorOf(() => decodeImage(rawPng(1, 1))).message, /too small .*1x1/);
  });

  it('refuses a PNG whose header claims 100000x100000 without allocating for it', () => {
    const before = process.memoryUsage().arrayBuffers;
    const err = errorOf(() => decodeImage(pngWithHeader(100000, 100000)));
    assert.match(err.message, /too large \(100000x100000/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 50e6, 'no large allocation');
  });

  it('refuses a plausible-size PNG header whose file is far too short, before decoding', () => {
    const before = process.memoryUsage().arrayBuffers;
    const err = errorOf(() => decodeImage(pngWithHeader(3500, 3500)));
    assert.match(err.message, /Corrupt or truncated PNG .*cannot hold 3500x3500/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 50e6, 'no large allocation');
  });

  it('refuses a JPEG whose header claims far more pixels than its bytes hold, before decoding', () => {
    const jpg = Buffer.from(encodeJpeg(bar, W, H));
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    jpg.writeUInt16BE(3500, sof + 5);
    jpg.writeUInt16BE(3500, sof + 7);
    const before = process.memoryUsage().arrayBuffers;
    assert.match(errorOf(() => decodeImage(jpg)).message, /Corrupt or truncated JPEG .*cannot hold 3500x3500/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 50e6, 'no large allocation');
  });

  it('refuses a GIF whose first frame lies outside its canvas', () => {
    const gif = Buffer.from(encodeGif(bar, W, H));
    gif.writeUInt16LE(10, 6);
    gif.writeUInt16LE(10, 8);
    assert.match(errorOf(() => decodeImage(gif)).message, /Corrupt or truncated GIF file \(first frame 40x40 .*outside the 10x10 canvas/);
  });

  it('refuses a truncated PNG', () => {
    const whole = encodePng(bar, W, H);
    assert.match(errorOf(() => decodeImage(whole.subarray(0, whole.length - 30))).message, /Truncated PNG/);
    assert.match(errorOf(() => decodeImage(whole.subarray(0, 20))).message, /Corrupt or truncated PNG/);
  });

  it('reports a PNG with corrupt compressed data', () => {
    const whole = Buffer.from(encodePng(bar, W, H));
    const idat = whole.indexOf('IDAT');
    for (let i = idat + 6; i < idat + 20; i++) whole[i] ^= 0x5a;
    assert.match(errorOf(() => decodeImage(whole)).message, /PNG/);
  });

  it('refuses a truncated JPEG and a truncated GIF', () => {
    const jpg = encodeJpeg(bar, W, H);
    assert.match(errorOf(() => decodeImage(jpg.subarray(0, Math.floor(jpg.length / 2)))).message, /JPEG/);
    const gif = encodeGif(bar, W, H);
    assert.match(errorOf(() => decodeImage(gif.subarray(0, 30))).message, /GIF/);
  });

  it('says a text file named .png is text, and lists the supported formats', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'notes.png');
    fs.writeFileSync(file, 'These are my notes, not a picture.\n');
    const msg = errorOf(() => readImageFile(file)).message;
    assert.match(msg, /Not an image: the file contains text/);
    assert.match(msg, /PNG, JPEG, GIF/);
  });

  it('names unsupported image formats', () => {
    assert.match(errorOf(() => decodeImage(Buffer.from('BM\x00\x00\x00\x00\x00\x00', 'latin1'))).message, /Unsupported image format BMP .*PNG, JPEG, GIF/);
    assert.match(errorOf(() => decodeImage(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).message, /WebP/);
    assert.match(errorOf(() => decodeImage(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00]))).message, /Unrecognised file format/);
  });

  it('reports a missing file and a directory', () => {
    assert.match(errorOf(() => readImageFile('/nonexistent/x.png')).message, /File not found/);
    assert.match(errorOf(() => readImageFile(makeTempDir())).message, /is a directory/);
  });

  it('reads only regular files: a named pipe and a device are refused at once', () => {
    const fifo = path.join(makeTempDir(), 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    assert.match(errorOf(() => readImageFile(fifo)).message, /not a regular file \(a named pipe\)/);
    assert.match(errorOf(() => readImageFile('/dev/zero')).message, /not a regular file \(a device\)/);
  });

  it('refuses a 35-byte GIF claiming a 7745x7745 canvas before decoding', () => {
    const bomb = gifBomb(7745);
    assert.equal(bomb.length, 35);
    assert.match(errorOf(() => decodeImage(bomb)).message, /35 bytes cannot hold 7745x7745/);
  });

  it('refuses a 41 KB JPEG claiming 7745x7745 by the shared pixel budget', () => {
    assert.match(errorOf(() => decodeImage(jpegClaiming(7745, 7745))).message, /JPEG image is too large \(7745x7745/);
  });

  it('refuses a JPEG with thousands of progressive scans without decoding it', () => {
    const t0 = performance.now();
    assert.match(errorOf(() => decodeImage(jpegManyScans(10_000))).message, /more than \d+ scans/);
    assert.ok(performance.now() - t0 < 1000, 'refused from the markers alone');
  });

  it('refuses a 16-bit PNG whose decoding would pass the memory budget, naming the fix', function () {
    this.timeout(20000);
    const message = errorOf(() => decodeImage(png16(4000, 4000))).message;
    assert.match(message, /would take \d+ MB to decode \(at most \d+ MB\): save it with 8 bits per channel/);
    assert.equal(readImageHeader(png16(64, 64)).decodeBytes > 0, true);
    // The 482 KB 60-megapixel 16-bit PNG of the hardening issue: refused by the pixel budget from its header.
    const deep60 = Buffer.from(pngWithHeader(7745, 7745));
    deep60[24] = 16;
    assert.match(errorOf(() => decodeImage(deep60)).message, /PNG image is too large \(7745x7745/);
  });

  it('downscales a big but plausible image to a bounded size', function () {
    this.timeout(30000);
    const w = 4100;
    const h = 3000; // 12.3 MP > the working size
    const img = decodeImage(rawPng(w, h));
    assert.ok(img.width * img.height <= IMAGE_BUDGET.workingPixels);
    assert.ok(Math.abs(img.width / img.height - w / h) < 0.01, 'aspect ratio kept');
  });
});
