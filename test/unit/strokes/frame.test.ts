import { strict as assert } from 'node:assert';
import { strokesToCharacters, estimateLineFrame } from '../../../core/strokes';
import { normalizeCharacter } from '../../../core/preprocess';
import { write } from './fixtures';

/** Geometry normalizeCharacter gives character k of the written text. */
function geometryOf(text: string, k: number, unit = 24): Float32Array {
  const r = strokesToCharacters(write(text, { unit }).strokes);
  const c = r.characters[k];
  return normalizeCharacter(c.image, { frame: c.frame }).geometry;
}

describe('strokes: writing line and case geometry', () => {
  it('a small c among neighbours sits at x-height, a big C rises above it', () => {
    for (const unit of [12, 30]) {
      const small = geometryOf('Hcx', 1, unit);
      const big = geometryOf('HCx', 1, unit);
      assert.equal(small[0], 1);
      assert.equal(big[0], 1);
      assert.ok(Math.abs(small[1] - 1) < 0.15, `c top ${small[1]}`);
      assert.ok(big[1] > 1.35, `C top ${big[1]}`);
      assert.ok(big[1] - small[1] > 0.35);
      assert.ok(Math.abs(small[2]) < 0.15 && Math.abs(big[2]) < 0.15, 'both sit on the baseline');
    }
  });

  it('o against O in the middle of lowercase and uppercase neighbours', () => {
    assert.ok(geometryOf('lox', 1)[1] < 1.15);
    assert.ok(geometryOf('xOx', 1)[1] > 1.35);
  });

  it('a descender hangs below the baseline', () => {
    const g = geometryOf('xgx', 1);
    assert.ok(g[2] < -0.4, `g bottom ${g[2]}`);
    assert.ok(Math.abs(g[1] - 1) < 0.2);
  });

  it('a lone character gets no frame: its geometry is unknown', () => {
    for (const ch of ['c', 'C']) {
      const r = strokesToCharacters(write(ch).strokes);
      assert.equal(r.characters[0].frame, undefined);
      assert.equal(normalizeCharacter(r.characters[0].image).geometry[0], 0);
    }
  });

  it('a line of one letter height and no descender gets no frame (ocean vs OCEAN)', () => {
    for (const text of ['oco', 'OCO']) {
      const r = strokesToCharacters(write(text).strokes);
      assert.ok(r.characters.every((c) => c.frame === undefined), text);
    }
  });

  it('a descender among one-height letters says they are x-height letters', () => {
    const r = strokesToCharacters(write('ogo').strokes);
    assert.ok(r.lines[0].frame);
    const c = r.characters[0];
    assert.ok(Math.abs(normalizeCharacter(c.image, { frame: c.frame }).geometry[1] - 1) < 0.15);
  });

  it('pad frame: baseline at the shared bottom, x-height from the smaller letters', () => {
    const boxes = [
      { left: 0, top: 0, right: 10, bottom: 32 }, // H
      { left: 12, top: 12, right: 20, bottom: 32 }, // x
      { left: 22, top: 13, right: 30, bottom: 33 }, // x, sloppy
      { left: 32, top: 12, right: 40, bottom: 45 }, // g
    ];
    const f = estimateLineFrame(boxes)!;
    assert.ok(Math.abs(f.baseline - 32) <= 1);
    assert.ok(Math.abs(f.xHeight - 20) <= 1);
    assert.equal(estimateLineFrame([boxes[0]]), undefined);
  });

  it("punctuation and low operators say nothing about the x-height: a line of code ending in ';'", () => {
    const boxes = [
      { left: 0, top: 100, right: 10, bottom: 131 }, // g
      { left: 12, top: 100, right: 20, bottom: 119 }, // r
      { left: 22, top: 89, right: 28, bottom: 119 }, // i
      { left: 30, top: 86, right: 40, bottom: 121 }, // d
      { left: 60, top: 100, right: 70, bottom: 120 }, // 0
      { left: 72, top: 118, right: 76, bottom: 129 }, // the comma of ';' (its dot is not a body)
    ];
    const f = estimateLineFrame(boxes)!;
    assert.ok(f, 'a frame');
    assert.ok(Math.abs(f.baseline - 119.5) <= 1, `baseline ${f.baseline}`);
    assert.ok(Math.abs(f.xHeight - 19.5) <= 1.5, `x-height ${f.xHeight}`);
    // A '=' written low, its bottom near the baseline ("ok = a && b"), is no x-height letter either.
    const withEquals = [
      { left: 0, top: 97, right: 14, bottom: 118 }, // o
      { left: 16, top: 88, right: 28, bottom: 120 }, // k
      { left: 40, top: 109, right: 52, bottom: 117 }, // =
      { left: 64, top: 98, right: 76, bottom: 119 }, // a
      { left: 78, top: 89, right: 90, bottom: 118 }, // b
      { left: 92, top: 98, right: 104, bottom: 119 }, // c
    ];
    const g = estimateLineFrame(withEquals)!;
    assert.ok(g && Math.abs(g.xHeight - 20.5) <= 1.5, `x-height ${g?.xHeight}`);
  });

  it("a dotted stem never measures the x-height: an i or j whose stem stops short of it under its dot", () => {
    // "obj = { id: 7 };" written by gluten (bench:code's pad, baseline 120, the writer's x-height 36.6):
    // the stems of i and j rise 22 above the baseline, the o 33; taken for the x-height they made
    // every letter read as a capital ("Obj").
    const box = (left: number, width: number, height: number, below: number) => ({ left, top: 120 + below - height, right: left + width, bottom: 120 + below });
    const bodies = [
      box(27, 37, 33, 0), // o
      box(89, 31, 40, 0), // b
      box(134, 17, 42, 20), // j's stem and hook (its dot is no body)
      box(221, 27, 18, -13), // =
      box(319, 13, 63, 18), // {
      box(398, 3, 21, -1), // i's stem
      box(427, 34, 46, 2), // d
      box(558, 24, 41, -1), // 7
      box(649, 11, 54, 16), // }
    ];
    const dotted = bodies.map((_, i) => i === 2 || i === 5);
    const f = estimateLineFrame(bodies, dotted)!;
    assert.ok(f && f.xHeight >= 33 && f.xHeight <= 42, `x-height ${f?.xHeight}`);
    assert.ok(estimateLineFrame(bodies)!.xHeight < 25, 'undotted, the short stems measure it');
  });

  it('a lone body far smaller than the rest is no x-height: the lower ring of a % in "y = x % 8;"', () => {
    // timesib on the pad (bench:code): the % drawn in strokes grouped as two bodies, its lower ring 20
    // above the baseline against the x's 33 and the writer's 36.5; taken for the x-height, the x read X.
    const box = (left: number, right: number, rise: number, below: number) => ({ left, right, top: 120 - rise, bottom: 120 + below });
    const bodies = [box(18, 67, 41, 17), box(259, 300, 33, 1), box(356, 400, 55, -2), box(393, 412, 20, -2), box(467, 503, 52, 0), box(536, 546, 11, 9)];
    const f = estimateLineFrame(bodies)!;
    assert.ok(f && f.xHeight >= 30 && f.xHeight <= 45, `x-height ${f?.xHeight}`);
    // A lone small letter among capitals at a case step still makes it ("HTTPs": the s 0.65 of the capitals).
    const caps = [box(0, 20, 40, 0), box(25, 45, 40, 0), box(50, 70, 40, 0), box(75, 95, 40, 0), box(100, 115, 26, 0)];
    assert.equal(estimateLineFrame(caps)?.xHeight, 26);
  });

  it('x-high letters among many taller brackets and ascenders still measure the x-height: `if (idx < n) {`', () => {
    // scriptc on the pad (bench:code): i f ( i d x < n ) {, the two i's dotted. Three x-high letters
    // (the x, the n, the dotless i) among tall bodies rise under half the median rise; taken for
    // punctuation, the x-height came out 41.7 (the writer's 16.3) and no gap of the line was a space.
    const bodies = [[21, 102, 33, 120], [39, 80, 58, 144], [90, 72, 106, 133], [123, 104, 135, 121], [143, 82, 170, 120], [175, 103, 203, 120], [238, 88, 271, 121], [292, 103, 325, 120], [333, 76, 347, 133], [376, 77, 394, 133]]
      .map(([left, top, right, bottom]) => ({ left, top, right, bottom }));
    const dotted = bodies.map((_, i) => i === 0 || i === 3);
    const f = estimateLineFrame(bodies, dotted)!;
    assert.ok(f && f.xHeight >= 14 && f.xHeight <= 20, `x-height ${f?.xHeight}`);
  });

  it('bars say nothing of the baseline: "x -= 1" whose - and = outvoted the x and the 1', () => {
    // playwrite-it-moderna on the pad (bench:code): the - and the = stand level with the x's middle, and
    // the baseline went there, so the x read y and the line "y _T |".
    const box = (left: number, width: number, height: number, bottom: number) => ({ left, top: bottom - height, right: left + width, bottom });
    const bodies = [box(24, 25, 27, 120), box(115, 14, 1, 101), box(159, 32, 17, 99), box(236, 12, 44, 123)];
    const flat = [false, true, true, false];
    const f = estimateLineFrame(bodies, [], flat)!;
    assert.ok(f && Math.abs(f.baseline - 121.5) <= 2 && Math.abs(f.xHeight - 27) <= 2, `frame ${JSON.stringify(f)}`);
    assert.ok(Math.abs(estimateLineFrame(bodies)!.baseline - 100) <= 2, 'with the bars, the baseline is theirs');
  });

  it('letters of uneven size: a small jump between two groups 1.5 apart is still x-height against capitals', () => {
    // Heights above the baseline from a written "HTTP new over" (pad-path bench, rowmand): the
    // tallest x-height letter and the shortest capital are only 1.27 apart.
    const heights = [35.6, 36.7, 37.9, 39.7, 43.0, 43.1, 43.2, 54.7, 58.3, 61.1, 62.8];
    const boxes = heights.map((h, i) => ({ left: 12 * i, top: 120 - h, right: 12 * i + 10, bottom: 120 }));
    const f = estimateLineFrame(boxes)!;
    assert.ok(f, 'a frame');
    assert.equal(f.baseline, 120);
    assert.equal(f.xHeight, 39.7);
    // One height with the same letter-to-letter spread (±8%) stays without a frame.
    const even = [36, 37, 38, 39, 40, 41, 42, 43.5, 45].map((h, i) => ({ left: 12 * i, top: 120 - h, right: 12 * i + 10, bottom: 120 }));
    assert.equal(estimateLineFrame(even), undefined);
  });

  it('one short body below evenly spreading heights is no x-height: every letter would read as a capital', () => {
    // Heights above the baseline from `items.push(next);` written in a marker hand (bench:code, nerko-one):
    // the shortest is the ';', half the letters' height, and every letter read as a capital ("itemS.pUSh(neXt)").
    const heights = [14.9, 17.3, 19.2, 20.0, 20.9, 23.8, 24.0, 24.6, 26.9, 28.1, 30.3, 31.7, 33.8, 36.7, 38.3];
    const boxes = heights.map((h, i) => ({ left: 12 * i, top: 120 - h, right: 12 * i + 10, bottom: 120 }));
    const f = estimateLineFrame(boxes);
    assert.ok(f === undefined || f.xHeight > 20, `x-height ${f?.xHeight}`);
    // A lone x-height letter after capitals is one where the step between them is a case step ("HTTPs").
    const https = [43, 44, 44.5, 45, 30].map((h, i) => ({ left: 12 * i, top: 120 - h, right: 12 * i + 10, bottom: 120 }));
    assert.equal(estimateLineFrame(https)?.xHeight, 30);
  });
});

