/**
 * What is on the pad: strokes in pad coordinates (CSS pixels), with undo/redo and the user's
 * candidate choices. Plain data, so it round-trips through the webview's getState/setState.
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

export type PadEdit = { readonly kind: 'add'; readonly stroke: PadStroke } | { readonly kind: 'clear'; readonly strokes: readonly PadStroke[] };

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
    this.apply({ kind: 'clear', strokes: this.state.strokes }, { choices: {} });
  }

  undo(): boolean {
    const edit = this.state.undo.at(-1);
    if (!edit) return false;
    const strokes = edit.kind === 'add' ? this.state.strokes.filter((s) => s.id !== edit.stroke.id) : edit.strokes;
    this.state = { ...this.state, strokes, undo: this.state.undo.slice(0, -1), redo: [...this.state.redo, edit] };
    return true;
  }

  redo(): boolean {
    const edit = this.state.redo.at(-1);
    if (!edit) return false;
    const strokes = edit.kind === 'add' ? [...this.state.strokes, edit.stroke] : [];
    this.state = { ...this.state, strokes, redo: this.state.redo.slice(0, -1), undo: [...this.state.undo, edit] };
    return true;
  }

  choose(key: string, text: string): void {
    this.state = { ...this.state, choices: { ...this.state.choices, [key]: text } };
  }

  private apply(edit: PadEdit, extra: Partial<PadState>): void {
    const strokes = edit.kind === 'add' ? [...this.state.strokes, edit.stroke] : [];
    this.state = { ...this.state, ...extra, strokes, undo: [...this.state.undo, edit].slice(-MAX_HISTORY), redo: [] };
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
    return typeof e === 'object' && e !== null && ((edit.kind === 'add' && isStroke(edit.stroke)) || (edit.kind === 'clear' && Array.isArray(edit.strokes) && edit.strokes.every(isStroke)));
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
