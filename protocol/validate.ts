/**
 * Runtime validation of every message that crosses the host <-> webview boundary.
 *
 * Messages arrive as `unknown` (anything can be posted into a webview channel); these parsers
 * return either the typed message or a reason, and never throw, so a malformed message is
 * logged and dropped instead of breaking the UI.
 */
import {
  BACKENDS,
  CHARSETS,
  CONTEXT_CHARS,
  HostToWebview,
  MAX_IMAGE_BYTES,
  MAX_INSERT_CHARS,
  MAX_INSERT_KEY_CHARS,
  MAX_LEARN_SAMPLES,
  MAX_LEXICON_WORD_LENGTH,
  MAX_LEXICON_WORDS,
  MAX_PAD_STATE_CHARS,
  SETTING_RANGES,
  VIEW_KINDS,
  WebviewSettings,
  WebviewToHost,
} from './messages';
import { emptyProfile, parseProfile, ProfileError, ProfileSample, WriterProfile } from '../core/profile/profile';
import { isLexiconWord } from '../core/decode/lexicon';

export type ParseResult<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

/** A validator returns the typed value or throws InvalidMessage (caught inside this module only). */
type Validator<T> = (value: unknown, path: string) => T;

class InvalidMessage extends Error {}

function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidMessage(`${path}: expected ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (typeof value === 'string') return value.length > 40 ? `string(${value.length})` : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

const str =
  (maxLength: number): Validator<string> =>
  (v, p) =>
    typeof v === 'string' && v.length <= maxLength ? v : fail(p, `string of at most ${maxLength} characters`, v);

function nonEmpty(inner: Validator<string>): Validator<string> {
  return (v, p) => {
    const s = inner(v, p);
    return s.length > 0 ? s : fail(p, 'a non-empty string', v);
  };
}

/** Plain JSON data (objects, arrays, strings, finite numbers, booleans, null) of bounded size, shape unchecked. */
function jsonData(maxChars: number): Validator<unknown> {
  return (v, p) => {
    let text: string | undefined;
    try {
      text = JSON.stringify(v);
    } catch {
      fail(p, 'JSON data', v);
    }
    if (text === undefined) fail(p, 'JSON data', v);
    if (text.length > maxChars) fail(p, `JSON data of at most ${maxChars} characters`, v);
    // The parsed copy: no prototypes, getters or shared references survive.
    return JSON.parse(text) as unknown;
  };
}

const bool: Validator<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'boolean', v));

const int =
  (min: number, max: number): Validator<number> =>
  (v, p) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fail(p, `integer in [${min}, ${max}]`, v);

const num =
  (min: number, max: number): Validator<number> =>
  (v, p) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fail(p, `number in [${min}, ${max}]`, v);

function oneOf<T extends string>(values: readonly T[]): Validator<T> {
  return (v, p) => ((values as readonly unknown[]).includes(v) ? (v as T) : fail(p, values.map((x) => `'${x}'`).join(' | '), v));
}

function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (v, p) => (v === undefined ? undefined : inner(v, p));
}

function arrayOf<T>(inner: Validator<T>, maxLength: number): Validator<T[]> {
  return (v, p) => {
    if (!Array.isArray(v) || v.length > maxLength) fail(p, `array of at most ${maxLength} items`, v);
    const out: T[] = [];
    // A plain loop, not map(): map skips the holes of a sparse array, which would pass unchecked.
    for (let i = 0; i < v.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(v, i)) throw new InvalidMessage(`${p}[${i}]: missing (sparse array)`);
      out.push(inner(v[i], `${p}[${i}]`));
    }
    return out;
  };
}

/** Bytes arrive as Uint8Array (VS Code >= 1.57 recreates typed arrays) or a bare ArrayBuffer. */
const bytes =
  (maxLength: number): Validator<Uint8Array> =>
  (v, p) => {
    const b = v instanceof Uint8Array ? v : v instanceof ArrayBuffer ? new Uint8Array(v) : fail(p, 'Uint8Array', v);
    return b.length <= maxLength ? b : fail(p, `at most ${maxLength} bytes`, v);
  };

type Shape<T> = { [K in keyof T]-?: Validator<T[K]> };

/** A plain object with exactly these keys (unknown keys are rejected: they mean a version mismatch or a forgery). */
function object<T>(shape: Shape<T>): Validator<T> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'object', v);
    const record = v as Record<string, unknown>;
    // Own keys of every kind (non-enumerable and symbols too), checked as the shape's own keys: with
    // `in`, '__proto__', 'constructor' or 'toString' would match Object.prototype and pass.
    for (const key of Reflect.ownKeys(record)) {
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(shape, key)) {
        throw new InvalidMessage(`${p}: unexpected field '${String(key).slice(0, 40)}'`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const value = shape[key](record[key], `${p}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

/** Dispatch on the `type` tag to one validator per message kind. */
function tagged<U extends { type: string }>(variants: { [K in U['type']]: Validator<Extract<U, { type: K }>> }): Validator<U> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null) fail(p, 'message object', v);
    const tag = (v as { type?: unknown }).type;
    if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(variants, tag)) {
      throw new InvalidMessage(`unknown message type ${describe(tag)}`);
    }
    return (variants as Record<string, Validator<U>>)[tag](v, `${p}(${tag})`);
  };
}

const literal =
  <T extends string>(value: T): Validator<T> =>
  (v, p) =>
    v === value ? value : fail(p, `'${value}'`, v);

const requestId = int(0, Number.MAX_SAFE_INTEGER);

