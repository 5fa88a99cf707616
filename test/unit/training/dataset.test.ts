import * as assert from 'node:assert/strict';
import { generateCharacterSamples, stretchXHeight } from '../../../training/dataset';
import { inkExtent, wornInk } from '../../../training/inkOps';
import { Rng } from '../../../training/prng';
import { CURSIVE_LOWERCASE_FAMILIES, familiesOf, HELDOUT_GROUPS, HERSHEY_FONTS, MORE_FAMILIES } from '../../../training/fonts';
import { parseJhf, loadHersheyFont } from '../../../training/hershey';
import { normalizeCharacter } from '../../../core/preprocess';
import { connectedComponents } from '../../../core/segment/components';
import { CLUMP } from '../../../core/labels';
import { median } from '../../../core/stats';

/** The box of a grey image's dark pixels (the paper is whichever the corner shows), by inkOps' inkExtent. */
function inkBoxOf(image: { width: number; height: number; data: ArrayLike<number> }): { left: number; right: number; top: number; bottom: number } {
  const paperIsLight = image.data[0] > 128;
  const ink = Float32Array.from(image.data as ArrayLike<number>, (v) => ((paperIsLight ? v < 128 : v >= 128) ? 1 : 0));
  return inkExtent({ width: image.width, height: image.height, data: ink }) ?? { left: 0, right: 0, top: 0, bottom: 0 };
}

