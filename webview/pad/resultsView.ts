/**
 * The row under the pad: each recognised character with its candidates as buttons; clicking one
 * swaps it in. Spaces between words show as gaps.
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
  constructor(
    private readonly root: HTMLElement,
    private readonly onChoose: (key: string, text: string) => void,
  ) {
    root.setAttribute('role', 'list');
    root.setAttribute('aria-label', 'Recognised characters and their alternatives');
  }

  show(chars: readonly ShownCharacter[]): void {
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
  }
}

function el(tag: string, className: string, attrs: Record<string, string>, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