/** A whole profile, checked by the profile format's own parser (core/profile). */
const profile: Validator<WriterProfile> = (v, p) => {
  try {
    return parseProfile(jsonData(4 * 1024 * 1024)(v, p));
  } catch (err) {
    if (err instanceof ProfileError) throw new InvalidMessage(`${p}: ${err.message}`);
    throw err;
  }
};

/** Samples, checked as the samples of a profile would be (at most `max`, none dropped by the caps). */
function samples(max: number): Validator<ProfileSample[]> {
  return (v, p) => {
    if (!Array.isArray(v) || v.length > max) fail(p, `array of at most ${max} samples`, v);
    const checked = profile({ ...emptyProfile(), samples: v }, p).samples;
    if (checked.length !== v.length) throw new InvalidMessage(`${p}: more samples of one character than a profile keeps`);
    return [...checked];
  };
}

export const validateSettings: Validator<WebviewSettings> = object<WebviewSettings>({
  autoInsert: bool,
  autoInsertDelayMs: int(SETTING_RANGES.autoInsertDelayMs.min, SETTING_RANGES.autoInsertDelayMs.max),
  candidateCount: int(SETTING_RANGES.candidateCount.min, SETTING_RANGES.candidateCount.max),
  backend: oneOf(BACKENDS),
  inkWidth: num(SETTING_RANGES.inkWidth.min, SETTING_RANGES.inkWidth.max),
  charset: oneOf(CHARSETS),
});

const webviewToHost: Validator<WebviewToHost> = tagged<WebviewToHost>({
  ready: object({ type: literal('ready'), view: oneOf(VIEW_KINDS) }),
  log: object({ type: literal('log'), level: oneOf(['info', 'warn', 'error'] as const), message: str(4000) }),
  modelStatus: object({
    type: literal('modelStatus'),
    state: oneOf(['loading', 'ready', 'error'] as const),
    backend: optional(str(40)),
    loadMs: optional(num(0, 3_600_000)),
    message: optional(str(4000)),
  }),
  result: object({ type: literal('result'), text: str(MAX_INSERT_CHARS) }),
  padState: object({ type: literal('padState'), state: jsonData(MAX_PAD_STATE_CHARS) }),
  insert: object({ type: literal('insert'), id: requestId, key: nonEmpty(str(MAX_INSERT_KEY_CHARS)), text: str(MAX_INSERT_CHARS), learn: optional(samples(MAX_LEARN_SAMPLES)) }),
  teach: object({ type: literal('teach'), samples: samples(MAX_LEARN_SAMPLES) }),
  recognizeImageReply: (v, p) => {
    const ok = (v as { ok?: unknown }).ok;
    if (ok === true) {
      return object({
        type: literal('recognizeImageReply'),
        id: requestId,
        ok: (x, q) => (x === true ? (true as const) : fail(q, 'true', x)),
        text: str(MAX_INSERT_CHARS),
        boxes: arrayOf(
          object({ left: num(-1e6, 1e6), top: num(-1e6, 1e6), right: num(-1e6, 1e6), bottom: num(-1e6, 1e6), text: str(16) }),
          MAX_INSERT_CHARS,
        ),
      })(v, p);
    }
    return object({
      type: literal('recognizeImageReply'),
      id: requestId,
      ok: (x, q) => (x === false ? (false as const) : fail(q, 'boolean', x)),
      message: str(4000),
    })(v, p);
  },
});

/** A lexicon word: identifier-like, 2..MAX_LEXICON_WORD_LENGTH characters (what the host extracts). */
const lexiconWord: Validator<string> = (v, p) => (isLexiconWord(v) ? v : fail(p, `an identifier of 2 to ${MAX_LEXICON_WORD_LENGTH} characters`, v));

const hostToWebview: Validator<HostToWebview> = tagged<HostToWebview>({
  init: object({
    type: literal('init'),
    view: oneOf(VIEW_KINDS),
    modelUrl: str(4000),
    ngramUrl: optional(str(4000)),
    wasmDir: str(4000),
    settings: validateSettings,
    padState: optional(jsonData(MAX_PAD_STATE_CHARS)),
    profile,
  }),
  profile: object({ type: literal('profile'), profile }),
  settings: object({ type: literal('settings'), settings: validateSettings }),
  editorContext: object({
    type: literal('editorContext'),
    before: arrayOf(str(CONTEXT_CHARS * 4), 1000),
    lexicon: optional(arrayOf(lexiconWord, MAX_LEXICON_WORDS)),
  }),
  insertReply: object({ type: literal('insertReply'), id: requestId, ok: bool, message: optional(str(4000)) }),
  recognizeImage: object({ type: literal('recognizeImage'), id: requestId, name: str(1000), bytes: bytes(MAX_IMAGE_BYTES) }),
  action: object({ type: literal('action'), action: oneOf(['clear', 'insert', 'awaitPaste', 'focus'] as const) }),
});

function parse<T>(validator: Validator<T>, raw: unknown): ParseResult<T> {
  try {
    return { ok: true, message: validator(raw, 'message') };
  } catch (err) {
    if (err instanceof InvalidMessage) return { ok: false, error: err.message };
    // A getter on a hostile object could throw anything; still never let it escape.
    return { ok: false, error: `unreadable message (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Check a message the host received from a webview. */
export function parseWebviewToHost(raw: unknown): ParseResult<WebviewToHost> {
  return parse(webviewToHost, raw);
}

/** Check a message a webview received from the host. */
export function parseHostToWebview(raw: unknown): ParseResult<HostToWebview> {
  return parse(hostToWebview, raw);
}
