import { strict as assert } from 'node:assert';
import { readText, ScoreCrops } from '../../../core/segment';
import { rotateGrey } from '../../../core/segment/transform';
import { cutCandidates, cuttingAlternatives, holeColumns, PIECE_COST, seamCuts } from '../../../core/segment/split';
import { cropCharacter, Seams } from '../../../core/segment/crops';
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

  it('reads a tight page line by line, where descenders reach into the next line\'s ascenders', () => {
    // Baselines 0.9 font sizes apart: the g, j, p, y of one line end among the next line's tall letters,
    // and no row of paper separates the lines.
    const tight = 'signal market jumps\nopen 2139 Berlin\nready paper fjord';
    for (const family of ['kalam', 'patrick-hand', 'indie-flower']) {
      const r = readText(render(tight, family, { lineSpacing: 0.9, letterSpacing: 4 }), flatScore, LABELS, { splitTouching: false });
      assert.deepEqual(r.lines.map((l) => l.words.length), [3, 3, 3], family);
    }
  });

  it("keeps a semicolon's tail hanging under its line in that line, not a line of its own", () => {
    // bench:code read this camera image 'i <= 42.' over a second line '7': the tail of the ; was a band of its own.
    const r = readText(render('i <= 42;', 'swanky-and-moo-moo', { look: 'camera', seed: 20261202 + 33, fontPx: 44 }), flatScore, LABELS);
    assert.equal(r.lines.length, 1, r.text);
  });

  it("leaves out a speck far under the line, as a photo's shaded corner makes, but keeps a full stop", () => {
    // bench:code's camera images: a dark sliver in the corner two letters under the line read `__ print(...)`.
    const image = render('word gap test.', 'kalam', { look: 'camera', seed: 5 });
    // Labels with a full stop: marks are kept as characters of their own.
    const labels = ['a', '.'];
    const clean = readText(image, flatScore, labels, { splitTouching: false });
    const marked = { ...image, data: Uint8ClampedArray.from(image.data) };
    for (let y = image.height - 14; y < image.height - 11; y++) for (let x = 2; x < 40; x++) marked.data[y * image.width + x] = 20;
    assert.deepEqual(counts(clean), [[4, 3, 5]], 'the full stop stays');
    assert.deepEqual(counts(readText(marked, flatScore, labels, { splitTouching: false })), [[4, 3, 5]]);
  });

  it('keeps a line with long descenders one line (their tails are no line of their own)', () => {
    const r = readText(render('saveRow river query 1918 jungle', 'swanky-and-moo-moo'), flatScore, LABELS);
    assert.equal(r.lines.length, 1);
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

  it('cuts beside a narrow bar where the ink nearly breaks, not where it only thins', () => {
    // A marker's i (a bar 7 px wide at x-height 30: under the usual narrowest piece, 0.28 x-heights)
    // joined to an n-like letter by a bridge two pixels high: a near break, so the bar may be a piece.
    const xHeight = 30, width = 40;
    const draw = (bridgeRows: number) => {
      const labels = new Int32Array(width * xHeight);
      const ink = (x: number, y: number) => (labels[y * width + x] = 1);
      for (let y = 0; y < xHeight; y++) {
        for (let x = 0; x < 7; x++) ink(x, y); // the bar
        for (let x = 10; x < 14; x++) ink(x, y); // the n's stems
        for (let x = 36; x < 40; x++) ink(x, y);
      }
      for (let y = 0; y < 4; y++) for (let x = 10; x < 40; x++) ink(x, y); // its arch
      for (let y = xHeight - bridgeRows; y < xHeight; y++) for (let x = 7; x < 10; x++) ink(x, y);
      return cutCandidates({ labels, width, height: xHeight }, { box: { left: 0, top: 0, right: width, bottom: xHeight }, ids: [1] }, xHeight);
    };
    const nearBreak = draw(2);
    assert.ok(nearBreak.some((x) => x >= 7 && x <= 9), `a cut between the bar and the n (cuts ${nearBreak})`);
    // A join half as high as the letters is no near break: no sliver as narrow as the bar is cut off.
    assert.ok(!draw(15).some((x) => x < 0.28 * xHeight), `no cut closer than 0.28 x-heights to the edge (cuts ${draw(15)})`);
  });

  it('tries a narrow group in pieces when the classifier doubts it, but never through a hole', () => {
    // A ring (an o or a 0) 18 px wide with a bar 4 px wide touching its right side by a low bridge: in
    // all 26 px, under the 1.15 x-heights from which a group counts as wider than one letter.
    const xHeight = 30, width = 26;
    const labels = new Int32Array(width * xHeight);
    const ink = (x: number, y: number) => (labels[y * width + x] = 1);
    for (let y = 0; y < xHeight; y++) {
      for (let x = 0; x < 18; x++) if (y < 4 || y >= xHeight - 4 || x < 4 || x >= 14) ink(x, y); // the ring
      for (let x = 22; x < 26; x++) ink(x, y); // the bar
    }
    for (let y = xHeight - 3; y < xHeight; y++) for (let x = 18; x < 22; x++) ink(x, y); // the bridge
    const src = { labels, width, height: xHeight };
    const group = { box: { left: 0, top: 0, right: width, bottom: xHeight }, ids: [1] };
    const holed = holeColumns(src, group);
    assert.deepEqual([...holed].flatMap((h, x) => (h ? [x] : [])), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 'the ring\'s inside');
    assert.deepEqual(cutCandidates(src, group, xHeight), [], 'a sure whole this narrow is one letter');
    const cuts = cutCandidates(src, group, xHeight, true);
    assert.ok(cuts.some((x) => x >= 18 && x <= 22), `unsure: a cut between the ring and the bar (cuts ${cuts})`);
    assert.ok(!cuts.some((x) => holed[x] === 1), `and none through the ring's hole, which halves a 0 into ( ) (cuts ${cuts})`);
  });

  it('tries a group as tall as the line\'s tallest in pieces from half a letter\'s width when the classifier doubts it', () => {
    // A bracket [ (a stem and two bars) with a j beside it whose hook runs under the bracket's foot and
    // touches it: 16 px wide at x-height 30, under the 0.8 x-heights from which an unsure group is cut.
    const xHeight = 30, width = 16, height = 50;
    const labels = new Int32Array(width * height);
    const ink = (x: number, y: number) => (labels[y * width + x] = 1);
    for (let y = 0; y < height - 2; y++) for (let x = 0; x < 3; x++) ink(x, y); // the bracket's stem
    for (let x = 0; x < 7; x++) for (let y = 0; y < 3; y++) ink(x, y); // its top bar
    for (let y = 12; y < height; y++) for (let x = 12; x < 15; x++) ink(x, y); // the j's stem
    for (let x = 2; x < 15; x++) for (let y = height - 3; y < height; y++) ink(x, y); // its hook, under the bracket's foot
    const src = { labels, width, height };
    const group = { box: { left: 0, top: 0, right: width, bottom: height }, ids: [1] };
    assert.deepEqual(cutCandidates(src, group, xHeight, true), [], 'unsure, but narrower than two letters');
    const cuts = cutCandidates(src, group, xHeight, true, false, 'tall');
    assert.ok(cuts.some((x) => x >= 7 && x <= 11), `tall and unsure: a cut between the bracket and the j (cuts ${cuts})`);
    assert.deepEqual(cutCandidates(src, group, xHeight, false, false, 'tall'), [], 'tall but read surely: one character');
  });

  it('tries a narrow group that holds an i\'s dot in pieces, down to a fine pen\'s i', () => {
    // A fine pen's i (a stem 3 px wide at x-height 26) touching a t by a one-pixel bridge: 17 px in all,
    // as shadows-into-light writes the `it` of `items` (read t whole). The i is narrower than the 0.22
    // x-heights a piece beside a near break may otherwise be.
    const xHeight = 26, width = 17, height = 36;
    const labels = new Int32Array(width * height);
    const ink = (x: number, y: number) => (labels[y * width + x] = 1);
    for (let y = 10; y < height; y++) for (let x = 0; x < 3; x++) ink(x, y); // the i's stem
    ink(3, 14); // the bridge
    for (let y = 0; y < height; y++) for (let x = 7; x < 10; x++) ink(x, y); // the t's stem
    for (let y = 13; y < 16; y++) for (let x = 4; x < width; x++) ink(x, y); // its bar
    const src = { labels, width, height };
    const group = { box: { left: 0, top: 0, right: width, bottom: height }, ids: [1, 2] };
    assert.deepEqual(cutCandidates(src, group, xHeight, true), [], 'unsure, but narrower than two letters');
    assert.deepEqual(cutCandidates(src, group, xHeight, true, false, 'tall'), [], 'tall: no piece as narrow as the i');
    const cuts = cutCandidates(src, group, xHeight, true, false, 'dotted');
    assert.ok(cuts.length === 1 && cuts[0] >= 3 && cuts[0] <= 4, `dotted and unsure: the i cut off at the bridge (cuts ${cuts})`);
    assert.deepEqual(cutCandidates(src, group, xHeight, false, false, 'dotted'), [], 'dotted but read surely: one character');
  });

  it('cuts beside an i\'s dot where its stem touches a letter without thinning, but not left of a j\'s', () => {
    // A marker's a (a ring 18 px wide with a stem on its right) whose stem the i's stem touches along its
    // whole height (shadows-into-light's thick `paint` read `pjW`): no column dips between the two.
    const xHeight = 30, width = 26, height = 42;
    const labels = new Int32Array(width * height);
    const ink = (x: number, y: number) => (labels[y * width + x] = 1);
    for (let y = 12; y < height; y++) {
      for (let x = 0; x < 18; x++) if (y < 16 || y >= height - 4 || x < 4 || x >= 13) ink(x, y); // the a
      for (let x = 18; x < 26; x++) ink(x, y); // the i's stem, fused to the a's
    }
    for (let y = 0; y < 6; y++) for (let x = 19; x < 25; x++) labels[y * width + x] = 2; // its dot
    const src = { labels, width, height };
    const group = { box: { left: 0, top: 0, right: width, bottom: height }, ids: [1, 2] };
    const dot = { left: 19, top: 0, right: 25, bottom: 6 };
    const between = (cuts: number[]) => cuts.some((x) => x >= 17 && x <= 19);
    assert.ok(!between(cutCandidates(src, group, xHeight, true, false, 'dotted')), 'no dip between the a and the i');
    const cuts = cutCandidates(src, group, xHeight, true, false, 'dotted', [{ box: dot, descender: false }]);
    assert.ok(between(cuts), `a cut just left of the i's dot (cuts ${cuts})`);
    // A j's hook runs left under its neighbour: a cut left of its dot would give the hook away.
    assert.ok(!between(cutCandidates(src, group, xHeight, true, false, 'dotted', [{ box: dot, descender: true }])), 'none left of a j\'s dot');
  });

  it('cuts touching letters along a line around the ink, not straight down a column', () => {
    // A letter whose arm reaches up and right over the next letter (a y's arm over an a), the two
    // joined at the bottom by a bridge. A straight cut at column 11 gives the arm's tip to the right
    // piece; the cut line goes around the tip and crosses only the bridge.
    const width = 30, height = 30, xHeight = 40;
    const labels = new Int32Array(width * height);
    const arm = new Set<number>();
    const ink = (x: number, y: number, isArm = false) => {
      labels[y * width + x] = 1;
      if (isArm) arm.add(y * width + x);
    };
    for (let y = 0; y < height; y++) for (let x = 2; x < 8; x++) ink(x, y); // the left letter's stem
    for (let x = 8; x < 16; x++) for (let t = 0; t < 4; t++) ink(x, 10 - (x - 8) + t, true); // its arm, rising to the right
    for (let y = 14; y < height; y++) for (let x = 15; x < 27; x++) ink(x, y); // the right letter, below the arm's tip
    for (let y = 26; y < 29; y++) for (let x = 8; x < 15; x++) ink(x, y); // the bridge
    const src = { labels, width, height };
    const group = { box: { left: 0, top: 0, right: width, bottom: height }, ids: [1] };
    const seams = seamCuts(src, group, [11], xHeight);
    const line = seams.get(11)!;
    assert.equal(line.length, height);
    for (let y = 1; y < height; y++) assert.ok(Math.abs(line[y] - line[y - 1]) <= 1, 'a cut line moves at most a pixel a row');
    // Ink pixels of each piece, counted from its crop: the crop's dark pixels are its ink.
    const inkOf = (x0: number, x1: number, s?: Seams) => {
      const c = cropCharacter(src, group.ids, group.box, undefined, x0, x1, s)!;
      return { count: c.crop.image.data.filter((v) => v === 0).length, box: c.inkBox };
    };
    const armRight = [...arm].filter((i) => i % width >= 11).length;
    const straightRight = inkOf(11, width), seamRight = inkOf(11, width, seams), seamLeft = inkOf(0, 11, seams);
    const total = labels.filter((l) => l === 1).length;
    assert.ok(armRight > 0 && straightRight.box.top < 14, 'a straight cut takes the tip of the arm');
    assert.equal(seamRight.box.top, 14, 'the cut line leaves the whole arm to the left letter');
    assert.equal(seamLeft.count + seamRight.count, total, 'the two pieces share the ink between them');
  });

  it('lists the best cutting per number of pieces, best first, within a margin', () => {
    const box = { left: 0, top: 0, right: 30, bottom: 10 };
    // Pieces of width 10 score -0.2, width 20 -1, the whole -0.5.
    const score = (p: { x0: number; x1: number }) => ({ 10: -0.2, 20: -1, 30: -0.5 } as Record<number, number>)[p.x1 - p.x0];
    const alts = cuttingAlternatives(box, [10, 20], score, 3, 4, 0);
    assert.deepEqual(alts.map((a) => a.pieces.length), [1, 3, 2]);
    assert.ok(Math.abs(alts[0].score - (-0.5 - PIECE_COST)) < 1e-9);
    assert.ok(Math.abs(alts[1].score - 3 * (-0.2 - PIECE_COST)) < 1e-9);
    assert.deepEqual(alts[1].pieces, [{ x0: 0, x1: 10 }, { x0: 10, x1: 20 }, { x0: 20, x1: 30 }]);
    assert.deepEqual(cuttingAlternatives(box, [10, 20], score, 3, 0.5).map((a) => a.pieces.length), [1], 'margin drops the far ones');
    assert.deepEqual(cuttingAlternatives(box, [10, 20], () => undefined).map((a) => a.pieces), [[{ x0: 0, x1: 30 }]], 'nothing usable: the whole');
  });

  it('also offers the same number of pieces cut elsewhere, for the word decoder to settle', () => {
    // Three letters whose middle cut is unsure (ya|k or y|ak): the two-piece cutting at 20 is the
    // best of its count; the one at 10 reads nearly as well and must be offered too.
    const box = { left: 0, top: 0, right: 30, bottom: 10 };
    const pieceScores: Record<string, number> = { '0:30': -3, '0:10': -0.4, '10:30': -0.9, '0:20': -0.5, '20:30': -0.6, '10:20': -2.5 };
    const score = (p: { x0: number; x1: number }) => pieceScores[`${p.x0}:${p.x1}`];
    const cutAt = (a: { pieces: { x0: number; x1: number }[] }) => a.pieces.slice(1).map((p) => p.x0).join(',');
    assert.deepEqual(cuttingAlternatives(box, [10, 20], score).map(cutAt), ['20', '10', '', '10,20']);
    assert.deepEqual(cuttingAlternatives(box, [10, 20], score, 3, 4, 0).map(cutAt), ['20', '', '10,20'], 'without: one per count');
  });

  it('lets the word decoder choose between a confident whole and its pieces (tt against H)', () => {
    // The classifier prefers the whole (x, p 0.9) to two halves (y, p 0.6 each) ...
    const score: ScoreCrops = (crops) => crops.map((c) => (c.image.width / c.image.height > 1.2 ? new Float32Array([0.9, 0.1]) : new Float32Array([0.4, 0.6])));
    const labels = ['x', 'y'];
    const touching = render('oo', 'patrick-hand', { letterSpacing: -4 });
    assert.equal(readText(touching, score, labels).text, 'x', 'classifier alone: the whole');
    // ... but a decoder whose text model knows 'yy' and not 'x' turns it over.
    const seen: string[] = [];
    const r = readText(touching, score, labels, {
      decodeWord: (probs, ls) => {
        const text = probs.map((p) => ls[p[0] >= p[1] ? 0 : 1]).join('');
        seen.push(text);
        return { text, confidence: 0.5, score: text === 'yy' ? -1 : -8 };
      },
    });
    assert.ok(seen.includes('x') && seen.includes('yy'), `both readings decoded (saw ${seen.join(', ')})`);
    assert.equal(r.text, 'yy');
    assert.equal(r.lines[0].words[0].chars.length, 2, 'the chosen reading brings its own character boxes');
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
