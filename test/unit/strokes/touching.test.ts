import { strict as assert } from 'node:assert';
import { strokesToCharacters, type Stroke } from '../../../core/strokes';
import { mergeCandidates, splitTouchingLetters, touchingCuts } from '../../../core/strokes/touching';
import { Classifier, Recognizer } from '../../../core/recognizer';
import { LABELS, probs, shippedNgram } from '../decode/helpers';
import { CODE_CHARACTERS } from '../../../core/labels';
import { shippedRecognizer } from '../runtime/fixtures';
import { familiesInGroup, FONT_FAMILIES } from '../../../training/fonts';
import { traceFamily } from '../../../training/tracedFonts';
import { writeHersheyLine } from '../../../training/hersheyLines';
import { TRACED_RANGES, VOCAB } from '../../../bench/padLines';
import { lcg } from '../../../training/prng';
import { writeCodeLines } from '../../../bench/codeWriting';

/** A ring 16 wide and 20 tall (an o) centred at x = cx, from y 0 to 20. */
function ring(cx: number): Stroke {
  return Array.from({ length: 17 }, (_, k) => ({ x: cx + 8 * Math.cos((k / 16) * 2 * Math.PI), y: 10 + 10 * Math.sin((k / 16) * 2 * Math.PI) }));
}

/** A stand-in classifier over the code characters that reads each image's shape: `read` gives the masses. */
function byShape(read: (aspect: number, pixels: Float32Array) => Record<string, number>): Classifier {
  return {
    labels: [...CODE_CHARACTERS],
    probabilities: (chars) =>
      chars.map(({ inkBox, pixels }) => probs(read((inkBox.right - inkBox.left) / Math.max(1, inkBox.bottom - inkBox.top), pixels), [...CODE_CHARACTERS])),
  };
}

/** An 'n' (stem + arch) and an 'o' written so close that the pen joins them: grouping makes one character. */
function touchingNo(): Stroke[] {
  const stem: Stroke = [{ x: 0, y: 0 }, { x: 0, y: 20 }];
  const arch: Stroke = [{ x: 0, y: 6 }, { x: 6, y: 0 }, { x: 12, y: 4 }, { x: 13, y: 20 }];
  const o = ring(21);
  // Two x-height letters and one tall one, so the line has a letter size to measure widths against.
  const l: Stroke = [{ x: -20, y: -14 }, { x: -20, y: 20 }];
  return [l, stem, arch, o];
}

