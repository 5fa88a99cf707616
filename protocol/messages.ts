/**
 * The one message protocol between the extension host and its webviews (pad and importer).
 *
 * Both sides import these types; every inbound message is checked by ./validate before it is
 * used, so a type here is a promise the validator keeps. Requests that need an answer carry an
 * `id` and are answered by a message with the same `id` (see ./pending).
 */
import { IMAGE_BUDGET } from '../core/imageFormat';
import { MAX_LEXICON_WORD_LENGTH, MAX_LEXICON_WORDS } from '../core/decode/lexicon';
import { CHARSET_NAMES, type CharsetName } from '../core/decode/charset';
import type { ProfileSample, WriterProfile } from '../core/profile/profile';

export type { ProfileSample, WriterProfile };
/** The pad, the image importer, and the page that teaches Inkwell the writer's hand. */
export type ViewKind = 'pad' | 'importer' | 'teach';
export type InsertMode = 'cursor' | 'replaceSelection';
export type BackendPreference = 'webgl' | 'wasm' | 'cpu';
export type { CharsetName };

export const VIEW_KINDS: readonly ViewKind[] = ['pad', 'importer', 'teach'];
export const BACKENDS: readonly BackendPreference[] = ['webgl', 'wasm', 'cpu'];
/** The named character sets, as core/decode/charset.ts parses them (one list for both). */
export const CHARSETS: readonly CharsetName[] = CHARSET_NAMES;

/** Largest image file the host sends to the importer (bytes). */
export const MAX_IMAGE_BYTES = IMAGE_BUDGET.maxFileBytes;
/** Longest text a webview may ask the host to insert. */
export const MAX_INSERT_CHARS = 10_000;
/** How many characters before each cursor travel as decoding context. */
export const CONTEXT_CHARS = 20;

/** The settings a webview needs (a subset of the extension's configuration). */
/**
 * The numeric settings' ranges, defined once: package.json's `contributes.configuration` states the
 * same numbers (a unit test ties them), the host clamps to them and the validator rejects outside them.
 */
export const SETTING_RANGES = {
  autoInsertDelayMs: { min: 200, max: 60_000, integer: true },
  candidateCount: { min: 1, max: 10, integer: true },
  inkWidth: { min: 1, max: 20, integer: false },
} as const;

export interface WebviewSettings {
  readonly autoInsert: boolean;
  readonly autoInsertDelayMs: number;
  readonly candidateCount: number;
  readonly backend: BackendPreference;
  readonly inkWidth: number;
  readonly charset: CharsetName;
}

// ---------------------------------------------------------------- host -> webview

/** First message, sent only after the webview said `ready`. */
export interface InitMessage {
  readonly type: 'init';
  readonly view: ViewKind;
  /** asWebviewUri of models/char-cnn/model.json; weights are resolved next to it. */
  readonly modelUrl: string;
  /** asWebviewUri of models/ngram/char-ngram.json (the decoder's character n-gram); optional. */
  readonly ngramUrl?: string;
  /** asWebviewUri of dist/webview/, where the tfjs wasm binaries are. */
  readonly wasmDir: string;
  readonly settings: WebviewSettings;
  /** The pad's writing as it was when the pad was last closed (opaque to the host; the pad validates it). */
  readonly padState?: unknown;
  /** The writer's handwriting profile (core/profile): every view reads with it. */
  readonly profile: WriterProfile;
}

/** The profile changed (taught, learned from a correction, imported, reset). */
export interface ProfileMessage {
  readonly type: 'profile';
  readonly profile: WriterProfile;
}

export interface SettingsMessage {
  readonly type: 'settings';
  readonly settings: WebviewSettings;
}

/** Bounds of EditorContextMessage.lexicon (the decoder keeps no more either). */
export { MAX_LEXICON_WORD_LENGTH, MAX_LEXICON_WORDS };

