import { strict as assert } from 'node:assert';
import { readText, ScoreCrops } from '../../../core/segment';
import { rotateGrey } from '../../../core/segment/transform';
import { flatScore, LABELS, render, wordLengths } from './helpers';

const counts = (r: ReturnType<typeof readText>) => r.lines.map((l) => l.words.map((w) => w.chars.length));

describe('segment: lines, words and characters on clean renders', () => {
  // Letter spacing keeps letters apart so that character counts are the segmentation's alone.
  const text = 'quick brown fox 1984\nmaxValue jiminy\nParis 42 window';
  for (const family of ['patrick-hand', 'kalam', 'indie-flower', 'gochi-hand']) {
    it(`counts lines, words and characters (${family})`, () => {
      const r = readText(render(text, family, { letterSpacing: 4 }), flatScore, LABELS, { splitTouching: false });
      assert.deepEqual(counts(r), wordLengths(text));
      assert.equal(r.message, undefined);
    });
  }

  it('finds lines and words with the font\'s own spacing (touching letters allowed)', () => {
    for (const family of ['caveat', 'kalam', 'shadows-into-light', 'edu-sa-beginner']) {
      const r = readText(render(text, family), flatScore, LABELS);
      assert.deepEqual(r.lines.map((l) => l.words.length), [4, 2, 3], family);
    }
  });

  it('merges the dots of i and j into their letters', () => {
    const r = readText(render('jiminy fiji mini', 'patrick-hand', { letterSpacing: 5 }), flatScore, LABELS, { splitTouching: false });
    assert.deepEqual(counts(r), [[6, 4, 4]]);
    // Each i/j box reaches up to its dot: taller than the x-height letters n and m.
    const jiminy = r.lines[0].words[0].chars;
    const h = (k: number) => jiminy[k].box.bottom - jiminy[k].box.top;
    assert.ok(h(1) > h(4) * 1.3, `i (${h(1)}) should include its dot, n is ${h(4)}`);
  });

  it('reports boxes in the original image coordinates, inside the image', () => {
    const image = render('word gap test', 'kalam');
    const r = readText(image, flatScore, LABELS);
    for (const w of r.lines[0].words) {
      for (const c of w.chars) {
        assert.ok(c.box.left >= 0 && c.box.top >= 0 && c.box.right <= image.width && c.box.bottom <= image.height);
        assert.ok(c.box.left >= w.box.left && c.box.right <= w.box.right);
      }
    }
    // Words run left to right without overlapping.
    const ws = r.lines[0].words;
    for (let i = 1; i < ws.length; i++) assert.ok(ws[i].box.left >= ws[i - 1].box.right - 2);
  });

  it('splits touching characters where the classifier likes the pieces better', () => {
    // A scorer that likes crops no wider than tall (single round letters) and dislikes wide ones.
    const byWidth: ScoreCrops = (crops) =>
      crops.map((c) => {
        const ratio = c.image.width / c.image.height;
        const p = ratio > 1.2 ? 0.05 : 0.9;
        return new Float32Array([p, 0]);
      });
    const touching = render('oo', 'patrick-hand', { letterSpacing: -4 });
    const whole = readText(touching, byWidth, LABELS, { splitTouching: false });
    assert.equal(whole.lines[0].words[0].chars.length, 1, 'the two o touch: one component');
    const split = readText(touching, byWidth, LABELS);
    assert.equal(split.lines[0].words[0].chars.length, 2);
  });

  it('keeps alternatives per character, best first', () => {
    const r = readText(render('ab'), (crops) => crops.map(() => new Float32Array([0.2, 0.7, 0.1])), ['x', 'y', 'z'], { topK: 2 });
    const c = r.lines[0].words[0].chars[0];
    assert.deepEqual(c.candidates.map((k) => k.label), ['y', 'x']);
    assert.equal(r.text, 'yy');
  });

  it('hands each word to decodeWord with geometry and the text before it', () => {
    const seen: { n: number; context?: string; geometry: number }[] = [];
    const r = readText(render('one two\nthree'), flatScore, LABELS, {
      context: 'x = ',
      decodeWord: (probs, labels, o) => {
        seen.push({ n: probs.length, context: o.context, geometry: (o.geometry ?? []).filter(Boolean).length });
        return { text: `w${probs.length}`, confidence: 0.5 };
      },
    });
    assert.equal(r.text, 'w3 w3\nw5');
    assert.deepEqual(seen.map((s) => s.n), [3, 3, 5]);
    assert.equal(seen[0].context, 'x = ');
    assert.equal(seen[1].context, 'x = w3');
    assert.equal(seen[2].context, 'x = w3 w3\n');
    assert.ok(seen.every((s) => s.geometry === s.n), 'every character has a line geometry');
  });

  it('straightens skewed text and still counts the words', () => {
    const image = render('rocket engine signal bridge', 'kalam');
    for (const deg of [6, -8]) {
      const turned = rotateGrey(image, (deg * Math.PI) / 180, 255).image;
      const r = readText(turned, flatScore, LABELS);
      assert.ok(Math.abs(Math.abs(r.skewDegrees) - Math.abs(deg)) < 1, `skew ${r.skewDegrees} for ${deg}`);
      assert.equal(r.lines.length, 1);
      assert.equal(r.lines[0].words.length, 4);
    }
  });

  it('reads camera-like pages (tint, uneven light, blur, noise, slight rotation): lines and words', () => {
    const text = 'little number kayak\n1970 hidden zebra\ncommit note dance';
    for (const seed of [1, 2, 3]) {
      const r = readText(render(text, 'patrick-hand', { look: 'camera', seed }), flatScore, LABELS);
      assert.deepEqual(r.lines.map((l) => l.words.length), [3, 3, 3], `seed ${seed}`);
    }
  });
});