describe('strokes: letters that touch are cut where the classifier reads the pieces more surely', () => {
  it('groups the touching n and o as one character, then cuts it in two', () => {
    const grouped = strokesToCharacters(touchingNo(), { inkWidth: 4 });
    assert.equal(grouped.characters.length, 2, 'l, then n and o joined by the pen');
    // A stand-in classifier: a wide image (two letters) reads unsure, a letter-sized one reads sure.
    const sureness = (inputs: readonly { image: { width: number; height: number } }[]) =>
      inputs.map(({ image }) => (image.width > 1.2 * image.height ? Math.log(0.3) : Math.log(0.95)));
    const split = splitTouchingLetters(grouped, sureness);
    assert.equal(split.characters.length, 3);
    assert.deepEqual(split.characters.map((c) => c.strokeIndices), [[0], [1, 2], [3]]);
    assert.deepEqual(split.spaceBefore, [false, false, false]);
    assert.deepEqual(split.lines[0].characterIndices, [0, 1, 2]);
    assert.ok(split.characters[1].box.right <= split.characters[2].box.left + 4, 'the pieces sit side by side');
  });

  /** Two rings, then an l whose foot ends at x = `footEnd`, touching a narrow a (bowl and stem) beside it. */
  function ringsThenLa(footEnd: number): Stroke[] {
    const l: Stroke = [{ x: 0, y: -14 }, { x: 0, y: 18 }, { x: footEnd / 2, y: 20 }, { x: footEnd, y: 17 + (12 - footEnd) / 4 }];
    const bowl: Stroke = Array.from({ length: 17 }, (_, k) => ({ x: 16 + 9 * Math.cos((k / 16) * 2 * Math.PI), y: 12 + 8 * Math.sin((k / 16) * 2 * Math.PI) }));
    const stem: Stroke = [{ x: 25, y: 4 }, { x: 25, y: 20 }];
    return [ring(-60), ring(-40), l, bowl, stem];
  }
  /** A stand-in classifier: a bar (the l) or a round letter (the a) reads surely, the pair between them not. */
  const barOrRound = (inputs: readonly { image: { width: number; height: number } }[]) =>
    inputs.map(({ image }) => (image.width > 0.5 * image.height && image.width < image.height ? Math.log(0.4) : Math.log(0.95)));

  it('also tries two narrow letters joined (an l whose foot runs into an a, 0.74 letter sizes wide)', () => {
    // bench:pad-accuracy: calligraffitti's "la" in "lazy" read as one letter (L), never tried in pieces.
    const grouped = strokesToCharacters(ringsThenLa(8), { inkWidth: 3 });
    assert.deepEqual(grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2, 3, 4]], 'the l and the a joined by the pen');
    assert.deepEqual(splitTouchingLetters(grouped, barOrRound).characters.map((c) => c.strokeIndices), [[0], [1], [2], [3, 4]]);
  });

  it('cuts an l whose foot hooks under the next letter (the pieces overlap by two fifths of the l)', () => {
    const grouped = strokesToCharacters(ringsThenLa(12), { inkWidth: 3 });
    assert.deepEqual(splitTouchingLetters(grouped, barOrRound).characters.map((c) => c.strokeIndices), [[0], [1], [2], [3, 4]]);
  });

  it('keeps a wide character whole when its pieces read no more surely (an m is not cut into r and n)', () => {
    const grouped = strokesToCharacters(touchingNo(), { inkWidth: 4 });
    const split = splitTouchingLetters(grouped, (inputs) => inputs.map(() => Math.log(0.9)));
    assert.equal(split, grouped);
  });
});

describe('strokes: a letter whose tail sweeps back under the letter before it', () => {
  it('is offered apart from that letter (an e, then an x whose long stroke runs down and back under the e)', () => {
    // bench:pad-accuracy: calligraffitti's "ex" read as one y ("index" -> "indy"): by centre the x's tail
    // sat left of the e, and the boxes overlapped where only the tail ran under the e.
    const line = (a: { x: number; y: number }, b: { x: number; y: number }): Stroke => Array.from({ length: 9 }, (_, k) => ({ x: a.x + ((b.x - a.x) * k) / 8, y: a.y + ((b.y - a.y) * k) / 8 }));
    const arm = line({ x: 12, y: 2 }, { x: 26, y: 20 });
    const tail: Stroke = [...line({ x: 24, y: 2 }, { x: 10, y: 24 }), ...line({ x: 10, y: 24 }, { x: -26, y: 32 }).slice(1)];
    const grouped = strokesToCharacters([ring(-80), ring(-60), ring(-40), ring(0), arm, tail], { inkWidth: 3 });
    assert.deepEqual(grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2], [3, 4, 5]], 'the e and the x grouped as one');
    // A stand-in classifier: unsure of the three strokes together, sure of anything less.
    const cuts = touchingCuts(grouped, (inputs) => (inputs as readonly unknown[] as { strokeIndices: number[] }[]).map((c) => (c.strokeIndices.length === 3 ? -1 : -0.1)));
    assert.deepEqual(cuts.map((c) => c.alternatives.map((pieces) => pieces.map((p) => p.strokeIndices))), [[[[3], [4, 5]]]]);
  });
});

