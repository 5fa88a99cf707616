import { strict as assert } from 'node:assert';
import { STROKE_LIMITS, StrokeInputError, groupStrokes, strokesToCharacters, type Stroke, type StrokePoint } from '../../../core/strokes';
import { normalizeCharacter } from '../../../core/preprocess';
import { lcg } from '../../../training/prng';
import { write } from './fixtures';

describe('strokes: hostile and degenerate input', () => {
  it('no strokes and a blank pad give no characters', () => {
    for (const input of [[], [[]], [[], [], []]] as Stroke[][]) {
      const r = strokesToCharacters(input);
      assert.equal(r.characters.length, 0);
      assert.deepEqual(r.spaceBefore, []);
    }
  });

  it('rejects input that is not an array of strokes with a clear error', () => {
    assert.throws(() => strokesToCharacters('strokes' as unknown as Stroke[]), StrokeInputError);
    assert.throws(() => strokesToCharacters(null as unknown as Stroke[]), /array/);
  });

  it('refuses 10000 strokes with a message saying what to do', () => {
    const many: Stroke[] = Array.from({ length: 10000 }, (_, i) => [{ x: i, y: 0 }, { x: i, y: 10 }]);
    assert.throws(() => strokesToCharacters(many), (e: unknown) => e instanceof StrokeInputError && /Too many strokes \(10000/.test(e.message));
  });

  it('drops NaN, Infinity, absurd and malformed points and the strokes left empty', () => {
    const w = write('Hi');
    const junk = [
      { x: NaN, y: 1 },
      { x: 1, y: Infinity },
      { x: 1e300, y: 5 },
      null,
      'p',
      { x: '3', y: 4 },
    ] as unknown as StrokePoint[];
    const poisoned: Stroke[] = [junk, ...w.strokes.map((s) => [...junk, ...s, ...junk]), junk];
    const g = groupStrokes(poisoned);
    // Stroke indices refer to the caller's array: everything shifted by the leading junk stroke.
    assert.deepEqual(g.characters.map((c) => c.strokeIndices), w.charStrokes.map((s) => s.map((i) => i + 1)));
    const r = strokesToCharacters(poisoned);
    for (const c of r.characters) assert.ok(c.image.data.every((v) => Number.isFinite(v)));
  });

  it('bounds a 1e7-point stroke: sampled, simplified, rendered small', () => {
    const n = 10_000_000;
    const huge: StrokePoint[] = new Array(n);
    // A zigzag scribble 80 px tall, back and forth 1000 times.
    for (let i = 0; i < n; i++) huge[i] = { x: 100 + (i % 10000) * 0.008, y: 100 + Math.abs((i % 20000) - 10000) * 0.008 };
    const r = strokesToCharacters([huge]);
    assert.equal(r.characters.length, 1);
    assert.ok(r.reduced);
    const img = r.characters[0].image;
    assert.ok(img.width * img.height <= 80 * 80, `${img.width}x${img.height}`);
  });

  it('caps the total points of many long strokes', () => {
    // 1500 strokes of 2000 wiggly points each: 3M points in, far fewer kept.
    const strokes: Stroke[] = Array.from({ length: 1500 }, (_, s) =>
      Array.from({ length: 2000 }, (_, i) => ({ x: (s % 50) * 30 + (i % 2) * 3, y: Math.floor(s / 50) * 60 + i * 0.02 })),
    );
    const r = groupStrokes(strokes);
    assert.ok(r.reduced);
    assert.ok(r.characters.length > 0);
  });

  it('a dense scribble of 2000 overlapping strokes ends as one bounded character', () => {
    const rnd = lcg(1);
    const strokes: Stroke[] = Array.from({ length: STROKE_LIMITS.maxStrokes }, () => {
      const x0 = rnd() * 200, y0 = rnd() * 200;
      return Array.from({ length: 200 }, (_, i) => ({ x: x0 + i * 0.3 + rnd() * 3, y: y0 + Math.sin(i / 3) * 10 }));
    });
    const r = strokesToCharacters(strokes);
    assert.equal(r.characters.length, 1);
    assert.equal(r.characters[0].strokeIndices.length, STROKE_LIMITS.maxStrokes);
    assert.ok(r.characters[0].image.width <= 80 && r.characters[0].image.height <= 80);
  });

  it('a single click (one point) is a dot that renders and normalises', () => {
    const r = strokesToCharacters([[{ x: 50, y: 50 }]]);
    assert.equal(r.characters.length, 1);
    assert.equal(r.characters[0].frame, undefined);
    const n = normalizeCharacter(r.characters[0].image);
    assert.ok(n.pixels.some((v) => v > 0.5));
  });

  it('ignores a nonsense ink width and clamps pressure', () => {
    const w = write('x');
    const pressed = w.strokes.map((s) => s.map((p) => ({ ...p, pressure: 7 })));
    for (const inkWidth of [NaN, -3, 0, Infinity]) {
      const r = strokesToCharacters(pressed, { inkWidth, renderSize: 1e9 });
      assert.equal(r.characters.length, 1);
      assert.ok(r.characters[0].image.width <= 80);
    }
  });

  it('limits are what the docs say', () => {
    assert.equal(STROKE_LIMITS.maxStrokes, 2000);
    assert.ok(STROKE_LIMITS.maxTotalPoints <= 100_000);
  });
});
