// `inkwell profile add|show` and `inkwell recognize --profile` with the shipped model, run as a user
// runs the bin: a character written in a shape of the writer's own is taught, then read as taught.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rasterize, type Point } from '../../integration/glyphs';
import { encodePng, makeTempDir, removeTempDirs } from './fixtures';
import { MAX_SAMPLES_PER_LABEL, parseProfile } from '../../../core/profile/profile';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'inkwell.js');

function inkwell(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** This writer's 'k': a closed triangle with a tail, a shape no training hand gives a k. */
function writersK(dx: number, dy: number, scale: number): Buffer {
  const at = ([x, y]: Point): Point => [10 + dx + x * scale, 8 + dy + y * scale];
  const strokes = [[[0, 40], [20, 0], [40, 40], [0, 40]], [[40, 40], [48, 30]]].map((s) => s.map((p) => at(p as unknown as Point)));
  return encodePng(rasterize(strokes, 80, 64, 4), 80, 64);
}

/** A plain vertical bar: l, I or 1, whatever the profile holds. */
function bar(): Buffer {
  return encodePng(rasterize([[[40, 8], [40, 56]]], 80, 64, 4), 80, 64);
}

describe('runtime: the writer\'s profile on the command line (shipped model)', function () {
  this.timeout(60000);
  after(removeTempDirs);
  let dir: string;

  before(() => {
    dir = makeTempDir('inkwell-profile-');
    [[0, 0, 1], [3, 1, 0.95], [-2, 2, 1.05], [1, -2, 0.9], [-3, 0, 1.1], [2, 3, 1]].forEach(([dx, dy, s], i) => fs.writeFileSync(path.join(dir, `k${i}.png`), writersK(dx, dy, s)));
    fs.writeFileSync(path.join(dir, 'bar.png'), bar());
    fs.writeFileSync(path.join(dir, 'broken.png'), 'not a picture');
  });

  it('teaches a shape with profile add, then recognize --profile reads it as taught; other shapes read as before', () => {
    const before = inkwell(['recognize', '--json', 'k5.png', 'bar.png'], dir);
    assert.equal(before.code, 0, before.stderr);
    const [kBefore, barBefore] = before.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    assert.notEqual(kBefore, 'k', 'without a profile the shape is not read as k');

    const add = inkwell(['profile', 'add', 'me.json', 'k', 'k0.png', 'k1.png', 'k2.png', 'k3.png', 'k4.png'], dir);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /added 5 samples of 'k'/);
    const show = inkwell(['profile', 'show', 'me.json'], dir);
    assert.equal(show.code, 0);
    assert.match(show.stdout, /5 samples of 1 characters\nk\t5\n/);

    const after = inkwell(['recognize', '--json', '--profile', 'me.json', 'k5.png', 'bar.png'], dir);
    assert.equal(after.code, 0, after.stderr);
    const [kAfter, barAfter] = after.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    assert.equal(kAfter, 'k', 'the writer\'s k, never seen in teaching, reads as k');
    assert.equal(barAfter, barBefore, 'a bar reads as it did without the profile');
  });

  it('reports unreadable images and bad labels with exit 2, adding only what it could read', () => {
    const r = inkwell(['profile', 'add', 'two.json', 'k', 'k0.png', 'broken.png', 'missing.png'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 2, r.stderr);
    assert.match(r.stderr, /^broken\.png: /m);
    assert.match(r.stderr, /^missing\.png: /m);
    assert.equal(parseProfile(fs.readFileSync(path.join(dir, 'two.json'), 'utf8')).samples.length, 1);
    for (const label of ['kk', ' ', '']) {
      const bad = inkwell(['profile', 'add', 'three.json', label, 'k0.png'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /one printable character/);
    }
    assert.equal(fs.existsSync(path.join(dir, 'three.json')), false, 'nothing written for a bad label');
  });

  it('refuses a file that is not a profile, for add, show and recognize, and leaves it as it was', () => {
    fs.writeFileSync(path.join(dir, 'notes.json'), '{"todo": 1}');
    for (const args of [['profile', 'add', 'notes.json', 'k', 'k0.png'], ['profile', 'show', 'notes.json']]) {
      const r = inkwell(args, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /not a handwriting profile/);
    }
    const rec = inkwell(['recognize', '--profile', 'notes.json', 'k0.png'], dir);
    assert.equal(rec.code, 1);
    assert.match(rec.stderr, /not a handwriting profile/);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.json'), 'utf8'), '{"todo": 1}');
  });

  it('keeps at most MAX_SAMPLES_PER_LABEL samples of a character', () => {
    const images = Array.from({ length: 5 }, (_, i) => `k${i}.png`);
    for (let round = 0; round < 5; round++) assert.equal(inkwell(['profile', 'add', 'cap.json', 'k', ...images], dir).code, 0);
    assert.equal(parseProfile(fs.readFileSync(path.join(dir, 'cap.json'), 'utf8')).samples.length, MAX_SAMPLES_PER_LABEL);
  });
});
