import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ClipPatch, ReplacedValue } from '../../electron/api.js';
import { formatDateTime } from '../../electron/shared/date-format.js';
import { baseStyles } from '../base-styles.js';
import { emit } from '../events.js';
import { newestFirst, replacedPartLabel, replacedValueText } from '../replaced-words.js';

/** The parts a reader can take back from here: their own words. Star or read state are one click in the reader anyway. */
const RESTORABLE = { note: 'Use this note', title: 'Use this title' } as const;
type Restorable = keyof typeof RESTORABLE;

/**
 * What sync replaced in the open clip: when the same part was edited on two machines between syncs,
 * the later edit won and the other value was kept. Collapsed, since it is rarely needed, and shown
 * only when there is something in it. A replaced note or title can be taken back.
 *
 * @fires clip-update - set the clip's note or title back to a replaced value ({ patch })
 */
@customElement('sync-history')
export class SyncHistory extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; margin: 0.8rem 0 0; }
    details { border: 1px solid var(--border); border-radius: 0.35rem; background: var(--surface); padding: 0 0.75rem; }
    summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; padding: 0.4rem 0; }
    details[open] summary { border-bottom: 1px solid var(--border); }
    .hint { color: var(--muted); font-size: 0.85rem; margin: 0.5rem 0; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { display: flex; gap: 0.75rem; align-items: center; padding: 0.5rem 0; border-top: 1px solid var(--border); }
    li:first-child { border-top: 0; }
    .words { flex: 1; min-width: 0; overflow-wrap: anywhere; font-size: 0.9rem; }
    .part { font-weight: 600; }
    .now { color: var(--muted); font-size: 0.85rem; flex: none; }
    button {
      flex: none; font: inherit; font-size: 0.85rem; color: var(--text); background: var(--bg);
      border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.2rem 0.6rem; cursor: pointer;
    }
    button:hover { background: var(--selected); }
  `];

  /** The clip's replaced values, oldest first (as the API gives them). */
  @property({ attribute: false }) history: readonly ReplacedValue[] = [];
  /** The clip's note and title now, so a value already back in use offers no button. */
  @property() currentNote = '';
  @property() currentTitle = '';

  @query('summary') private _summary?: HTMLElement;
  /** Set by a restore: its button goes once the value is back, and focus should not fall to the page. */
  private _keepFocus = false;

  override render() {
    if (this.history.length === 0) return nothing;
    return html`
      <details>
        <summary>Replaced by sync (${this.history.length})</summary>
        <p class="hint">When the same thing was changed on two machines between syncs, the later change won;
          the value it replaced is kept here.</p>
        <ol aria-label="Values replaced by sync">
          ${newestFirst(this.history).map((entry, i) => this._renderEntry(entry, i))}
        </ol>
      </details>`;
  }

  private _renderEntry(entry: ReplacedValue, i: number) {
    const id = `replaced-${i}`;
    return html`
      <li>
        <span class="words" id=${id}><span class="part">${replacedPartLabel(entry.part)}:</span>
          ${replacedValueText(entry)} — written <time datetime=${entry.stamp}>${formatDateTime(entry.stamp)}</time>,
          replaced by an edit made <time datetime=${entry.replacedAt}>${formatDateTime(entry.replacedAt)}</time>
          before the machines synced</span>
        ${this._renderUse(entry, id)}
      </li>`;
  }

  private _renderUse(entry: ReplacedValue, describedBy: string) {
    const part = entry.part;
    if (!isRestorable(part)) return nothing;
    const value = entry.value[part];
    if (typeof value !== 'string' || (part === 'title' && value.trim() === '')) return nothing;
    if (value === (part === 'note' ? this.currentNote : this.currentTitle)) return html`<span class="now">In use now</span>`;
    return html`<button aria-describedby=${describedBy} @click=${() => this._onUse(part, value)}>${RESTORABLE[part]}</button>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (!this._keepFocus || !(changed.has('currentNote') || changed.has('currentTitle'))) return;
    this._keepFocus = false;
    if (!this.shadowRoot?.activeElement) this._summary?.focus();
  }

  private _onUse(part: Restorable, value: string): void {
    this._keepFocus = true;
    const patch: ClipPatch = part === 'note' ? { note: value } : { title: value };
    emit(this, 'clip-update', { patch });
  }
}

function isRestorable(part: string): part is Restorable {
  return part === 'note' || part === 'title';
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-history': SyncHistory;
  }
}
