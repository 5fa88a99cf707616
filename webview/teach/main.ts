/**
 * The teaching page ("Inkwell: Teach My Handwriting"): asks for each character a few times, shows
 * how Inkwell reads what was written (with what it has learned so far), and hands each sample to the
 * host, which keeps it in the writer's profile. Progress is the profile itself, so stopping and coming
 * back later carries on where it was.
 */
import './style.css';
import { CODE_CHARACTERS } from '../../core/labels';
import { countsByLabel, emptyProfile, sampleFrom, WriterProfile } from '../../core/profile/profile';
import { strokesAsOneCharacter } from '../../core/strokes';
import type { CharacterInput } from '../../core/recognizer';
import type { EngineUrls, RecognitionEngine } from '../recognition/engine';
import { startEngine } from '../recognition/engineModule';
import { HostClient } from '../hostClient';
import type { BackendPreference } from '../../protocol/messages';
import { InkCanvas } from '../pad/inkCanvas';
import type { PadPoint } from '../pad/document';

/** Samples asked for per character; more are welcome (the profile keeps up to 20). */
const SAMPLES_PER_CHARACTER = 3;
// Every character the code model reads: letters, digits and the symbols code is written with.
const LABELS = [...CODE_CHARACTERS];

interface SavedState {
  /** Characters whose last sample Inkwell read as something else: character -> what it read. */
  readonly confused: Record<string, string>;
  readonly target?: string;
}

const client = new HostClient<SavedState>('teach');
const saved = client.getState();
let confused: Record<string, string> = { ...(saved?.confused ?? {}) };
let profile: WriterProfile = emptyProfile();
let engine: RecognitionEngine | undefined;
let inkWidth = 4;
let strokes: PadPoint[][] = [];
let target = saved?.target && LABELS.includes(saved.target) ? saved.target : LABELS[0];
/** The writer chose this character themselves: stay on it until they move on. */
let pinned = false;

const app = document.getElementById('app') as HTMLElement;
app.innerHTML = `
  <div class="prompt" aria-live="polite">Write <span id="target" class="target" aria-label="the character to write"></span> once on the line, then press Enter.
    <label>Or choose a character <select id="pick" aria-label="Character to teach">${LABELS.map((l) => `<option value="${l}">${l}</option>`).join('')}</select></label>
  </div>
  <div id="progress" class="progress"></div>
  <canvas id="pad" tabindex="0" role="img" aria-label="Writing area: write the character asked for"></canvas>
  <div class="toolbar" role="toolbar" aria-label="Teaching tools">
    <button type="button" id="save" class="primary" title="Keep this as a sample (Enter)" aria-label="Keep this sample">Save Sample</button>
    <button type="button" id="clear" title="Write it again (Escape)" aria-label="Clear the writing">Clear</button>
    <button type="button" id="skip" title="Go to the next character" aria-label="Skip to the next character">Skip</button>
    <span class="spacer"></span>
    <span id="reads" class="reads" aria-live="polite"></span>
  </div>
  <div id="confused" class="confused"></div>
  <div id="status" class="status" role="status" aria-live="polite">Loading the handwriting model…</div>`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pick = $<HTMLSelectElement>('pick');
const status = $('status');
const canvas = new InkCanvas($<HTMLCanvasElement>('pad'), {
  onStrokeStart: () => undefined,
  onStrokeEnd: (points, erase) => {
    if (erase) return;
    strokes.push(points);
    canvas.show(strokes);
    showReading();
    render(); // Save and Clear now have something to act on
  },
}, { maxLines: 1 });

