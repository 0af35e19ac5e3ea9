import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '../events.js';
import { baseStyles } from '../base-styles.js';

const DEBOUNCE_MS = 80;

/**
 * The search field. It reports the query once typing pauses (80 ms), so each keystroke does not start
 * a search of its own; the parent drops answers to queries that are no longer current.
 *
 * @fires query-change - the query to search for ({ query, submitted: true when Enter was pressed })
 */
@customElement('search-bar')
export class SearchBar extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    form { display: flex; }
    input {
      width: 100%; font: inherit; padding: 0.45rem 0.75rem; border-radius: 0.4rem;
      border: 1px solid var(--border); background: var(--surface-raised); color: var(--text);
    }
  `];

  @property() value = '';

  @query('input') private _input!: HTMLInputElement;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  override render() {
    return html`
      <form role="search" aria-label="Search clips" @submit=${this._onSubmit}>
        <input type="search" aria-label="Search clips" placeholder="Search  (press / )" .value=${this.value}
          autocomplete="off" spellcheck="false" @input=${this._onInput}>
      </form>`;
  }

  override focus(): void {
    this._input?.focus();
    this._input?.select();
  }

  private _onInput(): void {
    this.value = this._input.value;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => emit(this, 'query-change', { query: this.value, submitted: false }), DEBOUNCE_MS);
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this._timer);
    emit(this, 'query-change', { query: this.value, submitted: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-bar': SearchBar;
  }
  interface HTMLElementEventMap {
    'query-change': CustomEvent<{ query: string; submitted: boolean }>;
  }
}
