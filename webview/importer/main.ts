/**
 * The image importer webview: open, paste or drop an image of handwriting; it is decoded and
 * recognised here, shown with the characters' boxes, and the text can be edited before Insert.
 * The host's "Recognize Handwriting in Image File…" command sends file bytes the same way.
 */
import './style.css';
import { RecognizedBox, WebviewSettings } from '../../protocol/messages';
import { HostClient, InsertKeys } from '../hostClient';
import type { EngineUrls, RecognitionEngine } from '../recognition/engine';
import { startEngine } from '../recognition/engineModule';
import { emptyProfile, isProfileLabel, sampleFrom, WriterProfile } from '../../core/profile/profile';
import { decodeImage } from '../shared/decodeImage';
import { ImagePreview } from './preview';
import { ChoicesState, ImageChoices } from './choices';

interface SavedState {
  readonly text: string;
  /** The preview with its boxes (ImagePreview.snapshot), so it comes back after the panel is hidden. */
  readonly preview?: string;
  /** The characters read and the alternatives picked. */
  readonly choices?: ChoicesState;
}

const client = new HostClient<SavedState>('importer');
let settings: WebviewSettings | undefined;
let context = '';
/** The target document's identifiers and keywords (the host resends them only when they change). */
let lexicon: readonly string[] = [];
let enginePromise: Promise<RecognitionEngine> | undefined;
let profile: WriterProfile = emptyProfile();
let resolveInit: (() => void) | undefined;
const initialised = new Promise<void>((resolve) => (resolveInit = resolve));

const app = document.getElementById('app') as HTMLElement;
app.innerHTML = `
  <div class="toolbar" role="toolbar" aria-label="Image importer tools">
    <button type="button" id="open" aria-label="Open an image file">Open Image…</button>
    <input type="file" id="file" accept="image/png,image/jpeg,image/webp,image/bmp,image/gif" hidden>
    <span class="hint">or paste (Ctrl+V) or drop an image here</span>
  </div>
  <div id="drop" class="drop" tabindex="0" role="region" aria-label="Image drop area: paste or drop an image">
    <canvas id="preview" hidden></canvas>
    <p id="placeholder" class="placeholder">No image yet.</p>
  </div>
  <div id="results" class="results" hidden></div>
  <p id="resultsNote" class="hint" hidden>The text was edited by hand, so the characters' alternatives are hidden until the next image.</p>
  <label for="text" class="label">Recognised text (pick alternatives above, or edit before inserting)</label>
  <textarea id="text" rows="3" spellcheck="false" aria-label="Recognised text, editable"></textarea>
  <div class="actions">
    <button type="button" id="insert" class="primary" title="Insert at the cursor (Ctrl+Enter)" aria-label="Insert the text at the cursor">Insert</button>
    <span id="status" class="status" role="status" aria-live="polite">Loading the handwriting model…</span>
  </div>`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const textArea = $<HTMLTextAreaElement>('text');
const fileInput = $<HTMLInputElement>('file');
const drop = $('drop');
const preview = new ImagePreview($<HTMLCanvasElement>('preview'));
const choices = new ImageChoices($('results'), $('resultsNote'), (text) => {
  textArea.value = text;
  preview.relabel(choices.state.chosen);
  previewSnapshot = preview.snapshot();
  save();
  client.post({ type: 'result', text });
});

