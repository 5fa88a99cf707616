/**
 * The drawing pad webview: write a word, see each character with its alternatives, insert it
 * at the cursor. Recognition runs here (tfjs); the host only inserts and supplies context.
 */
import './style.css';
import { CharsetName, CHARSETS, WebviewSettings } from '../../protocol/messages';
import { HostClient, InsertKeys } from '../hostClient';
import type { CharacterInput, StrokeRecognition } from '../../core/recognizer';
import { emptyProfile, isProfileLabel, sampleFrom, WriterProfile } from '../../core/profile/profile';
import type { EngineUrls, RecognitionEngine } from '../recognition/engine';
import { startEngine } from '../recognition/engineModule';
import { PadDocument, PadState } from './document';
import { InkCanvas } from './inkCanvas';
import { coveredBy, isScratchOut, touchedBy } from './erasing';
import { ResultsView, ShownCharacter } from '../shared/resultsView';

interface SavedState {
  readonly pad: PadState;
  readonly charset?: CharsetName;
}

const CHARSET_LABELS: Record<CharsetName, string> = {
  code: 'Code',
  all: 'All',
  digits: '123',
  letters: 'Aa',
  upper: 'ABC',
  lower: 'abc',
  alnum: 'A1',
};

const client = new HostClient<SavedState>('pad');
const saved = client.getState();
const doc = new PadDocument(saved?.pad);
let charsetOverride: CharsetName | undefined = saved?.charset;
let settings: WebviewSettings | undefined;
let engine: RecognitionEngine | undefined;
let context = '';
/** The target document's identifiers and keywords (the host resends them only when they change). */
let lexicon: readonly string[] = [];
/** What the pad shows, with what each character was read from (for learning from corrections). */
let shown: (ShownCharacter & { readonly input: CharacterInput; readonly decoded: string })[] = [];
let profile: WriterProfile = emptyProfile();
let starting = false;
let autoInsertTimer: ReturnType<typeof setTimeout> | undefined;
const insertKeys = new InsertKeys();

const app = document.getElementById('app') as HTMLElement;
app.innerHTML = `
  <div class="toolbar" role="toolbar" aria-label="Drawing pad tools">
    <label class="charset">Characters
      <select id="charset" aria-label="Character set">${CHARSETS.map((c) => `<option value="${c}">${CHARSET_LABELS[c]}</option>`).join('')}</select>
    </label>
    <button type="button" id="undo" title="Undo (Ctrl+Z)" aria-label="Undo last stroke">Undo</button>
    <button type="button" id="redo" title="Redo (Ctrl+Shift+Z)" aria-label="Redo stroke">Redo</button>
    <button type="button" id="clear" title="Clear (Escape)" aria-label="Clear the pad">Clear</button>
    <button type="button" id="eraser" title="Eraser: strokes you draw over go (E); a zigzag over ink erases it too" aria-label="Eraser" aria-pressed="false">Erase</button>
    <span class="spacer"></span>
    <button type="button" id="insert" class="primary" title="Insert at the cursor (Enter)" aria-label="Insert at the cursor">Insert</button>
    <button type="button" id="insertClear" title="Insert and clear (Shift+Enter)" aria-label="Insert at the cursor and clear the pad">Insert &amp; Clear</button>
  </div>
  <canvas id="pad" tabindex="0" role="img" aria-label="Drawing pad: write here with a mouse, pen or finger"></canvas>
  <div class="output">
    <div id="preview" class="preview" aria-live="polite" aria-label="Recognised text"></div>
    <div id="results" class="results"></div>
    <div id="status" class="status" role="status" aria-live="polite">Loading the handwriting model…</div>
  </div>`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const charsetSelect = $<HTMLSelectElement>('charset');
const preview = $('preview');
const status = $('status');
const results = new ResultsView($('results'), (key, text) => {
  doc.choose(key, text);
  save();
  recognize();
});
const canvas = new InkCanvas($<HTMLCanvasElement>('pad'), {
  onStrokeStart: () => {
    cancelAutoInsert();
    // New writing: what the status said about the last insert or error no longer holds.
    if (engine && !canvas.eraser && status.textContent !== WRITE_HINT) setStatus(WRITE_HINT);
  },
  onStrokeEnd: (points, erase) => {
    const penUp = performance.now();
    const reach = (settings?.inkWidth ?? 4) * 1.5 + 4;
    if (erase) {
      if (!doc.erase(touchedBy(points, doc.strokes, reach))) return canvas.show(doc.strokes.map((s) => s.points));
    } else if (isScratchOut(points)) {
      // Crossing out: never read as a character, and only what it covers goes.
      const covered = coveredBy(points, doc.strokes, settings?.inkWidth ?? 4);
      if (!doc.erase(covered)) {
        setStatus('That zigzag covered no writing, so nothing was erased.');
        return canvas.show(doc.strokes.map((s) => s.points));
      }
    } else {
      doc.addStroke(points);
    }
    save();
    recognize(penUp);
  },
});

