/**
 * Grouping on lines drawn from Hershey stroke fonts (Debian hershey-fonts-data): real multi-stroke
 * letter shapes (v, w, M in pieces, G bars, i and j dots) with seeded variation in size, slant,
 * baseline, letter spacing, word spacing, pen width and pointer noise.
 */
import { strict as assert } from 'node:assert';
import { groupStrokes } from '../../../core/strokes';
import { loadHersheyFont } from '../../../training/hershey';

const VOCAB = 'the quick brown fox jumps over lazy dog Hello World idx2 getValue x1 0x1F snake camelCase 2026 Inkwell if else return const let mij jig Kit BRP for while new Map size push pop width height String Number'.split(' ');

interface Score {
  lines: number;
  exact: number;
  spaces: number;
  spacesRight: number;
}

function score(fontId: string, trials: number, seed: number, letterGap: [number, number]): Score {
  const font = loadHersheyFont(fontId);
  let s = seed >>> 0;
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const between = (a: number, b: number) => a + (b - a) * rnd();
  const out: Score = { lines: 0, exact: 0, spaces: 0, spacesRight: 0 };
  for (let t = 0; t < trials; t++) {
    const words = [0, 1, 2].map(() => VOCAB[Math.floor(rnd() * VOCAB.length)]);
    const xh = between(14, 40);
    const unit = xh / (font.baseline - font.xHeightTop);
    const slant = between(-0.05, 0.3);
    const inkWidth = between(2, 5);
    const strokes: { x: number; y: number }[][] = [];
    const truth: number[][] = [];
    const truthSpace: boolean[] = [];
    let x = 20;
    words.forEach((w, wi) => {
      if (wi > 0) x += xh * between(0.8, 1.5);
      [...w].forEach((c, ci) => {
        const g = font.glyphs.get(c)!;
        const size = between(0.9, 1.1);
        const dy = between(-0.08, 0.08) * xh;
        const mine: number[] = [];
        for (const st of g.strokes) {
          mine.push(strokes.length);
          strokes.push(st.map((p) => {
            const px = (p.x - g.left) * unit * size, py = (p.y - font.baseline) * unit * size;
            return { x: x + px - py * slant + between(-0.4, 0.4), y: 100 + py + dy + between(-0.4, 0.4) };
          }));
        }
        truth.push(mine);
        truthSpace.push(wi > 0 && ci === 0);
        x += (g.right - g.left) * unit * size + between(letterGap[0], letterGap[1]) * xh;
      });
    });
    const r = groupStrokes(strokes, { inkWidth });
    out.lines++;
    if (r.characters.map((c) => c.strokeIndices.join()).join('|') !== truth.map((m) => m.join()).join('|')) continue;
    out.exact++;
    truthSpace.forEach((sp, i) => {
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