describe('training/dataset: the synthetic character generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCharacterSamples({ split: 'train', perClass: 3, seed: 5, labels: 'aB7' });
    const b = generateCharacterSamples({ split: 'train', perClass: 3, seed: 5, labels: 'aB7' });
    const c = generateCharacterSamples({ split: 'train', perClass: 3, seed: 6, labels: 'aB7' });
    assert.equal(a.length, 9);
    a.forEach((s, i) => {
      assert.equal(s.label, b[i].label);
      assert.equal(s.source, b[i].source);
      assert.deepEqual(s.image.data, b[i].image.data);
      assert.deepEqual(s.frame, b[i].frame);
    });
    assert.ok(a.some((s, i) => s.image.data.length !== c[i].image.data.length || s.source !== c[i].source));
  });

  it('keeps the family split: held-out sources never appear in training samples', () => {
    const heldout = new Set([...familiesOf('heldout').map((f) => f.id), ...HERSHEY_FONTS.filter((h) => h.split === 'heldout').map((h) => h.id)]);
    const train = generateCharacterSamples({ split: 'train', perClass: 40, seed: 1, labels: 'x' });
    for (const s of train) assert.ok(!heldout.has(s.source.split(':')[1]), s.source);
    const held = generateCharacterSamples({ split: 'heldout', perClass: 40, seed: 1, labels: 'x' });
    for (const s of held) assert.ok(heldout.has(s.source.split(':')[1]), s.source);
  });

  it('draws pen samples stroke by stroke from traced training families when asked (tracedRate), and only then', () => {
    const traced = generateCharacterSamples({ split: 'train', perClass: 12, seed: 4, labels: 'ak', styles: ['pen'], tracedRate: 1 });
    const train = new Set(familiesOf('train').map((f) => f.id));
    assert.ok(traced.every((s) => s.source.startsWith('traced:') && train.has(s.source.slice('traced:'.length))), traced.map((s) => s.source).join());
    // Each is a hand of its own: two samples of one family and letter never have the same ink.
    const keys = new Set(traced.map((s) => Buffer.from(s.image.data.buffer).toString('base64')));
    assert.equal(keys.size, traced.length);
    const plain = generateCharacterSamples({ split: 'train', perClass: 12, seed: 4, labels: 'ak', styles: ['pen'] });
    assert.ok(plain.every((s) => s.source.startsWith('pen:')));
  });

  it("keeps the dots of pen samples that thinning erased when asked (penDots), and only then", () => {
    /** Blobs of ink in a sample (augment off: dark ink on white, no noise). */
    const blobs = (img: { width: number; height: number; data: ArrayLike<number> }): number =>
      connectedComponents(Uint8Array.from(img.data, (v) => (v > 128 ? 0 : 1)), img.width, img.height).list.length;
    const opts = { split: 'train' as const, perClass: 60, seed: 9, labels: ';:', styles: ['pen' as const], augment: false };
    const dotted = (samples: { image: Parameters<typeof blobs>[0] }[]) => samples.filter((s) => blobs(s.image) >= 2).length;
    const plain = generateCharacterSamples(opts), kept = generateCharacterSamples({ ...opts, penDots: true });
    assert.ok(dotted(kept) > dotted(plain), `${dotted(kept)} of ${kept.length} samples with their dots, against ${dotted(plain)}`);
    assert.ok(dotted(kept) >= 0.95 * kept.length, `${dotted(kept)} of ${kept.length}`);
    // Off by default: the earlier recipes' samples are as they were.
    const again = generateCharacterSamples({ ...opts, penDots: false });
    assert.deepEqual(again.map((s) => Array.from(s.image.data)), plain.map((s) => Array.from(s.image.data)));
  });

  it('draws some font glyphs as their outline alone and some pen strokes twice when asked (retraceRate), and only then', () => {
    /** Paper enclosed by ink (components of paper that do not reach the border): an outlined l has one. */
    const holes = (img: { width: number; height: number; data: ArrayLike<number> }): number => {
      const paper = Uint8Array.from(img.data, (v) => (v > 128 ? 1 : 0));
      const { list } = connectedComponents(paper, img.width, img.height);
      return list.filter((c) => c.area >= 3 && c.box.left > 0 && c.box.top > 0 && c.box.right < img.width && c.box.bottom < img.height).length;
    };
    const opts = { split: 'train' as const, perClass: 40, seed: 11, labels: 'l', styles: ['font' as const], noFrameRate: 1 };
    const holed = (samples: { image: Parameters<typeof holes>[0] }[]) => samples.filter((s) => holes(s.image) > 0).length;
    const plain = generateCharacterSamples(opts), outlined = generateCharacterSamples({ ...opts, retraceRate: 1 });
    // (A thin glyph outlined with a wide line fills in again: not every l shows its hole.)
    assert.ok(holed(outlined) >= 0.2 * outlined.length && holed(outlined) > 3 * holed(plain), `${holed(outlined)} outlined l's enclose paper, against ${holed(plain)}`);
    // Off by default: the earlier recipes' samples are as they were.
    const again = generateCharacterSamples({ ...opts, retraceRate: 0 });
    assert.deepEqual(again.map((s) => Array.from(s.image.data)), plain.map((s) => Array.from(s.image.data)));
  });

  it('draws lowercase letters and digits, never capitals or symbols, from the cursive families when asked (cursiveLetters)', () => {
    const cursive = new Set(CURSIVE_LOWERCASE_FAMILIES);
    const from = (s: { source: string }) => cursive.has(s.source.split(':')[1]);
    const small = generateCharacterSamples({ split: 'train', perClass: 80, seed: 8, labels: 'rs3', cursiveLetters: 'rs3' });
    assert.ok(small.some(from), 'no cursive samples');
    const others = generateCharacterSamples({ split: 'train', perClass: 80, seed: 8, labels: 'RS(', cursiveLetters: 'RS(rs' });
    assert.ok(!others.some(from), others.filter(from).map((s) => `${s.label} ${s.source}`).join());
    // Only the letters asked for.
    const onlyR = generateCharacterSamples({ split: 'train', perClass: 80, seed: 8, labels: 'rs', cursiveLetters: 'r' });
    assert.ok(onlyR.some((x) => x.label === 'r' && from(x)) && !onlyR.some((x) => x.label === 's' && from(x)));
    // Not without the option, and never for the held-out split.
    assert.ok(!generateCharacterSamples({ split: 'train', perClass: 80, seed: 8, labels: 'rs3' }).some(from));
    assert.ok(!generateCharacterSamples({ split: 'heldout', perClass: 80, seed: 8, labels: 'rs3', cursiveLetters: 'rs3' }).some(from));
  });

  it('draws the families added 2026-12-04 night only when asked (moreFamilies), and leaves the other samples as they were', () => {
    const more = new Set(MORE_FAMILIES);
    const from = (s: { source: string }) => more.has(s.source.split(':')[1]);
    const opts = { split: 'train' as const, perClass: 120, seed: 9, labels: 'a(' };
    const without = generateCharacterSamples(opts);
    assert.ok(!without.some(from), without.filter(from).map((s) => s.source).join());
    assert.deepEqual(without.map((s) => s.image.data), generateCharacterSamples({ ...opts, moreFamilies: false }).map((s) => s.image.data));
    const withMore = generateCharacterSamples({ ...opts, moreFamilies: true });
    assert.ok(withMore.some((s) => s.label === 'a' && from(s)) && withMore.some((s) => s.label === '(' && from(s)));
    // None is a held-out family.
    for (const id of MORE_FAMILIES) assert.ok(!Object.values(HELDOUT_GROUPS).flat().includes(id), id);
  });

  it('gives ~60% of samples a line frame, and the frame puts x-height letters at ~1 x-height', () => {
    const samples = generateCharacterSamples({ split: 'train', perClass: 60, seed: 3, labels: 'xo', augment: false });
    const framed = samples.filter((s) => s.frame);
    assert.ok(framed.length > 0.45 * samples.length && framed.length < 0.75 * samples.length, `${framed.length}/${samples.length}`);
    const tops = framed.map((s) => normalizeCharacter(s.image, { frame: s.frame }).geometry[1]);
    const mean = tops.reduce((a, b) => a + b, 0) / tops.length;
    assert.ok(mean > 0.8 && mean < 1.25, `mean top of x/o = ${mean} x-heights`);
  });

  it("'v4' draws its own samples (letters touching some glyphs), all readable, and leaves 'v3' as it was", () => {
    const opts = { split: 'train' as const, perClass: 40, seed: 11, labels: 'oH' };
    const v3 = generateCharacterSamples(opts);
    const again = generateCharacterSamples({ ...opts, augmentation: 'v3' });
    v3.forEach((s, i) => assert.deepEqual(s.image.data, again[i].image.data, "'v3' is the default"));
    const v4 = generateCharacterSamples({ ...opts, augmentation: 'v4' });
    assert.ok(v4.some((s, i) => s.image.data.length !== v3[i].image.data.length), "'v4' draws other samples");
    for (const s of v4) assert.doesNotThrow(() => normalizeCharacter(s.image, { frame: s.frame }), s.label);
    assert.deepEqual(v4.map((s) => s.label), v3.map((s) => s.label));
  });

  it("'v5' leaves 'v4' as it was and wears some glyphs thin and broken, each still readable", () => {
    const opts = { split: 'train' as const, perClass: 40, seed: 11, labels: 'oH' };
    const v4 = generateCharacterSamples({ ...opts, augmentation: 'v4' });
    const v4again = generateCharacterSamples({ ...opts, augmentation: 'v4', wornRate: 1 });
    v4.forEach((s, i) => assert.deepEqual(s.image.data, v4again[i].image.data, "'v4' has no worn pen"));
    const v5 = generateCharacterSamples({ ...opts, augmentation: 'v5', wornRate: 1 });
    assert.ok(v5.some((s, i) => s.image.data.length !== v4[i].image.data.length), "'v5' draws other samples");
    for (const s of v5) assert.doesNotThrow(() => normalizeCharacter(s.image, { frame: s.frame }), s.label);
  });

  it('draws clumps of touching letters for the CLUMP class, clumpShare times as many, and leaves the other classes as they were', () => {
    const opts = { split: 'train' as const, perClass: 24, seed: 9, labels: 'on', augmentation: 'v4' as const };
    const plain = generateCharacterSamples(opts);
    const mixed = generateCharacterSamples({ ...opts, labels: 'on' + CLUMP, clumpShare: 2 });
    const clumps = mixed.filter((s) => s.label === CLUMP);
    assert.equal(clumps.length, 48);
    mixed.filter((s) => s.label !== CLUMP).forEach((s, i) => assert.deepEqual(s.image.data, plain[i].image.data, 'o and n as before'));
    // Two or three letters side by side: much wider for their height than an o or an n.
    const aspect = (s: { image: { width: number; height: number; data: Uint8ClampedArray | Uint8Array } }) => {
      const { left, right, top, bottom } = inkBoxOf(s.image);
      return (right - left) / Math.max(1, bottom - top);
    };
    const clumpAspect = median(clumps.map(aspect)), letterAspect = median(plain.map(aspect));
    assert.ok(clumpAspect > 1.6 * letterAspect, `clumps ${clumpAspect.toFixed(2)}, letters ${letterAspect.toFixed(2)}`);
    for (const s of clumps) assert.doesNotThrow(() => normalizeCharacter(s.image, { frame: s.frame }));
  });

  it('wornInk wears a thick stroke down to about the target width and keeps at least a quarter of the ink', () => {
    // A bar 9 px wide and 40 tall.
    const ink = { width: 30, height: 50, data: new Float32Array(30 * 50) };
    for (let y = 5; y < 45; y++) for (let x = 10; x < 19; x++) ink.data[y * 30 + x] = 1;
    const worn = wornInk(ink, 2, 0, new Rng(3));
    const row = Array.from({ length: 30 }, (_, x) => worn.data[25 * 30 + x]).filter((v) => v >= 0.5).length;
    assert.ok(row >= 1 && row <= 3, `a worn row is ${row} px wide`);
    const mass = (d: Float32Array) => d.reduce((a, v) => a + v, 0);
    assert.ok(mass(worn.data) >= mass(ink.data) / 4);
    // Gaps take ink away but never most of it.
    const gapped = wornInk(ink, 2, 0.25, new Rng(4));
    assert.ok(mass(gapped.data) <= mass(worn.data) && mass(gapped.data) >= 0.5 * mass(worn.data));
  });

  it('stretchXHeight raises a body to f x-heights, keeps the baseline and the ascender top', () => {
    const w = 20, h = 80, frame = { baseline: 60, xHeight: 15 };
    const ink = { width: w, height: h, data: new Float32Array(w * h) };
    // A body from the x-height line to the baseline, and a dot near the ascender top (2 x-heights up).
    for (let y = 45; y < 60; y++) ink.data[y * w + 5] = 1;
    ink.data[30 * w + 10] = 1;
    const rows = (d: Float32Array, x: number) => Array.from({ length: h }, (_, y) => y).filter((y) => d[y * w + x] >= 0.5);
    const tall = stretchXHeight(ink, frame, 1.3);
    const body = rows(tall.data, 5);
    assert.equal(body[body.length - 1], 59, 'the baseline stays');
    assert.ok(Math.abs(body[0] - (60 - 1.3 * 15)) <= 1, `the body's top at ${body[0]}`);
    // The ascender's dot moves up less than the x-height line (it is squeezed towards the top).
    const dot = rows(tall.data, 10);
    assert.ok(dot.length > 0 && dot[0] <= 30 && dot[0] >= 24, `dot at ${dot}`);
    const v6 = generateCharacterSamples({ split: 'train', perClass: 30, seed: 12, labels: 'aT', augmentation: 'v6' });
    for (const s of v6) assert.doesNotThrow(() => normalizeCharacter(s.image, { frame: s.frame }), s.label);
  });

  it('draws every style and every class as a readable image', () => {
    for (const style of ['font', 'pen', 'hershey'] as const) {
      const samples = generateCharacterSamples({ split: 'train', perClass: 1, seed: 9, styles: [style] });
      assert.equal(samples.length, 62);
      for (const s of samples) {
        assert.equal(s.style, style);
        assert.doesNotThrow(() => normalizeCharacter(s.image, { frame: s.frame }), `${style} ${s.label}`);
      }
    }
  });
});

describe('training/hershey: .jhf parsing', () => {
  it('reads records by their declared length, across wrapped lines', () => {
    // 'A'-like glyph of 4 pairs (bounds + 3 points) with a pen lift, wrapped after the bounds pair.
    const text = '12345  6JZ\nRFKZ RRFYZ\n';
    const [g] = parseJhf(text);
    assert.equal(g.left, -8);
    assert.equal(g.right, 8);
    assert.deepEqual(g.strokes, [[{ x: 0, y: -12 }, { x: -7, y: 8 }], [{ x: 0, y: -12 }, { x: 7, y: 8 }]]);
  });

  it('loads the Latin faces with glyphs for every class and a sane x-height', () => {
    for (const { id } of HERSHEY_FONTS) {
      const font = loadHersheyFont(id);
      for (const ch of '0aZz9') assert.ok(font.glyphs.get(ch)!.strokes.length > 0, `${id} ${ch}`);
      assert.ok(font.baseline - font.xHeightTop > 5, id);
    }
  });

  it('rejects a malformed record with a clear error', () => {
    assert.throws(() => parseJhf('garbage line\n'), /Bad Hershey record/);
    assert.throws(() => parseJhf('12345 40JZRFKZ\n'), /Truncated Hershey record/);
  });
});
