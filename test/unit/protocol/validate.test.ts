import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_IMAGE_BYTES, MAX_INSERT_CHARS, MAX_LEXICON_WORD_LENGTH, MAX_LEXICON_WORDS, MAX_PAD_STATE_CHARS, SETTING_RANGES, WebviewSettings } from '../../../protocol/messages';
import { parseHostToWebview, parseWebviewToHost, ParseResult } from '../../../protocol/validate';
import { addSamples, emptyProfile, MAX_SAMPLES_PER_LABEL, sampleFrom } from '../../../core/profile/profile';
import { INPUT_SIZE } from '../../../core/preprocess';

const aSample = (label = 'k', source: 'pad' | 'teach' = 'pad') =>
  sampleFrom({ pixels: new Float32Array(INPUT_SIZE * INPUT_SIZE).fill(0.5), geometry: new Float32Array([1, 1, 0]) }, label, source, new Date(0));
const profile = addSamples(emptyProfile(), [aSample('a'), aSample('b')]);

const settings: WebviewSettings = { autoInsert: false, autoInsertDelayMs: 1500, candidateCount: 5, backend: 'webgl', inkWidth: 4, charset: 'all' };

function rejects(raw: unknown, pattern: RegExp, parse: (raw: unknown) => ParseResult<unknown> = parseWebviewToHost): void {
  const r = parse(raw);
  assert.equal(r.ok, false, 'expected a rejection');
  if (!r.ok) assert.match(r.error, pattern);
}