describe('strokes: with a language model, the word decides whether touching letters are cut', () => {
  /** A tall l, then (a word later) an n and an o joined by the pen. */
  function lThenNo(): Stroke[] {
    const [l, stem, arch, o] = touchingNo();
    return [l.map((p) => ({ x: p.x - 60, y: p.y })), stem, arch, o];
  }
  /**
   * A stand-in classifier that tells the images apart by their ink's aspect: the l a bar, the
   * joined "no" a wide m read unsurely, its pieces an n and an o each read no surer than the W.
   */
  const WHOLE = 'W';
  const standIn: Classifier = {
    labels: LABELS,
    probabilities: (chars) =>
      chars.map(({ inkBox }) => {
        const aspect = (inkBox.right - inkBox.left) / Math.max(1, inkBox.bottom - inkBox.top);
        if (aspect < 0.35) return probs({ l: 0.9 });
        if (aspect > 1.1) return probs({ [WHOLE]: 0.45 });
        return aspect < 0.75 ? probs({ n: 0.5, h: 0.3 }) : probs({ o: 0.5, a: 0.3 });
      }),
  };

  it('cuts "no" where the pieces alone would not be cut, and keeps it whole without the language model', () => {
    const strokes = lThenNo();
    const alone = new Recognizer(standIn).recognizeStrokes(strokes, { inkWidth: 4 });
    assert.equal(alone.text, `l ${WHOLE}`, 'the classifier alone keeps the joined letters whole');
    const withWords = new Recognizer(standIn, { ngram: shippedNgram() }).recognizeStrokes(strokes, { inkWidth: 4 });
    assert.equal(withWords.text, 'l no');
    assert.equal(withWords.grouped.characters.length, 3);
    assert.deepEqual(withWords.grouped.characters.map((c) => c.strokeIndices), [[0], [1, 2], [3]]);
  });
});

describe('strokes: with a language model, a letter written in two strokes that do not touch is joined', () => {
  /** A tall l, then (a word later) an o drawn as two arcs with a gap between them, and an n. */
  function lThenOn(): Stroke[] {
    const arc = (side: -1 | 1): Stroke =>
      Array.from({ length: 9 }, (_, k) => {
        const t = -Math.PI / 2 + (k / 8) * Math.PI;
        return { x: 8 + side * 2.5 + side * 7 * Math.cos(t), y: 10 + 10 * Math.sin(t) };
      });
    const stem: Stroke = [{ x: 22, y: 0 }, { x: 22, y: 20 }];
    const arch: Stroke = [{ x: 22, y: 6 }, { x: 28, y: 0 }, { x: 34, y: 4 }, { x: 35, y: 20 }];
    const l: Stroke = [{ x: -40, y: -14 }, { x: -40, y: 20 }];
    return [l, arc(-1), arc(1), stem, arch];
  }
  /** Stand-in classifier: a bar is an l, a half ring a bracket facing its open side, a ring an o, an arch an n. */
  const standIn = byShape((aspect, pixels): Record<string, number> => {
    if (aspect < 0.2) return { l: 0.9 };
    if (aspect < 0.5) {
      let sx = 0, sum = 0;
      pixels.forEach((v, i) => ((sx += v * (i % 28)), (sum += v)));
      return sx / sum < 13.5 ? { '(': 0.8 } : { ')': 0.8 };
    }
    return aspect < 0.85 ? { n: 0.9 } : { o: 0.9 };
  });

  it('joins two pieces read as letters whose whole reads as a symbol: a t in two pieces reads "lot", not "loJr"', () => {
    // bench:pad-accuracy: gochi-hand's t, traced as two strokes meeting at the crossing, read "Jr" ("CounJr"):
    // the whole read '+' and only wholes read as letters were tried.
    const l: Stroke = [{ x: -16, y: -14 }, { x: -16, y: 20 }];
    const o = ring(0);
    const stemAndLeftBar: Stroke = [{ x: 24, y: -8 }, { x: 24, y: 6 }, { x: 16, y: 6 }];
    const rightBarAndStem: Stroke = [{ x: 32, y: 6 }, { x: 24, y: 6 }, { x: 24, y: 20 }];
    /** Stand-in classifier: a bar is l, a ring o, ink in every quarter of the image '+' (t second), else J (r second). */
    const crossOrHook = byShape((aspect, pixels): Record<string, number> => {
      if (aspect < 0.2) return { l: 0.9 };
      if (aspect > 0.75) return { o: 0.9 };
      const quarter = [0, 0, 0, 0];
      pixels.forEach((v, i) => (quarter[(i % 28 < 14 ? 0 : 1) + (i < 14 * 28 ? 0 : 2)] += v));
      const ink = quarter.reduce((a, b) => a + b, 0);
      return quarter.every((q) => q > 0.1 * ink) ? { '+': 0.7, t: 0.25 } : { J: 0.45, r: 0.3 };
    });
    const strokes = [l, o, stemAndLeftBar, rightBarAndStem];
    assert.equal(new Recognizer(crossOrHook).recognizeStrokes(strokes, { inkWidth: 3 }).text, 'loJr', 'the classifier alone keeps the pieces apart');
    const withWords = new Recognizer(crossOrHook, { ngram: shippedNgram() }).recognizeStrokes(strokes, { inkWidth: 3 });
    assert.equal(withWords.text, 'lot');
    assert.deepEqual(withWords.grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2, 3]]);
  });

  it('reads "on", not "()n", and keeps the two arcs apart without the language model', () => {
    const strokes = lThenOn();
    const alone = new Recognizer(standIn).recognizeStrokes(strokes, { inkWidth: 3 });
    assert.equal(alone.text, 'l ()n', 'the classifier alone reads the arcs as brackets');
    const withWords = new Recognizer(standIn, { ngram: shippedNgram() }).recognizeStrokes(strokes, { inkWidth: 3 });
    assert.equal(withWords.text, 'l on');
    assert.deepEqual(withWords.grouped.characters.map((c) => c.strokeIndices), [[0], [1, 2], [3, 4]]);
  });
});

