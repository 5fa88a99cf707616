// The writer's profile: its format (every import goes through parseProfile), its caps, and how its
// samples move the classifier's probabilities (core/profile/adapt.ts), with a stand-in network whose
// features are set by hand so each rule is seen on its own.
import { strict as assert } from 'node:assert';
import {
  addSamples, emptyProfile, fromBase64, MAX_PROFILE_BYTES, MAX_SAMPLES_PER_LABEL, parseProfile, ProfileError, ProfileSample,
  sampleFrom, sampleInput, serializeProfile, toBase64, WriterProfile,
} from '../../../core/profile/profile';
import { DEFAULT_ADAPT, FeatureClassifier, ProfileClassifier } from '../../../core/profile/adapt';
import { GEOMETRY_SIZE, INPUT_SIZE, NormalizedCharacter } from '../../../core/preprocess';
import { initNodeBackend } from '../../../node/nodeBackend';
import { turnedCharacter } from '../../../core/turnedReadings';

function char(fill: (i: number) => number, geometry = [1, 1, 0]): NormalizedCharacter {
  return { pixels: Float32Array.from({ length: INPUT_SIZE * INPUT_SIZE }, (_, i) => fill(i)), geometry: Float32Array.from(geometry), inkBox: { left: 0, top: 0, right: 1, bottom: 1 } };
}

function sample(label: string, when = 0, fill: (i: number) => number = (i) => (i % 7) / 6): ProfileSample {
  return sampleFrom(char(fill), label, 'teach', new Date(Date.UTC(2026, 0, 1) + when * 1000));
}

describe('core/profile: the profile format', () => {
  it('keeps a sample as the model input it stands for (to 1/255) and its geometry', () => {
    const c = char((i) => ((i * 37) % 101) / 100, [1, 1.25, -0.5]);
    const back = sampleInput(sampleFrom(c, 'g', 'pad'));
    assert.equal(back.pixels.length, INPUT_SIZE * INPUT_SIZE);
    back.pixels.forEach((v, i) => assert.ok(Math.abs(v - c.pixels[i]) <= 0.5 / 255 + 1e-6));
    assert.deepEqual(Array.from(back.geometry), [1, 1.25, -0.5]);
  });

  it('base64 round-trips every length and byte', () => {
    for (let n = 0; n < 9; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) % 256);
      assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
    }
    assert.equal(toBase64(Uint8Array.from([255, 254, 253])), '//79');
  });

  it('an exported profile reads back the same', () => {
    const p = addSamples(emptyProfile(), [sample('a'), sample('B', 1), sample('7', 2)]);
    assert.deepEqual(parseProfile(serializeProfile(p)), p);
  });

  it('refuses hostile or foreign files whole, saying what is wrong', () => {
    const good = JSON.parse(serializeProfile(addSamples(emptyProfile(), [sample('a')]))) as Record<string, unknown>;
    const withSample = (patch: Record<string, unknown>) => ({ ...good, samples: [{ ...(good.samples as object[])[0], ...patch }] });
    const cases: [unknown, RegExp][] = [
      ['', /not JSON/],
      ['{"format":', /not JSON/],
      ['[]', /JSON object/],
      ['null', /JSON object/],
      [{ ...good, format: 'something-else' }, /format is "something-else"/],
      [{ ...good, version: 2 }, /version 2/],
      [{ ...good, inputSize: 32 }, /32 pixels/],
      [{ ...good, samples: 'many' }, /no list of samples/],
      [{ ...good, samples: Array(94 * MAX_SAMPLES_PER_LABEL + 1).fill((good.samples as object[])[0]) }, /samples; at most/],
      [withSample({ label: ' ' }), /label " "/],
      [withSample({ label: 'ab' }), /label "ab"/],
      [withSample({ label: 'é' }), /label "é"/],
      [withSample({ label: 7 }), /label 7/],
      [withSample({ pixels: 'AAAA' }), /no 28x28 bitmap/],
      [withSample({ pixels: '!!!!' }), /no 28x28 bitmap/],
      [withSample({ geometry: [1, 2] }), /geometry/],
      [withSample({ geometry: [1, Number.NaN, 0] }), /geometry/],
      [withSample({ geometry: [1, 1e9, 0] }), /geometry/],
      [withSample({ source: 'cloud' }), /unknown source/],
      [withSample({ added: 'yesterday' }), /date/],
      [{ ...good, samples: [null] }, /not an object/],
      ['x'.repeat(MAX_PROFILE_BYTES * 2), /MB/],
    ];
    for (const [input, message] of cases) {
      assert.throws(() => parseProfile(typeof input === 'string' ? input : JSON.stringify(input)), (e: unknown) => e instanceof ProfileError && message.test(e.message), `${JSON.stringify(input).slice(0, 80)}`);
    }
  });

  it('keeps the newest samples of a character and the whole profile under its size', () => {
    const many = Array.from({ length: MAX_SAMPLES_PER_LABEL + 5 }, (_, k) => sample('q', k));
    const p = addSamples(emptyProfile(), many);
    assert.equal(p.samples.length, MAX_SAMPLES_PER_LABEL);
    assert.deepEqual(p.samples.map((s) => s.added), many.slice(5).map((s) => s.added), 'the oldest five dropped');
    // Every printable character, 20 each: more than the size cap holds.
    const labels = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
    let full: WriterProfile = emptyProfile();
    for (let k = 0; k < MAX_SAMPLES_PER_LABEL; k++) full = addSamples(full, labels.map((l, i) => sample(l, k * 100 + i, (j) => ((j * (i + 3) + k) % 11) / 10)));
    assert.ok(serializeProfile(full).length <= MAX_PROFILE_BYTES, `${serializeProfile(full).length} bytes`);
    assert.ok(full.samples.length > 1500, `${full.samples.length} samples kept`);
    assert.equal(full.samples[full.samples.length - 1].label, '~', 'the newest kept');
    assert.ok(!full.samples.some((s) => s.added === sample('!', 0).added), 'the oldest dropped');
  });

  it('refuses a label that is not one printable character when adding', () => {
    for (const label of ['', ' ', 'ab', '\n', 'ß']) assert.throws(() => sample(label), ProfileError);
  });
});

