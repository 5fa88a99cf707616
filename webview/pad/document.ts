/**
 * What is on the pad: strokes in pad coordinates (CSS pixels) and the user's candidate choices, with
 * one undo/redo history of everything the writer did, in order: strokes, erasures, choices and
 * clears. Plain data, so it round-trips through the webview's getState/setState.
 */

export interface PadPoint {
  readonly x: number;
  readonly y: number;
  readonly t: number;
  /** 0..1 from PointerEvent.pressure; 0.5 for a mouse. */
  readonly pressure: number;
}

export interface PadStroke {
  readonly id: number;
  readonly points: readonly PadPoint[];
}

export type PadEdit =
  | { readonly kind: 'add'; readonly stroke: PadStroke }
  /** Strokes removed by the eraser or a scratch-out. */
  | { readonly kind: 'erase'; readonly strokes: readonly PadStroke[] }
  /** A candidate picked for the character whose strokes are `key`; `before` is the earlier pick, if any. */
  | { readonly kind: 'choose'; readonly key: string; readonly before?: string; readonly after: string }
  /** Everything cleared: the strokes and the choices come back with undo. */
  | { readonly kind: 'clear'; readonly strokes: readonly PadStroke[]; readonly choices?: Readonly<Record<string, string>> };

export interface PadState {
  readonly version: 1;
  readonly strokes: readonly PadStroke[];
  readonly undo: readonly PadEdit[];
  readonly redo: readonly PadEdit[];
  /** Chosen candidate per character, keyed by the ids of the character's strokes. */
  readonly choices: Readonly<Record<string, string>>;
  readonly nextId: number;
}

const MAX_HISTORY = 200;

export class PadDocument {
  private state: PadState;

  constructor(saved?: unknown) {
    this.state = isPadState(saved) ? saved : { version: 1, strokes: [], undo: [], redo: [], choices: {}, nextId: 1 };
  }

  /** Takes over a saved state (the host's copy after the pad was closed); false, and no change, if it is not one. */
  restore(saved: unknown): boolean {
    if (!isPadState(saved)) return false;
    this.state = saved;
    return true;
  }

  get snapshot(): PadState {
    return this.state;
  }

  get strokes(): readonly PadStroke[] {
    return this.state.strokes;
  }

  get isEmpty(): boolean {
    return this.state.strokes.length === 0;
  }

  get canUndo(): boolean {
    return this.state.undo.length > 0;
  }

  get canRedo(): boolean {
    return this.state.redo.length > 0;
  }

  addStroke(points: readonly PadPoint[]): void {
    const stroke: PadStroke = { id: this.state.nextId, points };
    this.apply({ kind: 'add', stroke }, { nextId: this.state.nextId + 1 });
  }

  clear(): void {
    if (this.isEmpty) return;
    this.apply({ kind: 'clear', strokes: this.state.strokes, choices: this.state.choices });
  }

  /** Removes the strokes with these ids (eraser, scratch-out) as one undoable step; false if none was there. */
  erase(ids: readonly number[]): boolean {
    const gone = this.state.strokes.filter((s) => ids.includes(s.id));
    if (gone.length === 0) return false;
    this.apply({ kind: 'erase', strokes: gone });
    return true;
  }

  choose(key: string, text: string): void {
    const before = this.state.choices[key];
    if (before === text) return;
    this.apply(before === undefined ? { kind: 'choose', key, after: text } : { kind: 'choose', key, before, after: text });
  }

  undo(): boolean {
    const edit = this.state.undo.at(-1);
    if (!edit) return false;
    this.state = { ...this.state, ...revert(this.state, edit), undo: this.state.undo.slice(0, -1), redo: [...this.state.redo, edit] };
    return true;
  }

  redo(): boolean {
    const edit = this.state.redo.at(-1);
    if (!edit) return false;
    this.state = { ...this.state, ...perform(this.state, edit), redo: this.state.redo.slice(0, -1), undo: [...this.state.undo, edit] };
    return true;
  }

  private apply(edit: PadEdit, extra: Partial<PadState> = {}): void {
    this.state = { ...this.state, ...extra, ...perform(this.state, edit), undo: [...this.state.undo, edit].slice(-MAX_HISTORY), redo: [] };
  }
}

type Content = Pick<PadState, 'strokes' | 'choices'>;

/** The strokes and choices after `edit`. */
function perform({ strokes, choices }: Content, edit: PadEdit): Content {
  switch (edit.kind) {
    case 'add':
      return { strokes: [...strokes, edit.stroke], choices };
    case 'erase': {
      const ids = new Set(edit.strokes.map((s) => s.id));
      return { strokes: strokes.filter((s) => !ids.has(s.id)), choices };
    }
    case 'choose':
      return { strokes, choices: { ...choices, [edit.key]: edit.after } };
    case 'clear':
      return { strokes: [], choices: {} };
  }
}

/** The strokes and choices before `edit`. */
function revert({ strokes, choices }: Content, edit: PadEdit): Content {
  switch (edit.kind) {
    case 'add':
      return { strokes: strokes.filter((s) => s.id !== edit.stroke.id), choices };
    case 'erase':
      // Back in writing order: ids grow with every stroke.
      return { strokes: [...strokes, ...edit.strokes].sort((a, b) => a.id - b.id), choices };
    case 'choose': {
      const { [edit.key]: _dropped, ...rest } = choices;
      return { strokes, choices: edit.before === undefined ? rest : { ...rest, [edit.key]: edit.before } };
    }
    case 'clear':
      return { strokes: edit.strokes, choices: edit.choices ?? {} };
  }
}

/** Saved state comes back from VS Code as we stored it, but a stale or foreign shape must not crash the pad. */
function isPadState(value: unknown): value is PadState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PadState>;
  const isPoint = (p: unknown) => typeof p === 'object' && p !== null && Number.isFinite((p as PadPoint).x) && Number.isFinite((p as PadPoint).y);
  const isStroke = (s: unknown) => typeof s === 'object' && s !== null && Number.isInteger((s as PadStroke).id) && Array.isArray((s as PadStroke).points) && (s as PadStroke).points.every(isPoint);
  const isEdit = (e: unknown) => {
    const edit = e as PadEdit;
    if (typeof e !== 'object' || e === null) return false;
    if (edit.kind === 'add') return isStroke(edit.stroke);
    if (edit.kind === 'erase' || edit.kind === 'clear') return Array.isArray(edit.strokes) && edit.strokes.every(isStroke);
    if (edit.kind === 'choose') return typeof edit.key === 'string' && typeof edit.after === 'string' && (edit.before === undefined || typeof edit.before === 'string');
    return false;
  };
  return (
    v.version === 1 &&
    Array.isArray(v.strokes) && v.strokes.every(isStroke) &&
    Array.isArray(v.undo) && v.undo.every(isEdit) &&
    Array.isArray(v.redo) && v.redo.every(isEdit) &&
    Number.isInteger(v.nextId) &&
    typeof v.choices === 'object' && v.choices !== null
  );
}
