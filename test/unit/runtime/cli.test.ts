import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELP, parseCli } from '../../../cli/main';
import { MAX_LEXICON_FILE_BYTES } from '../../../cli/lexiconFile';
import { execFileSync } from 'node:child_process';
import { barImage, barsImage, encodeGif, encodeJpeg, encodePng, makeTempDir, pngWithHeader, writeRandomModel, removeTempDirs } from './fixtures';
import { gifBomb, jpegManyScans } from './hostileImages';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'inkwell.js');

/** Run the real bin as a user would, from a folder outside the repository. */
function inkwell(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('runtime: inkwell command line (end to end)', function () {
  this.timeout(60000);
  after(removeTempDirs);
  let dir: string;
  let model: string;

  before(() => {
    dir = makeTempDir('inkwell-cli-');
    // Plumbing only: a random-weight model; the shipped model is tested in shippedModel.test.ts.
    model = writeRandomModel(makeTempDir('inkwell-model-'));
    const bar = barImage(40, 40);
    fs.writeFileSync(path.join(dir, 'a.png'), encodePng(bar, 40, 40));
    fs.writeFileSync(path.join(dir, 'b.jpg'), encodeJpeg(bar, 40, 40));
    fs.writeFileSync(path.join(dir, 'c.gif'), encodeGif(bar, 40, 40));
    fs.writeFileSync(path.join(dir, 'huge.png'), pngWithHeader(100000, 100000));
    fs.writeFileSync(path.join(dir, 'notes.png'), 'not a picture\n');
    fs.writeFileSync(path.join(dir, 'line.png'), encodePng(barsImage(160, 48), 160, 48));
    fs.writeFileSync(path.join(dir, 'white.png'), encodePng(new Uint8Array(40 * 40).fill(255), 40, 40));
  });

  it('prints help and exits 0', () => {
    const r = inkwell(['--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: inkwell recognize/);
    assert.match(r.stdout, /--charset/);
  });

  it('reads every good file, reports each bad one on one stderr line, and exits 2', () => {
    const r = inkwell(['recognize', '--model', model, '--json', 'a.png', 'huge.png', 'b.jpg', 'notes.png', 'missing.png', 'c.gif'], dir);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(parsed.map((p) => p.file), ['a.png', 'b.jpg', 'c.gif']);
    for (const p of parsed) {
      assert.deepEqual(Object.keys(p), ['file', 'text', 'confidence', 'candidates', 'ms']);
      assert.equal(typeof p.text, 'string');
      assert.equal((p.text as string).length, 1);
      assert.ok(typeof p.confidence === 'number' && p.confidence > 0 && p.confidence <= 1);
      assert.ok(typeof p.ms === 'number' && p.ms >= 0);
      const candidates = p.candidates as { text: string; p: number }[];
      assert.equal(candidates.length, 3);
      for (const c of candidates) assert.deepEqual(Object.keys(c), ['text', 'p']);
      assert.equal(candidates[0].text, p.text);
    }
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 3, r.stderr);
    assert.match(errors[0], /^huge\.png: PNG image is too large/);
    assert.match(errors[1], /^notes\.png: Not an image/);
    assert.match(errors[2], /^missing\.png: File not found/);
  });

  it('refuses a named pipe, a device, a GIF bomb and a many-scan JPEG, then still reads the good image', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.png')]);
    fs.writeFileSync(path.join(dir, 'bomb.gif'), gifBomb(7745));
    fs.writeFileSync(path.join(dir, 'scans.jpg'), jpegManyScans(10_000));
    const r = inkwell(['recognize', '--model', model, '--json', 'pipe.png', '/dev/zero', 'bomb.gif', 'scans.jpg', 'a.png'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file), ['a.png']);
    const errors = r.stderr.trim().split('\n');
    assert.equal(errors.length, 4, r.stderr);
    assert.match(errors[0], /^pipe\.png: .*not a regular file \(a named pipe\)/);
    assert.match(errors[1], /^\/dev\/zero: .*not a regular file \(a device\)/);
    assert.match(errors[2], /^bomb\.gif: Corrupt or truncated GIF file/);
    assert.match(errors[3], /^scans\.jpg: JPEG file has more than \d+ scans/);
  });

  it('prints "file: text" in plain mode and honours --top and --charset', () => {
    const r = inkwell(['recognize', '--model', model, '--charset', 'digits', '--top', '2', '--json', 'a.png'], dir);
    assert.equal(r.code, 0, r.stderr);
    const p = JSON.parse(r.stdout) as { text: string; candidates: { text: string }[] };
    assert.equal(p.candidates.length, 2);
    for (const c of p.candidates) assert.match(c.text, /^[0-9]$/);
    const plain = inkwell(['recognize', '--model', model, 'a.png'], dir);
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /^a\.png: \S$/m);
  });

  it('reads a line of text in --mode text, with word gaps, and reports a blank page', () => {
    const r = inkwell(['recognize', '--model', model, '--mode', 'text', '--json', 'line.png', 'white.png'], dir);
    assert.equal(r.code, 2, r.stderr);
    const p = JSON.parse(r.stdout) as { file: string; text: string };
    assert.equal(p.file, 'line.png');
    assert.match(p.text, /^\S\S \S$/);
    assert.match(r.stderr.trim(), /^white\.png: No handwriting found/);
  });

  it('rejects bad arguments with a clear usage message', () => {
    for (const [args, message] of [
      [['recognize'], /No image files given/],
      [['frobnicate', 'a.png'], /Unknown command 'frobnicate'/],
      [['recognize', '--mode', 'page', 'a.png'], /--mode must be char or text/],
      [['recognize', '--top', '0', 'a.png'], /--top must be a positive whole number/],
      [['recognize', '--charset', '', 'a.png'], /Charset is empty/],
      [['recognize', '--bogus', 'a.png'], /Unknown option '--bogus'/],
    ] as const) {
      assert.throws(() => parseCli(args), message, args.join(' '));
    }
    const r = inkwell(['recognize', '--top', 'x', 'a.png'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^inkwell: --top must be a positive whole number/);
  });

  it('ends quietly when its output pipe closes early (| head -1)', () => {
    const files = Array.from({ length: 200 }, () => 'a.png').join(' ');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" recognize --model "${model}" ${files} | head -1`], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    assert.match(r.stdout, /^a\.png: \S\n$/);
    assert.equal(r.stderr, '');
  });

  it('reads with --lexicon FILE, and refuses a missing, huge, binary or empty word list with exit 1', () => {
    fs.writeFileSync(path.join(dir, 'words.txt'), 'idx\ncount\n# a comment\n\nf(a)\n');
    const ok = inkwell(['recognize', '--model', model, '--mode', 'text', '--json', '--lexicon', 'words.txt', 'line.png'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match((JSON.parse(ok.stdout) as { text: string }).text, /^\S\S \S$/);
    assert.match(HELP, /--lexicon FILE/);

    fs.writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(MAX_LEXICON_FILE_BYTES + 1, 0x61));
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x69, 0x64, 0x78, 0x0a, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x69, 0x64, 0xe9, 0x0a]));
    fs.writeFileSync(path.join(dir, 'nowords.txt'), 'x\n1+2\n\n');
    for (const [file, message] of [
      ['missing.txt', /^inkwell: Cannot read the lexicon: File not found: missing\.txt/],
      ['huge.txt', /^inkwell: Cannot read the lexicon: File is too large/],
      [dir, /^inkwell: Cannot read the lexicon: .* is a directory, not a word list file/],
      ['binary.txt', /^inkwell: binary\.txt is not a word list \(it holds binary data\)/],
      ['latin1.txt', /^inkwell: latin1\.txt is not a word list \(not UTF-8 text\)/],
      ['nowords.txt', /^inkwell: nowords\.txt has no words: give one identifier per line/],
    ] as const) {
      const r = inkwell(['recognize', '--model', model, '--mode', 'text', '--lexicon', file, 'line.png'], dir);
      assert.equal(r.code, 1, `${file}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('exits 1 with a clear message when the model folder is missing', () => {
    const r = inkwell(['recognize', '--model', path.join(dir, 'no-model'), 'a.png'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Cannot read model file .*model\.json: ENOENT/);
  });
});