describe('strokes: the pad guide line', () => {
  const guide = { baseline: 100, xHeight: 24 };
  it('gives a lone character a frame when it stands on the guide: c small, C tall', () => {
    const geo = (ch: string) => {
      const c = strokesToCharacters(write(ch, { unit: 24, baseline: 100 }).strokes, { guide }).characters[0];
      assert.ok(c.frame, ch);
      return normalizeCharacter(c.image, { frame: c.frame }).geometry;
    };
    assert.ok(Math.abs(geo('c')[1] - 1) < 0.15);
    assert.ok(geo('C')[1] > 1.4);
  });

  it('is ignored for writing away from it, and when the letters show their own frame', () => {
    const far = strokesToCharacters(write('c', { baseline: 200 }).strokes, { guide });
    assert.equal(far.characters[0].frame, undefined);
    const own = strokesToCharacters(write('Hcx', { unit: 12, baseline: 100 }).strokes, { guide });
    assert.ok(Math.abs(own.lines[0].frame!.xHeight - 12) < 1);
  });

  it('with several ruled lines, a character written on the second reads its case from the second', () => {
    const guides = [guide, { baseline: 200, xHeight: 24 }];
    const geo = (ch: string) => {
      const c = strokesToCharacters(write(ch, { unit: 24, baseline: 200 }).strokes, { guides }).characters[0];
      assert.ok(c.frame, `${ch} on the second line got a frame`);
      return normalizeCharacter(c.image, { frame: c.frame }).geometry;
    };
    assert.ok(Math.abs(geo('c')[1] - 1) < 0.15);
    assert.ok(geo('C')[1] > 1.4);
    assert.equal(strokesToCharacters(write('c', { baseline: 150 }).strokes, { guides }).characters[0].frame, undefined, 'between the lines: none');
  });
});