/** A network with three classes whose features are the first three pixels: a stand-in for the real one. */
function fakeNetwork(probs: (c: NormalizedCharacter) => number[]): FeatureClassifier & { calls: number } {
  return {
    labels: ['a', 'b', 'c'],
    calls: 0,
    probabilities(chars) {
      return chars.map((c) => Float32Array.from(probs(c)));
    },
    probabilitiesAndFeatures(chars) {
      this.calls++;
      return { probabilities: this.probabilities(chars), features: chars.map((c) => Float32Array.from(c.pixels.slice(0, 3))) };
    },
  };
}

const at = (x: number, y: number, z: number) => char((i) => (i === 0 ? x : i === 1 ? y : i === 2 ? z : 0));
const taught = (label: string, x: number, y: number, z: number) => sampleFrom(at(x, y, z), label, 'teach');

describe('core/profile: reading with a profile', () => {
  // The similarities are a matrix product on the tfjs backend: start it here, not in another file.
  before(async () => {
    await initNodeBackend();
  });

  const net = fakeNetwork(() => [0.6, 0.3, 0.1]);

  it('a character written like the writer\'s own samples of it wins', () => {
    const adapted = new ProfileClassifier(net, addSamples(emptyProfile(), [taught('b', 1, 0, 0)]), { mode: 'boost', threshold: 0.8, strength: 20 });
    const [p] = adapted.probabilities([at(1, 0.05, 0)]);
    assert.ok(p[1] > p[0], `b ${p[1]} over a ${p[0]}`);
    assert.ok(Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-5);
  });

  it('a shape unlike any sample reads as it would without the profile', () => {
    const adapted = new ProfileClassifier(net, addSamples(emptyProfile(), [taught('b', 1, 0, 0)]), { mode: 'boost', threshold: 0.8, strength: 20 });
    const [p] = adapted.probabilities([at(0, 1, 0)]);
    assert.deepEqual(Array.from(p), [0.6, 0.3, 0.1].map(Math.fround));
  });

  it('samples of characters the model cannot read, or none at all, change nothing', () => {
    const none = new ProfileClassifier(net, emptyProfile());
    const foreign = new ProfileClassifier(net, addSamples(emptyProfile(), [taught('z', 1, 0, 0)]));
    assert.equal(foreign.sampleCount, 0);
    for (const adapted of [none, foreign]) assert.deepEqual(Array.from(adapted.probabilities([at(1, 0, 0)])[0]), [0.6, 0.3, 0.1].map(Math.fround));
  });

  it('mixed in: a shape the writer taught wins however surely the network reads it otherwise; an unlike one is untouched', () => {
    const sure = fakeNetwork(() => [0.98, 0.01, 0.01]);
    const adapted = new ProfileClassifier(sure, addSamples(emptyProfile(), [taught('c', 0, 0, 1), taught('c', 0, 0.1, 1)]), { mode: 'mix', threshold: 0.7, strength: 100 });
    const [close, unlike] = adapted.probabilities([at(0, 0.05, 1), at(1, 0, 0)]);
    assert.ok(close[2] > close[0], `c ${close[2]} over a ${close[0]}`);
    assert.deepEqual(Array.from(unlike), [0.98, 0.01, 0.01].map(Math.fround));
  });

  it('the default also learns from the samples what the vote cannot reach: a taught character written further from its samples', () => {
    // The network reads the writer's c as a; a c written unlike either sample (below the vote's
    // threshold) still reads c, by the fitted correction; an unlike shape keeps its reading.
    const net = fakeNetwork((c) => (c.pixels[2] > 0.5 ? [0.7, 0.2, 0.1] : [0.1, 0.8, 0.1]));
    const samples = [taught('c', 0, 0, 1), taught('c', 0, 0.1, 1), taught('b', 1, 0, 0)];
    const [further, other] = new ProfileClassifier(net, addSamples(emptyProfile(), samples)).probabilities([at(0, 1, 1), at(1, 0.2, 0)]);
    assert.ok(further[2] > further[0], `c ${further[2]} over a ${further[0]}`);
    assert.ok(other[1] > 0.5, `b ${other[1]}`);
  });

  it('the last-layer correction, alone, learns a taught character and leaves an unlike shape nearly as it was', () => {
    const net = fakeNetwork((c) => (c.pixels[2] > 0.5 ? [0.7, 0.2, 0.1] : [0.1, 0.8, 0.1]));
    const samples = [taught('c', 0, 0, 1), taught('c', 0, 0.1, 1), taught('b', 1, 0, 0)];
    // A threshold no similarity reaches: only the fitted correction acts.
    const adapted = new ProfileClassifier(net, addSamples(emptyProfile(), samples), { mode: 'mix', threshold: 1.01, strength: 50, head: { lambda: 0.0001, steps: 200, rate: 8 } });
    const [taughtShape, other] = adapted.probabilities([at(0, 0.05, 1), at(0, 1, 0)]);
    assert.ok(taughtShape[2] > taughtShape[0], `c ${taughtShape[2]} over a ${taughtShape[0]}`);
    assert.ok(other[1] > 0.5, `an untaught shape keeps its reading (b ${other[1]})`);
  });

  it('reads an empty batch as nothing, with or without a fitted head', () => {
    const samples = addSamples(emptyProfile(), [taught('b', 1, 0, 0), taught('c', 0, 0, 1)]);
    for (const params of [undefined, { mode: 'mix' as const, threshold: 0.7, strength: 100 }]) assert.deepEqual(new ProfileClassifier(net, samples, params).probabilities([]), []);
  });

  it('teaches each sample turned a little too: a character leaning more than its sample still matches', () => {
    // A stand-in network whose features are the pixels themselves: a thin bar turned 8 degrees is
    // unlike the upright one, and like its turned copy.
    const byPixels: FeatureClassifier = { ...fakeNetwork(() => [0.6, 0.3, 0.1]), probabilitiesAndFeatures: (chars) => ({ probabilities: chars.map(() => Float32Array.of(0.6, 0.3, 0.1)), features: chars.map((c) => c.pixels) }) };
    const bar = char((i) => (Math.abs((i % INPUT_SIZE) - 13.5) < 1 && Math.floor(i / INPUT_SIZE) >= 4 && Math.floor(i / INPUT_SIZE) < 24 ? 1 : 0));
    const leaning = turnedCharacter(bar, 0.14);
    const profile = addSamples(emptyProfile(), [sampleFrom(bar, 'c', 'teach')]);
    const vote = { mode: 'mix', threshold: 0.8, strength: 50 } as const;
    const [asTaught] = new ProfileClassifier(byPixels, profile, vote).probabilities([leaning]);
    const [withTurns] = new ProfileClassifier(byPixels, profile, { ...vote, turns: [-0.14, 0.14] }).probabilities([leaning]);
    assert.ok(asTaught[0] > asTaught[2], `without turned copies the network's a stands (${Array.from(asTaught)})`);
    assert.ok(withTurns[2] > withTurns[0], `with them the writer's c wins (${Array.from(withTurns)})`);
  });

  it('a profile loaded after another reads only the samples that one did not hold, and reads the same as loaded afresh', () => {
    let inputs = 0;
    const net = fakeNetwork((c) => (c.pixels[2] > 0.5 ? [0.7, 0.2, 0.1] : [0.1, 0.8, 0.1]));
    const counting: FeatureClassifier = { labels: net.labels, probabilities: (chars) => net.probabilities(chars), probabilitiesAndFeatures: (chars) => ((inputs += chars.length), net.probabilitiesAndFeatures(chars)) };
    const before = addSamples(emptyProfile(), [taught('c', 0, 0, 1), taught('b', 1, 0, 0)]);
    const after = addSamples(before, [taught('c', 0, 0.1, 1)]);
    const first = new ProfileClassifier(counting, before);
    inputs = 0;
    const grown = new ProfileClassifier(counting, after, undefined, first);
    assert.equal(inputs, 1 + (DEFAULT_ADAPT.turns?.length ?? 0), 'the new sample and its turned copies');
    const afresh = new ProfileClassifier(counting, after);
    const read = [at(0, 1, 1), at(1, 0.2, 0)];
    assert.deepEqual(grown.probabilities(read).map((p) => Array.from(p)), afresh.probabilities(read).map((p) => Array.from(p)));
  });

  it('works out the samples\' features once, when the profile is loaded', () => {
    const counting = fakeNetwork(() => [0.6, 0.3, 0.1]);
    const adapted = new ProfileClassifier(counting, addSamples(emptyProfile(), [taught('b', 1, 0, 0), taught('c', 0, 0, 1)]));
    const before = counting.calls;
    adapted.probabilities([at(1, 0, 0)]);
    adapted.probabilities([at(0, 0, 1)]);
    assert.equal(counting.calls - before, 2, 'one forward pass per read, none for the samples again');
  });

  it("tells the decoder where the writer's small letters and capitals reach, from the samples' line geometry", () => {
    const cased = { ...fakeNetwork(() => [0.25, 0.25, 0.25, 0.25]), labels: ['a', 'c', 'A', 'C'] };
    const on = (label: string, top: number) => sampleFrom(char((i) => (i === 0 ? 1 : 0), [1, top, 0]), label, 'teach');
    const profile = addSamples(emptyProfile(), [on('a', 0.9), on('c', 0.92), on('a', 0.88), on('A', 1.1), on('C', 1.12), on('A', 1.14)]);
    const { xTop, capTop } = new ProfileClassifier(cased, profile).writerReferences;
    assert.deepEqual({ xTop, capTop }, { xTop: 0.9, capTop: 1.12 });
    const unknown = new ProfileClassifier(cased, emptyProfile()).writerReferences;
    assert.ok(Number.isNaN(unknown.xTop) && Number.isNaN(unknown.capTop), 'no samples, no heights');
  });
});