describe('strokes: a wide letter written in two pieces is offered to the decoder whole', () => {
  it('offers an m written as two humps (1.27 letter sizes wide) as one character, and no pair of rings', () => {
    // bench:pad-accuracy: playwrite-nz's and farsan's m written in two pieces read "rn" ("Prornise", "carnelCase").
    const hump = (x0: number): Stroke => [{ x: x0, y: 20 }, { x: x0, y: 4 }, { x: x0 + 5, y: 0 }, { x: x0 + 11, y: 3 }, { x: x0 + 11, y: 20 }];
    const grouped = strokesToCharacters([ring(-80), ring(-60), ring(-40), hump(0), hump(14.5), ring(45)], { inkWidth: 3 });
    assert.deepEqual(grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2], [3], [4], [5]], 'the humps apart');
    assert.equal(grouped.lines[0].letterSize, 20);
    const offered = mergeCandidates(grouped);
    assert.deepEqual(offered.map((m) => m.index), [3]);
    assert.deepEqual(offered[0].merge().strokeIndices, [3, 4]);
  });
});

describe('strokes: a narrow hand\'s touching letters are tried in pieces too', () => {
  it('reads loved-by-the-king\'s "let" and "the", whose joined letters are under 0.7 letter sizes wide (bench:pad-accuracy, narrow)', async function () {
    this.timeout(60_000);
    const recognizer = await shippedRecognizer();
    const fonts = familiesInGroup('narrow').map((id) => traceFamily(FONT_FAMILIES.find((f) => f.id === id)!));
    const rnd = lcg(20261126);
    // The bench's 28th line of the narrow group (seed 20261126), as bench:pad-accuracy writes it.
    let line = writeHersheyLine(fonts[0], VOCAB, TRACED_RANGES, rnd);
    for (let i = 1; i <= 27; i++) line = writeHersheyLine(fonts[i % fonts.length], VOCAB, TRACED_RANGES, rnd);
    assert.equal(line.text, 'String let the');
    const read = recognizer.recognizeStrokes(line.strokes, { inkWidth: line.inkWidth });
    // Before: "String |d #e" (e and t read as one d, t and h as one #).
    assert.equal(read.text, 'String let the');
  });
});