function setStatus(message: string, isError = false): void {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

let previewSnapshot: string | undefined;

function save(): void {
  client.setState({ text: textArea.value, preview: previewSnapshot, choices: choices.state });
}

function engine(): Promise<RecognitionEngine> {
  if (!enginePromise) {
    // Read with the writer's profile, as the pad reads.
    enginePromise = initialised.then(() => startEngine(client, urls!, settings?.backend ?? 'webgl', profile));
    enginePromise.catch((err: unknown) => {
      setStatus(`The handwriting model could not load: ${err instanceof Error ? err.message : String(err)}`, true);
    });
  }
  return enginePromise;
}
let urls: EngineUrls | undefined;

/** Decode, recognise, show. Throws with a readable message on a bad image. */
async function recognizeBlob(blob: Blob, name: string): Promise<{ text: string; boxes: RecognizedBox[] }> {
  setStatus(`Reading ${name}…`);
  const decoded = await decodeImage(blob);
  const e = await engine();
  const reading = e.readImage(decoded.grey, { context, lexicon, charset: settings?.charset ?? 'code', topK: settings?.candidateCount ?? 5 });
  preview.show(decoded.bitmap, reading.boxes);
  previewSnapshot = preview.snapshot();
  $('placeholder').hidden = true;
  decoded.bitmap.close();
  textArea.value = reading.text;
  choices.set(reading.chars, reading.text, reading.inputs);
  document.body.dataset.readings = String(Number(document.body.dataset.readings ?? 0) + 1); // for tests: images read
  save();
  client.post({ type: 'result', text: reading.text });
  // Boxes go back in the original image's pixels.
  const k = 1 / decoded.scale;
  const boxes = reading.boxes.map((b) => ({ left: b.left * k, top: b.top * k, right: b.right * k, bottom: b.bottom * k, text: b.text }));
  setStatus(reading.text ? `Recognised ${reading.boxes.length} characters in ${name}. Edit the text if needed, then Insert.` : `No handwriting found in ${name}.`);
  return { text: reading.text, boxes };
}

async function recognizeFromUser(blob: Blob, name: string): Promise<void> {
  try {
    await recognizeBlob(blob, name);
  } catch (err) {
    setStatus(err instanceof Error ? err.message : String(err), true);
  }
}

const insertKeys = new InsertKeys();

async function insert(): Promise<void> {
  const t = textArea.value;
  if (!t) {
    setStatus('There is no text to insert.', true);
    return;
  }
  try {
    const reply = await client.insert(t, insertKeys.keyFor(t), await corrections(t));
    if (reply.ok) insertKeys.inserted();
    setStatus(reply.ok ? `Inserted “${t}”.` : reply.message ?? 'Nothing was inserted.', !reply.ok);
  } catch (err) {
    setStatus(err instanceof Error ? err.message : String(err), true);
  }
}

/** Picked alternatives as samples of the writer's hand; the host keeps them only once the text is inserted. */
async function corrections(text: string) {
  const picked = choices.corrections(text).filter((c) => isProfileLabel(c.label));
  if (picked.length === 0 || !enginePromise) return [];
  const e = await enginePromise;
  return picked.map((c) => sampleFrom(e.normalize(c.input), c.label, 'image'));
}

function firstImage(items: DataTransferItemList | null | undefined, files: FileList | null | undefined): File | undefined {
  for (const item of Array.from(items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile() ?? undefined;
  }
  return Array.from(files ?? []).find((f) => f.type.startsWith('image/'));
}

// ---------------------------------------------------------------- wiring

$('open').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const f = fileInput.files?.[0];
  if (f) void recognizeFromUser(f, f.name);
  fileInput.value = '';
});
document.addEventListener('paste', (e) => {
  const f = firstImage(e.clipboardData?.items, e.clipboardData?.files);
  if (!f) return;
  e.preventDefault();
  void recognizeFromUser(f, 'the pasted image');
});
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const f = firstImage(e.dataTransfer?.items, e.dataTransfer?.files);
  if (f) void recognizeFromUser(f, f.name);
  else setStatus('Drop an image file (PNG, JPEG, WebP, BMP or GIF).', true);
});
$('insert').addEventListener('click', () => void insert());
// A click on a character's box in the preview brings the keyboard to its alternatives.
$<HTMLCanvasElement>('preview').addEventListener('click', (e) => {
  const index = preview.boxAt(e.clientX, e.clientY);
  if (index !== undefined) choices.focus(index);
});
textArea.addEventListener('input', () => {
  choices.render(textArea.value === choices.text());
  save();
  client.post({ type: 'result', text: textArea.value });
});
textArea.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void insert();
  }
});

client.on('init', (m) => {
  settings = m.settings;
  urls = m;
  profile = m.profile;
  resolveInit?.();
  void engine().then((e) => setStatus(`Ready (${e.backend}). Open, paste or drop an image of handwriting.`));
});
client.on('settings', (m) => {
  settings = m.settings;
});
client.on('profile', (m) => {
  profile = m.profile;
  void enginePromise?.then((e) => e.setProfile(profile));
});
client.on('editorContext', (m) => {
  context = m.before[0] ?? '';
  if (m.lexicon) lexicon = m.lexicon;
});
client.on('action', (m) => {
  if (m.action === 'awaitPaste' || m.action === 'focus') {
    drop.focus();
    if (m.action === 'awaitPaste') setStatus('Paste an image with Ctrl+V (Cmd+V), or drop one here.');
  }
});
client.on('recognizeImage', (m) => {
  const name = m.name;
  // Copy into a plain ArrayBuffer-backed view: the Blob constructor wants exactly that.
  const blob = new Blob([new Uint8Array(m.bytes)]);
  recognizeBlob(blob, name).then(
    ({ text, boxes }) => client.post({ type: 'recognizeImageReply', id: m.id, ok: true, text, boxes }),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      setStatus(message, true);
      client.post({ type: 'recognizeImageReply', id: m.id, ok: false, message });
    },
  );
});

// A malformed image request still carries its id: answer it now rather than let the host wait.
client.onRejected = (raw, error) => {
  const r = raw as { type?: unknown; id?: unknown } | null;
  if (r && typeof r === 'object' && r.type === 'recognizeImage' && Number.isSafeInteger(r.id) && (r.id as number) >= 0) {
    client.post({ type: 'recognizeImageReply', id: r.id as number, ok: false, message: `the image did not arrive intact (${error})` });
  }
};

const saved = client.getState();
textArea.value = typeof saved?.text === 'string' ? saved.text : '';
choices.restore(saved?.choices, textArea.value);
if (typeof saved?.preview === 'string') {
  previewSnapshot = saved.preview;
  preview.restore(saved.preview, 'The last image read, with its recognised characters marked').then(
    () => ($('placeholder').hidden = true),
    () => (previewSnapshot = undefined), // a damaged snapshot: show the empty placeholder instead
  );
}
app.removeAttribute('aria-busy');
client.ready();
