import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { emit } from '../events.js';
import { baseStyles } from '../base-styles.js';
import { tagKey } from '../../electron/shared/tag-names.js';

const MAX_SUGGESTIONS = 8;

/**
 * A clip's tags, each with a remove button, and an input that suggests existing tag names as you
 * type (the ARIA 1.2 combobox pattern: arrows move through suggestions, Enter adds, Escape closes).
 *
 * @fires tags-add - add tags to the clip ({ names })
 * @fires tags-remove - remove a tag from the clip ({ name })
 */
@customElement('tag-editor')
export class TagEditor extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; list-style: none; margin: 0; padding: 0; }
    .chip {
      display: inline-flex; align-items: center;
      border: 1px solid var(--border); border-radius: 1rem; padding: 0 0.2rem 0 0.6rem; font-size: 0.85rem;
    }
    .chip button {
      font: inherit; background: none; border: 0; color: var(--muted);
      cursor: pointer; border-radius: 1rem; padding: 0.1rem 0.4rem;
    }
    .chip button:hover { color: var(--text); background: var(--selected); }
    .combo { position: relative; }
    input {
      font: inherit; font-size: 0.85rem; width: 11rem; padding: 0.2rem 0.5rem;
      border: 1px solid var(--border); border-radius: 1rem; background: var(--bg); color: var(--text);
    }
    [role='listbox'] {
      position: absolute; z-index: 5; top: 100%; left: 0; min-width: 100%; margin: 0.2rem 0 0; padding: 0.25rem 0; list-style: none;
      background: var(--surface-raised); border: 1px solid var(--border); border-radius: 0.4rem; box-shadow: var(--shadow);
    }
    [role='option'] { padding: 0.25rem 0.7rem; cursor: pointer; white-space: nowrap; }
    [role='option'][aria-selected='true'] { background: var(--selected); }
  `];

  @property({ attribute: false }) tags: readonly string[] = [];
  /** Every tag in the library, for suggestions. */
  @property({ attribute: false }) allTags: readonly string[] = [];

  @state() private _text = '';
  @state() private _open = false;
  @state() private _active = -1;
  @query('input') private _input!: HTMLInputElement;

  override render() {
    const suggestions = this._suggestions();
    const open = this._open && suggestions.length > 0;
    return html`
      <ul class="tags" aria-label="Tags">
        ${this.tags.map((tag) => html`
          <li class="chip">${tag}<button aria-label="Remove tag ${tag}"
            @click=${() => emit(this, 'tags-remove', { name: tag })}>✕</button></li>`)}
        <li class="combo">
          <input role="combobox" aria-label="Add tag" placeholder="Add tag…" autocomplete="off" spellcheck="false"
            aria-autocomplete="list" aria-controls="suggestions" aria-expanded=${open}
            aria-activedescendant=${open && this._active >= 0 ? `suggestion-${this._active}` : nothing}
            .value=${this._text} @input=${this._onInput} @keydown=${this._onKeydown} @blur=${() => (this._open = false)}>
          <ul id="suggestions" role="listbox" aria-label="Tag suggestions" ?hidden=${!open}>
            ${suggestions.map((name, index) => html`
              <li role="option" id="suggestion-${index}" aria-selected=${index === this._active}
                @mousedown=${(event: MouseEvent) => this._onPick(event, name)}>${name}</li>`)}
          </ul>
        </li>
      </ul>`;
  }

  override focus(): void {
    this._input?.focus();
  }

  private _suggestions(): string[] {
    // Typed and offered names compare as tags do: 'cafe' offers 'Café'.
    const typed = tagKey(this._text);
    const taken = new Set(this.tags.map(tagKey));
    const offered = this.allTags.map((name) => ({ name, key: tagKey(name) })).filter(({ key }) => !taken.has(key) && key.includes(typed));
    return offered
      .sort((a, b) => Number(!a.key.startsWith(typed)) - Number(!b.key.startsWith(typed)))
      .slice(0, MAX_SUGGESTIONS)
      .map(({ name }) => name);
  }

  private _onInput(): void {
    this._text = this._input.value;
    this._open = true;
    this._active = -1;
  }

  private _onKeydown(event: KeyboardEvent): void {
    const count = this._suggestions().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this._open = true;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (count > 0) this._active = this._active < 0 && step < 0 ? count - 1 : (this._active + step + count) % count;
    } else if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      this._add(this._open ? (this._suggestions()[this._active] ?? this._text) : this._text);
    } else if (event.key === 'Escape' && this._open && count > 0) {
      // Closing the suggestions is this Escape's whole job; it must not also leave the reader.
      event.stopPropagation();
      this._open = false;
    }
  }

  private _onPick(event: MouseEvent, name: string): void {
    event.preventDefault(); // keep focus in the input so several tags can be added in a row
    this._add(name);
  }

  private _add(name: string): void {
    const trimmed = name.trim();
    if (!trimmed) return;
    emit(this, 'tags-add', { names: [trimmed] });
    this._text = '';
    this._active = -1;
    this._open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tag-editor': TagEditor;
  }
  interface HTMLElementEventMap {
    'tags-add': CustomEvent<{ names: string[] }>;
    'tags-remove': CustomEvent<{ name: string }>;
  }
}