describe('strokes: with a language model, a symbol and an unsure letter beside it may be one letter', () => {
  /** An l, an o, then an x written as a '>' and a '<' whose tips do not meet (unkempt's x in `idx`). */
  function loxInHalves(): Stroke[] {
    const l: Stroke = [{ x: -20, y: -14 }, { x: -20, y: 20 }];
    const right: Stroke = [{ x: 16, y: 0 }, { x: 23, y: 10 }, { x: 16, y: 20 }];
    const left: Stroke = [{ x: 32, y: 0 }, { x: 25, y: 10 }, { x: 32, y: 20 }];
    return [l, ring(0), right, left];
  }
  /**
   * Stand-in classifier: a bar is l; a wide shape an x where its middle has ink, else an o; a narrow one
   * '>' where its middle rows have ink on the right, else (the '<', whose foot a hand serifs) a T, unsurely.
   */
  const halves = byShape((aspect, pixels): Record<string, number> => {
    if (aspect < 0.2) return { l: 0.9 };
    const inkAt = (x0: number, x1: number, y0: number, y1: number) => {
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += pixels[y * 28 + x];
      return sum;
    };
    if (aspect > 0.6) return inkAt(11, 17, 11, 17) > 0.5 ? { x: 0.8, o: 0.1 } : { o: 0.9 };
    return inkAt(14, 28, 11, 17) > inkAt(0, 14, 11, 17) ? { '>': 0.6, x: 0.1 } : { T: 0.3, '<': 0.25, x: 0.1 };
  });

  it('reads "lox", not "lo>T": the half read as a letter is unsure, and the whole reads x surely', () => {
    const strokes = loxInHalves();
    const alone = new Recognizer(halves).recognizeStrokes(strokes, { inkWidth: 3 });
    assert.deepEqual(alone.grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2], [3]], 'the halves apart as grouped');
    assert.equal(alone.text, 'lo><');
    const withWords = new Recognizer(halves, { ngram: shippedNgram() }).recognizeStrokes(strokes, { inkWidth: 3 });
    assert.deepEqual(withWords.grouped.characters.map((c) => c.strokeIndices), [[0], [1], [2, 3]]);
    assert.equal(withWords.text, 'lox');
  });
});

describe('strokes: an m written as a stem and arches', () => {
  /** `line` as the-girl-next-door writes it on the pad (bench:code's writing, `seed`), read by the shipped recogniser. */
  async function readHand(line: string, seed: number): Promise<string> {
    const recognizer = await shippedRecognizer();
    const [w] = writeCodeLines([traceFamily(FONT_FAMILIES.find((f) => f.id === 'the-girl-next-door')!)], [line], true, seed);
    return recognizer.recognizeStrokes(w.strokes, { inkWidth: w.inkWidth, guide: w.guide, charset: 'code' }).text;
  }

  it('joins the stem with the arches cut from the a they touch: "fn main() {}", not "fn rnain() {}"', async function () {
    this.timeout(60_000);
    // bench:code's tall-lowercase group: the arches touch the a, so the cut takes them from it, and the stem
    // stood alone (a join of a character with a piece of a cut was never tried).
    assert.equal(await readHand('fn main() {}', 8), 'fn main() {}');
  });

  it('joins a stem and arches read "r" and "n" into the m the classifier reads surely: "email@host.com", not "ernail@host.corn"', async function () {
    this.timeout(60_000);
    // Joined, each m decoded 1.1 to 1.6 nats better than apart, under the 2 nats a join of two letters must win by.
    assert.equal(await readHand('email@host.com', 8), 'email@host.com');
  });
});