/** Text before each cursor of the editor that will receive the insertion (primary cursor first). */
export interface EditorContextMessage {
  readonly type: 'editorContext';
  readonly before: readonly string[];
  /**
   * Identifiers of that editor's document (most frequent first) and its language's keywords: the
   * decoder prefers them over near-misses. Each identifier-like (core/decode/lexicon isLexiconWord).
   * Sent when it changed (and after every init); absent, the one sent before still holds.
   */
  readonly lexicon?: readonly string[];
}

/** Answer to an `insert` request. */
export interface InsertReplyMessage {
  readonly type: 'insertReply';
  readonly id: number;
  readonly ok: boolean;
  readonly message?: string;
}

/** Ask the importer to recognise an image file's bytes; answered by `recognizeImageReply`. */
export interface RecognizeImageRequest {
  readonly type: 'recognizeImage';
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Pad/importer actions the host triggers (commands, keybindings). */
export interface ActionMessage {
  readonly type: 'action';
  readonly action: 'clear' | 'insert' | 'awaitPaste' | 'focus';
}

export type HostToWebview =
  | InitMessage
  | ProfileMessage
  | SettingsMessage
  | EditorContextMessage
  | InsertReplyMessage
  | RecognizeImageRequest
  | ActionMessage;

// ---------------------------------------------------------------- webview -> host

/** The webview's message listener is set up; the host may now send `init`. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly view: ViewKind;
}

export interface LogMessage {
  readonly type: 'log';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

export interface ModelStatusMessage {
  readonly type: 'modelStatus';
  readonly state: 'loading' | 'ready' | 'error';
  /** tfjs backend in use once ready. */
  readonly backend?: string;
  readonly loadMs?: number;
  readonly message?: string;
}

/** The latest recognised text, as the pad shows it (informational: "Insert Last Result" repeats only inserted text). */
export interface ResultMessage {
  readonly type: 'result';
  readonly text: string;
}

/**
 * Insert text into the last focused editor; answered by `insertReply`. `key` names the writing being
 * inserted: a request whose key the host has already applied is answered without inserting again, so
 * a retry after a timeout (or a late request) never inserts twice. A new key for each new writing.
 */
export interface InsertRequest {
  readonly type: 'insert';
  readonly id: number;
  readonly key: string;
  readonly text: string;
  /**
   * Characters the writer corrected (picked another candidate) in this text, as profile samples: the
   * host adds them to the profile only once the text is inserted, and only when learning from
   * corrections is on.
   */
  readonly learn?: readonly ProfileSample[];
}

/** Most corrections one insert may teach. */
export const MAX_LEARN_SAMPLES = 200;

/** The teaching page's samples: the writer wrote the character it asked for. */
export interface TeachMessage {
  readonly type: 'teach';
  readonly samples: readonly ProfileSample[];
}

export const MAX_INSERT_KEY_CHARS = 64;

export interface RecognizedBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly text: string;
}

export type RecognizeImageReply =
  | {
      readonly type: 'recognizeImageReply';
      readonly id: number;
      readonly ok: true;
      readonly text: string;
      readonly boxes: readonly RecognizedBox[];
    }
  | {
      readonly type: 'recognizeImageReply';
      readonly id: number;
      readonly ok: false;
      readonly message: string;
    };

/**
 * The pad's writing (strokes, choices, history), sent as it changes: the host keeps the latest in the
 * workspace's storage so closing and reopening the pad keeps the ink.
 */
export interface PadStateMessage {
  readonly type: 'padState';
  readonly state: unknown;
}

/** Largest pad state kept (characters of its JSON): thousands of strokes fit. */
export const MAX_PAD_STATE_CHARS = 2_000_000;

export type WebviewToHost =
  | ReadyMessage
  | LogMessage
  | ModelStatusMessage
  | ResultMessage
  | PadStateMessage
  | InsertRequest
  | TeachMessage
  | RecognizeImageReply;

export type MessageOfType<U extends { type: string }, T extends U['type']> = Extract<U, { type: T }>;
