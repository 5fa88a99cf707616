import { strict as assert } from 'node:assert';
import { FONT_FAMILIES } from '../../../training/fonts';
import { createInk, withDotsKept } from '../../../training/inkOps';
import { traceFamily } from '../../../training/tracedFonts';

describe('training/tracedFonts: families written as pen strokes for the benches', () => {
  it('keeps a blob of ink that thinning erased as a dot, and leaves surviving strokes as they were', () => {
    const ink = createInk(12, 8);
    const set = (x: number, y: number) => (ink.data[y * 12 + x] = 1);
    // A 2x2 dot (Zhang-Suen removes it whole) and a bar whose skeleton survived.
    set(2, 2); set(3, 2); set(2, 3); set(3, 3);
    for (let x = 6; x < 11; x++) set(x, 4);
    const skel = new Uint8Array(12 * 8);
    for (let x = 6; x < 11; x++) skel[4 * 12 + x] = 1;
    const kept = withDotsKept(skel, ink);
    const dot = [[2, 2], [3, 2], [2, 3], [3, 3]].filter(([x, y]) => kept[y * 12 + x] === 1);
    assert.equal(dot.length, 1, 'one pixel of the dot');
    assert.equal(kept.reduce((s: number, v) => s + v, 0), 6, 'the bar as it was, plus the dot');
  });

  it("writes a ';' with its dot and a ':' with both, where the font's dots are small", () => {
    // nothing-you-could-do's ';' and patrick-hand's ':' traced as one stroke: ',' and '.' were written for them.
    for (const [family, ch] of [['nothing-you-could-do', ';'], ['patrick-hand', ':'], ['shadows-into-light', ';']]) {
      const font = traceFamily(FONT_FAMILIES.find((f) => f.id === family)!);
      assert.equal(font.glyphs.get(ch)?.strokes.length, 2, `${family} '${ch}'`);
    }
  });
});
