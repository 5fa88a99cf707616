/**
 * The writer's handwriting profile: labelled samples of their own characters, kept as the model's
 * normalised input (a 28x28 ink bitmap and the line geometry), not as model-specific numbers, so a
 * new model release re-derives what it needs from the same samples and the writer's work is kept.
 *
 * One JSON format for the extension's storage, its export and import, and `inkwell profile`.
 * Everything read from outside goes through parseProfile: a bad file is refused whole.
 */
import { GEOMETRY_SIZE, INPUT_SIZE, NormalizedCharacter } from '../preprocess';

export const PROFILE_FORMAT = 'inkwell-writer-profile';
export const PROFILE_VERSION = 1;
/** Newest samples kept per character; older ones drop out as new ones come. */
export const MAX_SAMPLES_PER_LABEL = 20;
/** The whole profile, serialised, stays under this (oldest samples drop out first). */
export const MAX_PROFILE_BYTES = 2 * 1024 * 1024;
/** Where a sample came from. */
export const SAMPLE_SOURCES = ['teach', 'pad', 'image', 'cli'] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];

export interface ProfileSample {
  /** The character: one printable ASCII character, no space. */
  readonly label: string;
  /** INPUT_SIZE x INPUT_SIZE ink levels 0-255, row-major, base64. */
  readonly pixels: string;
  /** The line geometry (GEOMETRY_SIZE numbers; all 0 when the line was unknown). */
  readonly geometry: readonly number[];
  readonly source: SampleSource;
  /** ISO 8601 time it was added. */
  readonly added: string;
}

