/**
 * The row of recognised characters (under the pad, and under the importer's preview): each with its
 * candidates as buttons; clicking one swaps it in. Spaces between words show as gaps. For the keyboard the row is one Tab stop (a roving
 * tabindex): Left/Right move between characters, Up/Down between a character's candidates, Enter or
 * Space choose, and the focus stays on the choice when the row is redrawn.
 */
import { TextCandidate } from '../recognition/engine';

export interface ShownCharacter {
  readonly key: string;
  readonly spaceBefore: boolean;
  readonly lineBreakBefore: boolean;
  readonly candidates: readonly TextCandidate[];
  /** The text in use: the user's choice or candidates[0]. */
  readonly chosen: string;
}

export class ResultsView {
  /** The candidate that holds the row's Tab stop: character index and candidate text. */
  private current: { index: number; text: string } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly onChoose: (key: string, text: string) => void,
  ) {
    root.setAttribute('role', 'list');
    root.setAttribute('aria-label', 'Recognised characters and their alternatives');
    root.addEventListener('keydown', (e) => this.key(e));
    root.addEventListener('focusin', (e) => {
      const b = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('button.candidate') : null;
      if (b) this.current = { index: Number(b.dataset.index), text: b.textContent ?? '' };
    });
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('button.candidate')];
  }

  private key(e: KeyboardEvent): void {
    const from = e.target instanceof HTMLButtonElement ? e.target : undefined;
    if (!from || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const all = this.buttons();
    const index = Number(from.dataset.index);
    const indices = [...new Set(all.map((b) => Number(b.dataset.index)))];
    const column = all.filter((b) => Number(b.dataset.index) === index);
    let to: HTMLButtonElement | undefined;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') to = column[column.indexOf(from) + (e.key === 'ArrowDown' ? 1 : -1)];
    else {
      const at = indices.indexOf(index);
      const next = e.key === 'Home' ? indices[0] : e.key === 'End' ? indices[indices.length - 1] : indices[at + (e.key === 'ArrowRight' ? 1 : -1)];
      // To the other character's choice (its first button).
      to = all.find((b) => Number(b.dataset.index) === next);
    }
    if (to) this.focus(to);
  }

  /** Brings the keyboard to a character's choice (the importer: a click on its box in the image). */
  focusCharacter(index: number): void {
    const b = this.buttons().find((x) => Number(x.dataset.index) === index);
    if (b) this.focus(b);
  }

  private focus(b: HTMLButtonElement): void {
    for (const other of this.buttons()) other.tabIndex = other === b ? 0 : -1;
    b.focus();
  }

  show(chars: readonly ShownCharacter[]): void {
    const hadFocus = this.root.contains(document.activeElement);
    const items: HTMLElement[] = [];
    chars.forEach((c, i) => {
      if (i > 0 && c.lineBreakBefore) items.push(el('div', 'linebreak', { role: 'listitem', 'aria-label': 'line break' }));
      else if (c.spaceBefore) items.push(el('div', 'space', { role: 'listitem', 'aria-label': 'space' }));
      const item = el('div', 'char', { role: 'listitem', 'aria-label': `Character ${i + 1}: ${c.chosen || 'unreadable'}` });
      const group = el('div', 'candidates', { role: 'group', 'aria-label': `Alternatives for character ${i + 1}` });
      // The text in use on top, the alternatives under it (best first).
      const chosen = c.candidates.find((x) => x.text === c.chosen) ?? (c.chosen ? { text: c.chosen, p: 0 } : undefined);
      const ordered = chosen ? [chosen, ...c.candidates.filter((x) => x.text !== c.chosen)] : c.candidates;
      for (const cand of ordered) {
        const b = el('button', cand.text === c.chosen ? 'candidate chosen' : 'candidate', {
          type: 'button',
          'aria-pressed': String(cand.text === c.chosen),
          title: cand.p > 0 ? `${cand.text} (${(cand.p * 100).toFixed(0)}%)` : cand.text,
          'data-key': c.key,
          'data-index': String(i),
          tabindex: '-1',
        });
        b.textContent = cand.text;
        b.addEventListener('click', () => this.onChoose(c.key, cand.text));
        group.append(b);
      }
      if (c.candidates.length === 0) group.append(el('span', 'unreadable', {}, '?'));
      item.append(group);
      items.push(item);
    });
    this.root.replaceChildren(...items);
    // One Tab stop: the candidate last focused (now perhaps the chosen one), else the first character's choice.
    const all = this.buttons();
    const stop =
      all.find((b) => this.current && Number(b.dataset.index) === this.current.index && b.textContent === this.current.text) ??
      all.find((b) => this.current && Number(b.dataset.index) === this.current.index) ??
      all[0];
    if (!stop) return;
    stop.tabIndex = 0;
    if (hadFocus) stop.focus();
  }
}

function el(tag: string, className: string, attrs: Record<string, string>, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