describe('protocol: webview -> host validation', () => {
  it('accepts each well-formed message and returns it typed', () => {
    const messages = [
      { type: 'ready', view: 'pad' },
      { type: 'log', level: 'warn', message: 'x' },
      { type: 'modelStatus', state: 'ready', backend: 'webgl', loadMs: 12.5 },
      { type: 'modelStatus', state: 'loading' },
      { type: 'result', text: 'abc' },
      { type: 'insert', id: 3, key: 'k3', text: 'x1' },
      { type: 'insert', id: 4, key: 'k4', text: 'xk', learn: [aSample('k')] },
      { type: 'teach', samples: [aSample('g', 'teach'), aSample('g', 'teach')] },
      { type: 'recognizeImageReply', id: 1, ok: true, text: 'hi', boxes: [{ left: 0, top: 0, right: 3, bottom: 4, text: 'h' }] },
      { type: 'recognizeImageReply', id: 1, ok: false, message: 'blank' },
    ];
    for (const m of messages) {
      const r = parseWebviewToHost(m);
      assert.ok(r.ok, JSON.stringify(r));
      if (r.ok) assert.deepEqual(r.message, m);
    }
  });

  it('rejects non-objects and unknown types without throwing', () => {
    for (const raw of [undefined, null, 42, 'ready', [], true]) rejects(raw, /expected|unknown/);
    rejects({ type: 'deleteEverything' }, /unknown message type "deleteEverything"/);
    rejects({}, /unknown message type undefined/);
    rejects({ type: 'toString' }, /unknown message type/);
    rejects({ type: '__proto__' }, /unknown message type/);
  });

  it('rejects wrong field types, missing fields and extra fields', () => {
    rejects({ type: 'ready', view: 'editor' }, /view/);
    rejects({ type: 'ready' }, /view/);
    rejects({ type: 'insert', id: '3', text: 'x' }, /id: expected integer/);
    rejects({ type: 'insert', id: -1, text: 'x' }, /id/);
    rejects({ type: 'insert', id: 1.5, text: 'x' }, /id/);
    rejects({ type: 'insert', id: 1, key: 'k', text: 5 }, /text/);
    rejects({ type: 'insert', id: 1, text: 'x' }, /key/);
    rejects({ type: 'insert', id: 1, key: '', text: 'x' }, /key: expected a non-empty string/);
    rejects({ type: 'insert', id: 1, text: 'x', command: 'rm' }, /unexpected field 'command'/);
    rejects({ type: 'modelStatus', state: 'ready', loadMs: Number.NaN }, /loadMs/);
    rejects({ type: 'recognizeImageReply', id: 1, ok: true, text: 'a' }, /boxes/);
    rejects({ type: 'recognizeImageReply', id: 1, ok: 'yes', message: 'a' }, /ok/);
  });

  it('checks taught and corrected samples as the profile format does, and bounds them', () => {
    rejects({ type: 'teach', samples: 'k' }, /samples: expected array/);
    rejects({ type: 'teach', samples: [{ ...aSample(), label: 'ab' }] }, /samples: .*label "ab"/);
    rejects({ type: 'teach', samples: [{ ...aSample(), pixels: 'AAAA' }] }, /bitmap/);
    rejects({ type: 'teach', samples: [{ ...aSample(), source: 'elsewhere' }] }, /unknown source/);
    rejects({ type: 'teach', samples: [{ ...aSample(), extra: 1 }] }, /unexpected field 'extra'/);
    rejects({ type: 'teach', samples: Array.from({ length: MAX_SAMPLES_PER_LABEL + 1 }, () => aSample()) }, /more samples of one character/);
    rejects({ type: 'teach', samples: Array.from({ length: 201 }, () => aSample()) }, /at most 200 samples/);
    rejects({ type: 'insert', id: 1, key: 'k', text: 'x', learn: [null] }, /learn/);
  });

  it('bounds sizes: over-long text is refused, not truncated', () => {
    rejects({ type: 'insert', id: 1, key: 'k', text: 'x'.repeat(MAX_INSERT_CHARS + 1) }, /at most/);
    assert.ok(parseWebviewToHost({ type: 'insert', id: 1, key: 'k', text: 'x'.repeat(MAX_INSERT_CHARS) }).ok);
    rejects({ type: 'insert', id: 1, key: 'k'.repeat(65), text: 'x' }, /key: expected string of at most 64/);
  });

  it('survives hostile objects whose getters throw', () => {
    const hostile = Object.defineProperty({ type: 'insert', id: 1, key: 'k' }, 'text', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    rejects(hostile, /unreadable message \(boom\)/);
  });
});

describe('protocol: host -> webview validation', () => {
  it('accepts init, settings, context, replies, image requests and actions', () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const messages = [
      { type: 'init', view: 'importer', modelUrl: 'https://x/model.json', wasmDir: 'https://x/dist/webview/', settings, profile },
      { type: 'init', view: 'teach', modelUrl: 'https://x/model.json', wasmDir: 'https://x/dist/webview/', settings, profile: emptyProfile() },
      { type: 'profile', profile },
      { type: 'settings', settings: { ...settings, charset: 'digits' } },
      { type: 'editorContext', before: ['const x = ', ''] },
      { type: 'editorContext', before: ['idx = '], lexicon: ['idx', 'count', 'const', '_private', 'snake_case2'] },
      { type: 'editorContext', before: [], lexicon: [] },
      { type: 'insertReply', id: 2, ok: false, message: 'read-only' },
      { type: 'recognizeImage', id: 4, name: 'a.png', bytes },
      { type: 'action', action: 'awaitPaste' },
    ];
    for (const m of messages) assert.ok(parseHostToWebview(m).ok, JSON.stringify(m).slice(0, 80));
  });

  it('accepts image bytes as an ArrayBuffer and hands back a Uint8Array', () => {
    const r = parseHostToWebview({ type: 'recognizeImage', id: 4, name: 'a.png', bytes: new Uint8Array([1, 2]).buffer });
    assert.ok(r.ok && r.message.type === 'recognizeImage' && r.message.bytes instanceof Uint8Array && r.message.bytes.length === 2);
  });

  it('rejects bad settings, oversized images and unknown actions', () => {
    rejects({ type: 'settings', settings: { ...settings, backend: 'webgpu' } }, /backend/, parseHostToWebview);
    rejects({ type: 'settings', settings: { ...settings, candidateCount: 0 } }, /candidateCount/, parseHostToWebview);
    rejects({ type: 'settings', settings: { ...settings, charset: undefined } }, /charset/, parseHostToWebview);
    rejects({ type: 'recognizeImage', id: 1, name: 'a', bytes: [1, 2, 3] }, /Uint8Array/, parseHostToWebview);
    rejects({ type: 'recognizeImage', id: 1, name: 'a', bytes: new Uint8Array(MAX_IMAGE_BYTES + 1) }, /at most/, parseHostToWebview);
    rejects({ type: 'action', action: 'format-disk' }, /action/, parseHostToWebview);
    rejects({ type: 'profile', profile: { format: 'x' } }, /not a handwriting profile/, parseHostToWebview);
    rejects({ type: 'init', view: 'pad', modelUrl: 'm', wasmDir: 'w', settings }, /profile/, parseHostToWebview);
  });
});