function setStatus(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/**
 * The writing as one character on the ruled line; undefined while there is none. Drawn as the pad
 * draws it (the pad's own path: its line frame, slant and pen width), so a sample taught here looks to
 * the profile like the same shape written on the pad; all strokes as one where the pad would see more
 * than one character in them.
 */
function written(): CharacterInput | undefined {
  if (strokes.length === 0) return undefined;
  const grouped = engine?.readStrokes(strokes, { inkWidth, guides: canvas.guideFrames(), charset: 'all', topK: 1 }).grouped;
  if (grouped?.characters.length === 1) return grouped.characters[0];
  return strokesAsOneCharacter(strokes, canvas.guideFrame(), inkWidth);
}

function showReading(): void {
  const reads = $('reads');
  const input = written();
  if (!engine || !input) {
    reads.textContent = '';
    return;
  }
  const candidates = engine.readCharacter(input, { charset: 'all', topK: 3 });
  reads.innerHTML = '';
  if (candidates.length === 0) return;
  reads.append('Inkwell reads it as ');
  const read = document.createElement('span');
  read.className = 'read';
  read.textContent = named(candidates[0].text);
  reads.append(read, candidates[0].text === target ? ' ✓' : ` (not ${named(target)} yet: saving teaches it)`);
  reads.dataset.read = candidates[0].text; // for tests
}

/** Look-alikes named, so "reads it as O, not 0" says which is which. */
const LOOK_ALIKES: Record<string, string> = { '0': '0 (zero)', O: 'O (capital o)', o: 'o (small o)', '1': '1 (one)', l: 'l (small L)', I: 'I (capital i)' };

function named(c: string): string {
  return LOOK_ALIKES[c] ?? c;
}

function counts(): Map<string, number> {
  return countsByLabel(profile);
}

/** The next character that still needs samples, after `from` (in order, wrapping round). */
function nextNeeded(from: string): string | undefined {
  const c = counts();
  const start = LABELS.indexOf(from);
  for (let k = 1; k <= LABELS.length; k++) {
    const label = LABELS[(start + k) % LABELS.length];
    if ((c.get(label) ?? 0) < SAMPLES_PER_CHARACTER) return label;
  }
  return undefined;
}

function render(): void {
  const c = counts();
  const have = c.get(target) ?? 0;
  $('target').textContent = target;
  document.body.dataset.target = target; // for tests
  pick.value = target;
  const done = LABELS.filter((l) => (c.get(l) ?? 0) >= SAMPLES_PER_CHARACTER).length;
  $('progress').textContent = `${done} of ${LABELS.length} characters taught (${SAMPLES_PER_CHARACTER} samples each). This one: ${have} saved. ${profile.samples.length} samples in your profile.`;
  const list = Object.entries(confused);
  const box = $('confused');
  box.textContent = list.length === 0 ? '' : 'Read differently before teaching: ';
  for (const [label, read] of list) {
    const item = document.createElement('span');
    item.className = 'char';
    item.textContent = `${label}→${read} `;
    box.append(item);
  }
  $<HTMLButtonElement>('save').disabled = strokes.length === 0 || !engine;
  $<HTMLButtonElement>('clear').disabled = strokes.length === 0;
  client.setState({ confused, target });
}

function clearInk(): void {
  strokes = [];
  canvas.show(strokes);
  showReading();
  render();
}

function save(): void {
  const input = written();
  if (!engine || !input) return;
  const read = engine.readCharacter(input, { charset: 'all', topK: 1 })[0]?.text;
  if (read !== undefined && read !== target) confused = { ...confused, [target]: read };
  else {
    const { [target]: _gone, ...rest } = confused;
    confused = rest;
  }
  client.post({ type: 'teach', samples: [sampleFrom(engine.normalize(input), target, 'teach')] });
  setStatus(`Saved a sample of ${target}.`);
  strokes = [];
  canvas.show(strokes);
  showReading();
  // The host answers with the new profile (see 'profile' below), which moves on when this one has enough.
  render();
}

function moveTo(label: string, byHand: boolean): void {
  target = label;
  pinned = byHand;
  clearInk();
  $('pad').focus({ preventScroll: true });
}

$('save').addEventListener('click', save);
$('clear').addEventListener('click', clearInk);
$('skip').addEventListener('click', () => moveTo(nextNeeded(target) ?? LABELS[(LABELS.indexOf(target) + 1) % LABELS.length], false));
pick.addEventListener('change', () => moveTo(pick.value, true));
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    save();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    clearInk();
  }
});

client.on('init', (m) => {
  inkWidth = m.settings.inkWidth;
  canvas.inkWidth = inkWidth;
  profile = m.profile;
  // Resume where the writer left off: the first character still short of samples.
  if (!saved?.target) target = (counts().get(target) ?? 0) >= SAMPLES_PER_CHARACTER ? nextNeeded(target) ?? target : target;
  render();
  if (!engine) void start(m.settings.backend, m);
});
client.on('profile', (m) => {
  profile = m.profile;
  engine?.setProfile(profile);
  if (!pinned && (counts().get(target) ?? 0) >= SAMPLES_PER_CHARACTER) {
    const next = nextNeeded(target);
    if (next) target = next;
    else setStatus('Every character has its samples. Write more of any you like: Inkwell keeps the newest 20 of each.');
  }
  render();
});
client.on('settings', (m) => {
  inkWidth = m.settings.inkWidth;
  canvas.inkWidth = inkWidth;
});
client.on('action', (m) => {
  if (m.action === 'focus') $('pad').focus();
  else if (m.action === 'clear') clearInk();
});

async function start(backend: BackendPreference, urls: EngineUrls): Promise<void> {
  try {
    engine = await startEngine(client, urls, backend, profile);
    setStatus('Ready. Write the character shown, press Enter to keep it; Escape to write it again.');
    showReading();
    render();
  } catch (err) {
    setStatus(`The handwriting model could not load: ${err instanceof Error ? err.message : String(err)}`, true);
  }
}

canvas.show(strokes);
render();
app.removeAttribute('aria-busy');
client.ready();
