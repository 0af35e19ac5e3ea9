import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ClipSummary } from '../../electron/api.js';
import { displayDate } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { emit } from '../events.js';

type Action = 'up' | 'down' | 'out';

/**
 * The clips of a press review, in its order, each with buttons to move it up or down or leave it out.
 * Focus stays with the item moved (on the next item's button after one is left out).
 *
 * @fires digest-arrange - the items in their new order ({ ids })
 */
@customElement('digest-items')
export class DigestItems extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    ol {
      list-style: none; margin: 0; padding: 0; max-height: 12rem; overflow-y: auto;
      border: 1px solid var(--border); border-radius: 0.35rem;
    }
    li { display: flex; gap: 0.5rem; align-items: center; padding: 0.3rem 0.5rem; }
    li + li { border-top: 1px solid var(--border); }
    .what { flex: 1; min-width: 0; }
    .title { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .meta { color: var(--muted); font-size: 0.85rem; }
    button {
      font: inherit; line-height: 1; padding: 0.2rem 0.45rem; border-radius: 0.3rem; border: 1px solid var(--border);
      background: var(--surface); color: var(--text); cursor: pointer;
    }
    button:disabled { opacity: 0.45; cursor: default; }
  `];

  @property({ attribute: false }) items: readonly ClipSummary[] = [];

  /** The button to focus once the list shows the change it made. */
  private _focusNext: { id: string; action: Action } | null = null;

  override render() {
    const last = this.items.length - 1;
    return html`<ol aria-label="Items in the press review">${repeat(this.items, (item) => item.id, (item, index) => html`
      <li>
        <span class="what"><span class="title">${item.title}</span>
          <span class="meta">${[item.source, displayDate(item)].filter(Boolean).join(' · ')}</span></span>
        <button data-id=${item.id} data-action="up" aria-label=${`Move up: ${item.title}`} ?disabled=${index === 0}
          @click=${() => this._onMove(index, -1)}>↑</button>
        <button data-id=${item.id} data-action="down" aria-label=${`Move down: ${item.title}`} ?disabled=${index === last}
          @click=${() => this._onMove(index, 1)}>↓</button>
        <button data-id=${item.id} data-action="out" aria-label=${`Leave out: ${item.title}`} ?disabled=${last === 0}
          @click=${() => this._onLeaveOut(index)}>✕</button>
      </li>`)}</ol>`;
  }

  override updated(): void {
    const wanted = this._focusNext;
    if (!wanted) return;
    this._focusNext = null;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>(`button[data-id="${CSS.escape(wanted.id)}"]`)];
    const button = buttons.find((candidate) => candidate.dataset['action'] === wanted.action && !candidate.disabled)
      ?? buttons.find((candidate) => !candidate.disabled);
    button?.focus();
  }

  private _onMove(index: number, step: -1 | 1): void {
    const ids = this.items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + step, 0, moved);
    this._focusNext = { id: moved, action: step < 0 ? 'up' : 'down' };
    emit(this, 'digest-arrange', { ids });
  }

  private _onLeaveOut(index: number): void {
    const ids = this.items.map((item) => item.id);
    ids.splice(index, 1);
    const next = ids[Math.min(index, ids.length - 1)];
    this._focusNext = next === undefined ? null : { id: next, action: 'out' };
    emit(this, 'digest-arrange', { ids });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'digest-items': DigestItems;
  }
  interface HTMLElementEventMap {
    'digest-arrange': CustomEvent<{ ids: string[] }>;
  }
}
