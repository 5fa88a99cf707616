/**
 * The importer's characters and their alternatives, as editable as the pad's: the row of characters
 * under the preview (the shared ResultsView), a pick recomposes the text. Once the text is edited by
 * hand the characters no longer match it, so the row steps aside until the next image.
 */
import type { ImageCharacter } from '../recognition/engine';
import type { CharacterInput } from '../../core/recognizer';
import { ResultsView } from '../shared/resultsView';

/** What the importer keeps of a reading in its saved state (so the choices survive the panel hiding). */
export interface ChoicesState {
  readonly chars: readonly ImageCharacter[];
  readonly chosen: readonly string[];
}

export class ImageChoices {
  private chars: readonly ImageCharacter[] = [];
  private chosen: string[] = [];
  /** What each character was read from; only for a reading made now (saved state keeps no images). */
  private inputs: readonly CharacterInput[] = [];
  private readonly view: ResultsView;

  constructor(
    private readonly root: HTMLElement,
    private readonly note: HTMLElement,
    /** A pick changed the text: the importer puts it in the text box. */
    private readonly onText: (text: string) => void,
  ) {
    this.view = new ResultsView(root, (key, text) => {
      this.chosen[Number(key)] = text;
      this.onText(this.text());
      this.render(true);
    });
  }

  /** A new reading; returns false (and shows no row) when its characters do not spell its text. */
  set(chars: readonly ImageCharacter[], text: string, inputs: readonly CharacterInput[]): boolean {
    this.chars = chars;
    this.chosen = chars.map((c) => c.text);
    this.inputs = inputs.length === chars.length ? inputs : [];
    if (this.text() !== text) this.chars = this.chosen = [];
    this.render(true);
    return this.chars.length > 0;
  }

  /** The text the characters spell with the choices made. */
  text(): string {
    return this.chars.map((c, i) => (i > 0 && c.lineBreakBefore ? '\n' : c.spaceBefore ? ' ' : '') + this.chosen[i]).join('');
  }

  /** The text box changed: the row shows only while the text is what the characters spell. */
  render(matches: boolean): void {
    const shown = matches && this.chars.length > 0;
    this.root.hidden = !shown;
    this.note.hidden = shown || this.chars.length === 0;
    if (!shown) return;
    this.view.show(this.chars.map((c, i) => ({ key: String(i), spaceBefore: c.spaceBefore, lineBreakBefore: c.lineBreakBefore, candidates: c.candidates, chosen: this.chosen[i] })));
  }

  /**
   * The characters the writer corrected by picking another candidate, with what each was read from:
   * only while the text box holds exactly what the characters spell (the box-to-character match is
   * then certain).
   */
  corrections(textBox: string): { input: CharacterInput; label: string }[] {
    if (textBox !== this.text() || this.inputs.length !== this.chars.length) return [];
    return this.chars.flatMap((c, i) => (this.chosen[i] !== c.text ? [{ input: this.inputs[i], label: this.chosen[i] }] : []));
  }

  /** A click on a character's box in the preview: the keyboard goes to its alternatives. */
  focus(index: number): void {
    if (!this.root.hidden) this.view.focusCharacter(index);
  }

  get state(): ChoicesState {
    return { chars: this.chars, chosen: this.chosen };
  }

  /** Back from saved state; anything malformed leaves no row. */
  restore(state: unknown, text: string): void {
    const s = state as Partial<ChoicesState> | undefined;
    const ok =
      !!s && Array.isArray(s.chars) && Array.isArray(s.chosen) && s.chars.length === s.chosen.length &&
      s.chars.every((c) => c && typeof c.text === 'string' && Array.isArray(c.candidates) && (c.candidates as unknown[]).every((x) => !!x && typeof (x as { text?: unknown }).text === 'string' && typeof (x as { p?: unknown }).p === 'number')) &&
      s.chosen.every((c) => typeof c === 'string');
    this.chars = ok ? s.chars! : [];
    this.chosen = ok ? [...s.chosen!] : [];
    this.inputs = [];
    this.render(this.text() === text);
  }
}
