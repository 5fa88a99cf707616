/**
 * Grouping on lines drawn from Hershey stroke fonts (Debian hershey-fonts-data): real multi-stroke
 * letter shapes (v, w, M in pieces, G bars, i and j dots) with seeded variation in size, slant,
 * baseline, letter spacing, word spacing, pen width and pointer noise.
 */
import { strict as assert } from 'node:assert';
import { groupStrokes } from '../../../core/strokes';
import { estimateSlant } from '../../../core/strokes/slant';
import { loadHersheyFont } from '../../../training/hershey';
import { writeHersheyLine } from '../../../training/hersheyLines';
import { lcg } from '../../../training/prng';

const VOCAB = 'the quick brown fox jumps over lazy dog Hello World idx2 getValue x1 0x1F snake camelCase 2026 Inkwell if else return const let mij jig Kit BRP for while new Map size push pop width height String Number'.split(' ');

interface Score {
  lines: number;
  exact: number;
  spaces: number;
  spacesRight: number;
}

function score(fontId: string, trials: number, seed: number, letterGap: [number, number], slant: [number, number] = [-0.05, 0.3]): Score {
  const font = loadHersheyFont(fontId);
  const rnd = lcg(seed);
  const ranges = { xHeight: [14, 40], slant, inkWidth: [2, 5], wordGap: [0.8, 1.5], letterGap, charScale: [0.9, 1.1], baselineShift: [-0.08, 0.08], baselineY: 100 } as const;
  const out: Score = { lines: 0, exact: 0, spaces: 0, spacesRight: 0 };
  for (let t = 0; t < trials; t++) {
    const line = writeHersheyLine(font, VOCAB, ranges, rnd);
    const r = groupStrokes(line.strokes, { inkWidth: line.inkWidth });
    out.lines++;
    if (r.characters.map((c) => c.strokeIndices.join()).join('|') !== line.characters.map((m) => m.join()).join('|')) continue;
    out.exact++;
    line.spaceBefore.forEach((sp, i) => {
      out.spaces++;
      if (sp === r.spaceBefore[i]) out.spacesRight++;
    });
  }
  return out;
}

describe('strokes: grouping Hershey-drawn lines', () => {
  for (const font of ['futural', 'rowmans', 'timesr']) {
    it(`${font}: characters and spaces of varied three-word lines`, () => {
      for (const gap of [[0.1, 0.45], [0.02, 0.25], [0.3, 0.8]] as [number, number][]) {
        const r = score(font, 25, 11, gap);
        assert.ok(r.exact >= 0.95 * r.lines, `${font} gaps ${gap}: ${r.exact}/${r.lines} lines grouped exactly`);
        assert.ok(r.spacesRight >= 0.97 * r.spaces, `${font} gaps ${gap}: ${r.spacesRight}/${r.spaces} gaps judged right`);
      }
    });
  }
});

describe('strokes: grouping italic writing (slant estimated, letters grouped upright)', () => {
  for (const font of ['futural', 'rowmans']) {
    it(`${font}: lines leaning 20-27 degrees group into the characters written`, () => {
      const r = score(font, 40, 7, [0.05, 0.3], [0.45, 0.6]);
      assert.ok(r.exact >= 0.9 * r.lines, `${font} slanted: ${r.exact}/${r.lines} lines grouped exactly`);
      assert.ok(r.spacesRight >= 0.95 * r.spaces, `${font} slanted: ${r.spacesRight}/${r.spaces} gaps judged right`);
    });
  }

  it('measures the slant of leaning stems and leaves upright writing as drawn', () => {
    const stem = (x: number, lean: number) => [{ x: x + lean * 30, y: 0 }, { x, y: 30 }];
    assert.ok(Math.abs(estimateSlant([stem(0, 0.4), stem(20, 0.4), stem(40, 0.4)], 4) - 0.4) < 1e-9);
    assert.equal(estimateSlant([stem(0, 0.02), stem(20, -0.03)], 4), 0);
    const g = groupStrokes([stem(0, 0.45), stem(12, 0.45), stem(24, 0.45)], { inkWidth: 2 });
    assert.equal(g.lines[0].slant, 0.45);
    assert.equal(g.characters.length, 3, 'three leaning stems are three characters');
    assert.deepEqual(g.characters[0].box, { left: -1, top: -1, right: 14.5, bottom: 31 }, 'boxes stay as drawn');
  });
});