describe('protocol: editorContext lexicon', () => {
  it('hands back the lexicon the host sent', () => {
    const r = parseHostToWebview({ type: 'editorContext', before: ['x'], lexicon: ['idx', 'count'] });
    assert.ok(r.ok && r.message.type === 'editorContext');
    assert.deepEqual(r.ok && r.message.type === 'editorContext' ? r.message.lexicon : undefined, ['idx', 'count']);
  });

  it('rejects a malformed lexicon: not an array, non-strings, non-identifiers, too long, too many, sparse', () => {
    const context = (lexicon: unknown) => ({ type: 'editorContext', before: ['x'], lexicon });
    rejects(context('idx'), /lexicon: expected array/, parseHostToWebview);
    rejects(context({ 0: 'idx' }), /lexicon: expected array/, parseHostToWebview);
    rejects(context(['idx', 42]), /lexicon\[1\]: expected an identifier/, parseHostToWebview);
    rejects(context(['f(a)']), /lexicon\[0\]/, parseHostToWebview);
    rejects(context(['two words']), /lexicon\[0\]/, parseHostToWebview);
    rejects(context(['x']), /lexicon\[0\]/, parseHostToWebview);
    rejects(context(['a'.repeat(MAX_LEXICON_WORD_LENGTH + 1)]), /lexicon\[0\]/, parseHostToWebview);
    rejects(context(Array.from({ length: MAX_LEXICON_WORDS + 1 }, (_, i) => `w${i}`)), /lexicon: expected array of at most/, parseHostToWebview);
    rejects(context(new Array(2)), /lexicon\[0\]: missing/, parseHostToWebview);
    rejects(context(null), /lexicon/, parseHostToWebview);
    assert.ok(parseHostToWebview(context(Array.from({ length: MAX_LEXICON_WORDS }, (_, i) => `w${i}`))).ok);
  });
});

describe('protocol: validator gaps closed', () => {
  it('rejects prototype-named own keys (__proto__, constructor, toString) instead of dropping them', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const raw = JSON.parse(`{"type":"result","text":"x","${key}":{"polluted":true}}`) as unknown;
      rejects(raw, new RegExp(`unexpected field '${key}'`));
    }
    const withSymbol = { type: 'result', text: 'x', [Symbol('s')]: 1 };
    rejects(withSymbol, /unexpected field 'Symbol\(s\)'/);
  });

  it('rejects sparse arrays', () => {
    // eslint-disable-next-line no-sparse-arrays
    const boxes = [{ left: 0, top: 0, right: 1, bottom: 1, text: 'a' }, , { left: 0, top: 0, right: 1, bottom: 1, text: 'b' }];
    rejects({ type: 'recognizeImageReply', id: 1, ok: true, text: 'ab', boxes }, /boxes\[1\]: missing \(sparse array\)/);
    rejects({ type: 'editorContext', before: new Array(3) }, /before\[0\]: missing/, parseHostToWebview);
  });

  it('rejects settings outside the ranges package.json declares', () => {
    rejects({ type: 'settings', settings: { ...settings, autoInsertDelayMs: 0 } }, /autoInsertDelayMs/, parseHostToWebview);
    rejects({ type: 'settings', settings: { ...settings, inkWidth: 0.5 } }, /inkWidth/, parseHostToWebview);
    rejects({ type: 'settings', settings: { ...settings, inkWidth: 40 } }, /inkWidth/, parseHostToWebview);
  });

  it('SETTING_RANGES and package.json state the same minimum and maximum for every numeric setting', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { type: string; minimum?: number; maximum?: number }> } };
    };
    const props = manifest.contributes.configuration.properties;
    const numeric = Object.entries(props).filter(([, p]) => p.type === 'integer' || p.type === 'number').map(([k]) => k.replace(/^inkwell\./, ''));
    assert.deepEqual(numeric.sort(), Object.keys(SETTING_RANGES).sort());
    for (const [key, range] of Object.entries(SETTING_RANGES)) {
      const p = props[`inkwell.${key}`];
      assert.equal(p.minimum, range.min, `${key} minimum`);
      assert.equal(p.maximum, range.max, `${key} maximum`);
      assert.equal(p.type, range.integer ? 'integer' : 'number', `${key} type`);
    }
  });
});

describe('protocol: the pad state the host keeps', () => {
  it('accepts plain JSON data and hands back a copy without prototypes', () => {
    const state = { version: 1, strokes: [{ id: 1, points: [{ x: 1, y: 2, t: 0, pressure: 0.5 }] }], undo: [], redo: [], choices: {}, nextId: 2 };
    const r = parseWebviewToHost({ type: 'padState', state });
    assert.ok(r.ok);
    if (r.ok && r.message.type === 'padState') {
      assert.deepEqual(r.message.state, state);
      assert.notEqual(r.message.state, state, 'a copy, not the object that came in');
    }
    assert.ok(parseHostToWebview({ type: 'init', view: 'pad', modelUrl: 'm', wasmDir: 'w', settings, padState: state, profile }).ok);
  });

  it('refuses a state over the size limit, and data JSON cannot carry', () => {
    rejects({ type: 'padState', state: 'x'.repeat(MAX_PAD_STATE_CHARS) }, /JSON data of at most/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    rejects({ type: 'padState', state: cyclic }, /expected JSON data/);
    rejects({ type: 'padState', state: () => 1 }, /expected JSON data/);
  });
});