export interface WriterProfile {
  readonly format: typeof PROFILE_FORMAT;
  readonly version: typeof PROFILE_VERSION;
  readonly inputSize: number;
  readonly samples: readonly ProfileSample[];
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

export function emptyProfile(): WriterProfile {
  return { format: PROFILE_FORMAT, version: PROFILE_VERSION, inputSize: INPUT_SIZE, samples: [] };
}

/** A label a profile may hold: one printable ASCII character other than space. */
export function isProfileLabel(label: unknown): label is string {
  return typeof label === 'string' && label.length === 1 && label >= '!' && label <= '~';
}

/** A sample from a character as the model sees it. */
export function sampleFrom(char: Pick<NormalizedCharacter, 'pixels' | 'geometry'>, label: string, source: SampleSource, added = new Date()): ProfileSample {
  if (!isProfileLabel(label)) throw new ProfileError(`'${label}' is not a character a profile can hold (one printable character, not a space).`);
  if (char.pixels.length !== INPUT_SIZE * INPUT_SIZE) throw new ProfileError(`A sample has ${INPUT_SIZE}x${INPUT_SIZE} pixels, got ${char.pixels.length}.`);
  const bytes = new Uint8Array(char.pixels.length);
  char.pixels.forEach((v, i) => (bytes[i] = Math.round(Math.min(1, Math.max(0, v)) * 255)));
  return { label, pixels: toBase64(bytes), geometry: Array.from(char.geometry, (g) => Math.round(g * 1e4) / 1e4), source, added: added.toISOString() };
}

/** The model input a sample stands for. */
export function sampleInput(sample: ProfileSample): Pick<NormalizedCharacter, 'pixels' | 'geometry'> {
  const bytes = fromBase64(sample.pixels);
  return { pixels: Float32Array.from(bytes, (b) => b / 255), geometry: Float32Array.from(sample.geometry) };
}

/**
 * The profile with `added` appended, then capped: at most MAX_SAMPLES_PER_LABEL per character (its
 * oldest go) and MAX_PROFILE_BYTES in all (the oldest overall go). Returns a new profile.
 */
export function addSamples(profile: WriterProfile, added: readonly ProfileSample[]): WriterProfile {
  let samples = [...profile.samples, ...added];
  const perLabel = new Map<string, number>();
  // Walk newest first, keeping each label's newest MAX_SAMPLES_PER_LABEL.
  const keep = new Array<boolean>(samples.length).fill(false);
  for (let i = samples.length - 1; i >= 0; i--) {
    const n = perLabel.get(samples[i].label) ?? 0;
    if (n < MAX_SAMPLES_PER_LABEL) keep[i] = true;
    perLabel.set(samples[i].label, n + 1);
  }
  samples = samples.filter((_, i) => keep[i]);
  let bytes = serializedSize({ ...profile, samples });
  while (bytes > MAX_PROFILE_BYTES && samples.length > 0) {
    bytes -= JSON.stringify(samples[0]).length + 1;
    samples = samples.slice(1);
  }
  return { ...profile, samples };
}

/** Samples per character, in label order. */
export function countsByLabel(profile: WriterProfile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of [...profile.samples].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return counts;
}

export function serializeProfile(profile: WriterProfile): string {
  return JSON.stringify(profile);
}

function serializedSize(profile: WriterProfile): number {
  return serializeProfile(profile).length;
}

/**
 * A profile from untrusted JSON text or a parsed value (an import, a file given to the command line,
 * the extension's own storage). Throws ProfileError saying what is wrong; never returns half a profile.
 */
export function parseProfile(input: unknown): WriterProfile {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PROFILE_BYTES * 1.5) throw new ProfileError(`The profile is ${(input.length / 1048576).toFixed(1)} MB; a profile is at most ${MAX_PROFILE_BYTES / 1048576} MB.`);
    try {
      value = JSON.parse(input);
    } catch {
      throw new ProfileError('The file is not a handwriting profile (it is not JSON).');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProfileError('The file is not a handwriting profile (expected a JSON object).');
  const v = value as Record<string, unknown>;
  if (v.format !== PROFILE_FORMAT) throw new ProfileError(`The file is not a handwriting profile (format is ${JSON.stringify(v.format)}, expected "${PROFILE_FORMAT}").`);
  if (v.version !== PROFILE_VERSION) throw new ProfileError(`This profile has version ${JSON.stringify(v.version)}; this Inkwell reads version ${PROFILE_VERSION}.`);
  if (v.inputSize !== INPUT_SIZE) throw new ProfileError(`The profile's samples are ${String(v.inputSize)} pixels wide; this Inkwell uses ${INPUT_SIZE}.`);
  if (!Array.isArray(v.samples)) throw new ProfileError('The profile has no list of samples.');
  if (v.samples.length > 94 * MAX_SAMPLES_PER_LABEL) throw new ProfileError(`The profile has ${v.samples.length} samples; at most ${MAX_SAMPLES_PER_LABEL} per character are kept.`);
  const samples = v.samples.map((s, i) => parseSample(s, i));
  const profile: WriterProfile = { format: PROFILE_FORMAT, version: PROFILE_VERSION, inputSize: INPUT_SIZE, samples };
  // A valid file beyond the caps is cut to them as adding would, not refused.
  return addSamples({ ...profile, samples: [] }, samples);
}

const SAMPLE_FIELDS = ['label', 'pixels', 'geometry', 'source', 'added'];

function parseSample(s: unknown, i: number): ProfileSample {
  const where = `sample ${i + 1}`;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new ProfileError(`The profile's ${where} is not an object.`);
  const o = s as Record<string, unknown>;
  const unexpected = Object.keys(o).find((k) => !SAMPLE_FIELDS.includes(k));
  if (unexpected !== undefined) throw new ProfileError(`The profile's ${where} has an unexpected field '${unexpected.slice(0, 40)}'.`);
  if (!isProfileLabel(o.label)) throw new ProfileError(`The profile's ${where} has the label ${JSON.stringify(o.label)}; a label is one printable character.`);
  if (typeof o.pixels !== 'string' || !BASE64.test(o.pixels) || base64Length(o.pixels) !== INPUT_SIZE * INPUT_SIZE) {
    throw new ProfileError(`The profile's ${where} ('${o.label}') has no ${INPUT_SIZE}x${INPUT_SIZE} bitmap.`);
  }
  if (!Array.isArray(o.geometry) || o.geometry.length !== GEOMETRY_SIZE || !o.geometry.every((g) => typeof g === 'number' && Number.isFinite(g) && Math.abs(g) <= 100)) {
    throw new ProfileError(`The profile's ${where} ('${o.label}') has no valid line geometry.`);
  }
  if (!SAMPLE_SOURCES.includes(o.source as SampleSource)) throw new ProfileError(`The profile's ${where} ('${o.label}') has an unknown source ${JSON.stringify(o.source)}.`);
  if (typeof o.added !== 'string' || o.added.length > 40 || Number.isNaN(Date.parse(o.added))) throw new ProfileError(`The profile's ${where} ('${o.label}') has no valid date.`);
  return { label: o.label, pixels: o.pixels, geometry: o.geometry as number[], source: o.source as SampleSource, added: o.added };
}

// ---------------------------------------------------------------- base64 (the core has neither Buffer nor btoa)

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Length(text: string): number {
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new ProfileError('Not base64.');
  const out = new Uint8Array(base64Length(text));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (ALPHABET.indexOf(text[i]) << 18) | (ALPHABET.indexOf(text[i + 1]) << 12) | (Math.max(0, ALPHABET.indexOf(text[i + 2])) << 6) | Math.max(0, ALPHABET.indexOf(text[i + 3]));
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