function currentCharset(): CharsetName {
  return charsetOverride ?? settings?.charset ?? 'code';
}

let hostCopyTimer: ReturnType<typeof setTimeout> | undefined;

function save(): void {
  client.setState({ pad: doc.snapshot, charset: charsetOverride });
  // The webview's own state dies with the pad; the host keeps a copy so the ink survives a close.
  if (hostCopyTimer !== undefined) clearTimeout(hostCopyTimer);
  hostCopyTimer = setTimeout(() => client.post({ type: 'padState', state: doc.snapshot }), 250);
}

function text(): string {
  return shown.map((c, i) => (i > 0 && c.lineBreakBefore ? '\n' : c.spaceBefore ? ' ' : '') + c.chosen).join('');
}

/** Group, classify, decode and show; `since` is the pen-up time for the latency figure. */
function recognize(since = performance.now()): void {
  updateButtons();
  canvas.show(doc.strokes.map((s) => s.points));
  if (doc.isEmpty) {
    shown = [];
    render();
    client.post({ type: 'result', text: '' });
    return;
  }
  if (!engine || !settings) return;
  const strokes = doc.strokes;
  let reading: StrokeRecognition;
  const startedAt = performance.now();
  try {
    // The one pad path: characters, spaces and lines from the strokes, touching letters cut, then read.
    reading = engine.readStrokes(strokes.map((s) => s.points), {
      inkWidth: settings.inkWidth,
      guides: canvas.guideFrames(),
      context,
      lexicon,
      charset: currentCharset(),
      topK: settings.candidateCount,
    });
  } catch (err) {
    setStatus(`Recognition failed: ${err instanceof Error ? err.message : String(err)}`, true);
    client.log('error', `recognition failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return;
  }
  const grouped = reading.grouped;
  shown = grouped.characters.map((c, i) => {
    const key = c.strokeIndices.map((k) => strokes[k].id).sort((a, b) => a - b).join(',');
    const candidates = reading.chars[i]?.candidates ?? [];
    const decoded = reading.chars[i]?.text ?? '';
    const choice = doc.snapshot.choices[key];
    const chosen = choice !== undefined && candidates.some((x) => x.text === choice) ? choice : decoded || (candidates[0]?.text ?? '');
    return { key, spaceBefore: grouped.spaceBefore[i] ?? false, lineBreakBefore: grouped.lineBreakBefore[i] ?? false, candidates, chosen, input: c, decoded };
  });
  const readAt = performance.now();
  render();
  const ms = performance.now() - since;
  const phases = { recognize: readAt - startedAt, render: performance.now() - readAt };
  document.body.dataset.recognitionMs = ms.toFixed(2);
  document.dispatchEvent(new CustomEvent('inkwell:recognized', { detail: { ms, phases, text: text(), backend: engine.backend, characters: shown.length } }));
  client.post({ type: 'result', text: text() });
  scheduleAutoInsert();
}

function render(): void {
  results.show(shown);
  const t = text();
  // One line always (the output area never grows): a line break shows as ⏎; data-text keeps the text.
  preview.textContent = t.replace(/\n/g, ' ⏎ ');
  preview.dataset.text = t;
  updateButtons();
}

function updateButtons(): void {
  $<HTMLButtonElement>('undo').disabled = !doc.canUndo;
  $<HTMLButtonElement>('redo').disabled = !doc.canRedo;
  $<HTMLButtonElement>('clear').disabled = doc.isEmpty;
  const empty = text().length === 0;
  $<HTMLButtonElement>('insert').disabled = empty;
  $<HTMLButtonElement>('insertClear').disabled = empty;
}

const WRITE_HINT = 'Ready. Write on the lines; Enter inserts the text, a zigzag crosses out.';

function setStatus(message: string, isError = false): void {
  status.textContent = message;
  status.title = message; // the line is cut with an ellipsis where it is too long
  status.classList.toggle('error', isError);
}

async function insert(clearAfter: boolean): Promise<void> {
  cancelAutoInsert();
  const t = text();
  if (!t) return;
  try {
    const reply = await client.insert(t, insertKeys.keyFor(t), corrections());
    if (!reply.ok) {
      setStatus(reply.message ?? 'Nothing was inserted.', true);
      return;
    }
    insertKeys.inserted();
    setStatus(`Inserted “${t}”.`);
    if (clearAfter) clear();
    // Ready for the next word: the keyboard stays with the pad (Insert was perhaps clicked).
    $('pad').focus({ preventScroll: true });
  } catch (err) {
    setStatus(err instanceof Error ? err.message : String(err), true);
  }
}

/**
 * The characters the writer corrected (picked another candidate than the one read), as samples of
 * their handwriting: the host keeps them only if this text is inserted (and learning is on).
 */
function corrections() {
  if (!engine) return [];
  const e = engine;
  return shown
    .filter((c) => c.chosen !== c.decoded && isProfileLabel(c.chosen) && doc.snapshot.choices[c.key] === c.chosen)
    .map((c) => sampleFrom(e.normalize(c.input), c.chosen, 'pad'));
}

function clear(): void {
  cancelAutoInsert();
  doc.clear();
  save();
  recognize();
}

function undo(): void {
  if (doc.undo()) {
    save();
    recognize();
  }
}

function redo(): void {
  if (doc.redo()) {
    save();
    recognize();
  }
}

function scheduleAutoInsert(): void {
  cancelAutoInsert();
  if (!settings?.autoInsert || !text()) return;
  autoInsertTimer = setTimeout(() => void insert(true), settings.autoInsertDelayMs);
}

function cancelAutoInsert(): void {
  if (autoInsertTimer !== undefined) clearTimeout(autoInsertTimer);
  autoInsertTimer = undefined;
}

async function loadEngine(s: WebviewSettings, urls: EngineUrls): Promise<void> {
  try {
    engine = await startEngine(client, urls, s.backend, profile);
    // Plain words for the writer; which backend runs (and why) is in the tooltip and the Output log.
    setStatus(WRITE_HINT);
    status.title = `Recognition runs on ${engine.backend}${engine.backendNote ? ` (${engine.backendNote})` : ''}.`;
    recognize();
  } catch (err) {
    setStatus(`The handwriting model could not load: ${err instanceof Error ? err.message : String(err)}`, true);
  }
}

// ---------------------------------------------------------------- wiring

$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('clear').addEventListener('click', clear);
$('eraser').addEventListener('click', toggleEraser);

function toggleEraser(): void {
  canvas.eraser = !canvas.eraser;
  $('eraser').setAttribute('aria-pressed', String(canvas.eraser));
  $('pad').classList.toggle('erasing', canvas.eraser);
  setStatus(canvas.eraser ? 'Eraser: draw over the strokes to remove. Press E or the Erase button to write again.' : 'Writing. Enter inserts the text.');
}
$('insert').addEventListener('click', () => void insert(false));
$('insertClear').addEventListener('click', () => void insert(true));
charsetSelect.addEventListener('change', () => {
  charsetOverride = charsetSelect.value as CharsetName;
  save();
  recognize();
});

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  const inControl = e.target instanceof HTMLButtonElement || e.target instanceof HTMLSelectElement;
  if (e.key === 'Enter' && !inControl) {
    e.preventDefault();
    void insert(e.shiftKey || mod);
  } else if (mod && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (e.shiftKey) redo();
    else undo();
  } else if (mod && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    redo();
  } else if (e.key === 'Escape' && e.target instanceof HTMLSelectElement) {
    // Escape belongs to the dropdown (it closes it); it never wipes the pad from there.
  } else if (e.key === 'Escape' || (e.key === 'Delete' && !inControl)) {
    e.preventDefault();
    clear();
  } else if (e.key.toLowerCase() === 'e' && !mod && !e.altKey && e.target === $('pad')) {
    e.preventDefault();
    toggleEraser();
  }
});

client.on('init', (m) => {
  // A pad opened anew (no state of its own) takes back the writing it had when it was closed.
  if (!saved && doc.isEmpty && doc.restore(m.padState)) {
    canvas.show(doc.strokes.map((s) => s.points));
    updateButtons();
  }
  settings = m.settings;
  profile = m.profile;
  engine?.setProfile(profile);
  canvas.inkWidth = m.settings.inkWidth;
  charsetSelect.value = currentCharset();
  if (!engine && !starting) {
    starting = true;
    void loadEngine(m.settings, m);
  }
  else recognize();
});
client.on('profile', (m) => {
  profile = m.profile;
  if (engine) {
    engine.setProfile(profile);
    recognize();
  }
});
client.on('settings', (m) => {
  const backendChanged = settings?.backend !== m.settings.backend;
  settings = m.settings;
  canvas.inkWidth = m.settings.inkWidth;
  charsetSelect.value = currentCharset();
  if (backendChanged) client.log('info', 'backend setting changes apply when the pad is reopened');
  recognize();
});
client.on('editorContext', (m) => {
  context = m.before[0] ?? '';
  if (m.lexicon) lexicon = m.lexicon;
});
client.on('action', (m) => {
  if (m.action === 'clear') clear();
  else if (m.action === 'insert') void insert(false);
  else if (m.action === 'focus') $('pad').focus();
});

canvas.show(doc.strokes.map((s) => s.points));
charsetSelect.value = currentCharset();
updateButtons();
app.removeAttribute('aria-busy');
performance.mark('inkwell:takes-ink'); // for bench:pad (bench/padOpen.ts)
client.ready();
