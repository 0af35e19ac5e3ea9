import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Annotation, AnnotationPatch, HighlightColor } from '../../electron/api.js';
import { emit } from '../events.js';
import { HIGHLIGHT_COLORS, highlightStyles } from '../highlight-styles.js';
import { baseStyles } from '../base-styles.js';

/**
 * The open clip's highlights in text order, each with its colour and note, editable in place.
 * Highlights whose passage is gone from the current text (orphans) are listed apart, not painted.
 *
 * @fires annotation-select - show this highlight in the text ({ id })
 * @fires annotation-update - change a highlight's colour or note ({ id, patch })
 * @fires annotation-delete - delete a highlight ({ id })
 */
@customElement('annotation-panel')
export class AnnotationPanel extends LitElement {
  static override styles = [baseStyles, highlightStyles, css`
    :host { display: block; padding: 0 1rem 2rem; }
    h2 { font-size: 1rem; margin: 1rem 0 0.5rem; }
    h3 { font-size: 0.9rem; margin: 1.25rem 0 0.5rem; color: var(--muted); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
    li { border: 1px solid var(--border); border-radius: 0.4rem; padding: 0.5rem; background: var(--surface-raised); }
    .quote {
      display: block; width: 100%; text-align: left; font: inherit; font-size: 0.9rem;
      border: 0; padding: 0.3rem 0.4rem; cursor: pointer;
    }
    .quote span { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
    .orphan .quote { cursor: default; background: none; color: var(--text); font-style: italic; }
    .row { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.4rem; font-size: 0.85rem; }
    select, textarea, button {
      font: inherit; font-size: 0.85rem; color: var(--text); background: var(--bg);
      border: 1px solid var(--border); border-radius: 0.3rem;
    }
    textarea { width: 100%; margin-top: 0.4rem; min-height: 2.4rem; padding: 0.3rem 0.4rem; resize: vertical; }
    .delete { margin-left: auto; padding: 0.15rem 0.6rem; cursor: pointer; }
    .empty { color: var(--muted); font-size: 0.9rem; }
  `];

  @property({ attribute: false }) annotations: readonly Annotation[] = [];

  override render() {
    const byPosition = (a: Annotation, b: Annotation) => a.target.selector[1].start - b.target.selector[1].start;
    const anchored = this.annotations.filter((a) => a.status !== 'orphan').sort(byPosition);
    const orphans = this.annotations.filter((a) => a.status === 'orphan');
    return html`
      <h2 id="highlights-heading">Highlights (${anchored.length})</h2>
      ${anchored.length === 0 ? html`<p class="empty">Select text in the article to highlight it.</p>` : nothing}
      <ul aria-labelledby="highlights-heading">${anchored.map((a) => this._renderItem(a))}</ul>
      ${orphans.length ? html`
        <h3 id="orphans-heading">Not found in the current text</h3>
        <ul aria-labelledby="orphans-heading">${orphans.map((a) => this._renderItem(a))}</ul>` : nothing}`;
  }

  private _renderItem(annotation: Annotation) {
    const quote = annotation.target.selector[0].exact;
    const orphan = annotation.status === 'orphan';
    return html`
      <li class=${orphan ? 'orphan' : ''} data-annotation-id=${annotation.id}>
        ${orphan
          ? html`<p class="quote"><span>“${quote}”</span></p>`
          : html`<button class="quote hl hl-${annotation.color}" title="Show in the article"
              @click=${() => emit(this, 'annotation-select', { id: annotation.id })}><span>${quote}</span></button>`}
        <textarea aria-label="Note on “${truncate(quote)}”" placeholder="Add a note…" .value=${annotation.note}
          @blur=${(event: FocusEvent) => this._onNote(event, annotation)}
          @keydown=${(event: KeyboardEvent) => this._onNoteKeydown(event, annotation)}></textarea>
        <div class="row">
          <label>Colour
            <select .value=${annotation.color} @change=${(event: Event) => this._onColor(event, annotation)}>
              ${HIGHLIGHT_COLORS.map((color) => html`<option value=${color} ?selected=${color === annotation.color}>${color}</option>`)}
            </select>
          </label>
          <button class="delete" aria-label="Delete highlight “${truncate(quote)}”"
            @click=${() => emit(this, 'annotation-delete', { id: annotation.id })}>Delete</button>
        </div>
      </li>`;
  }

  /** Puts the cursor in a highlight's note, right after it was made, so a note is one keystroke away. */
  async editNote(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`li[data-annotation-id="${CSS.escape(id)}"] textarea`)?.focus();
  }

  private _onNote(event: Event, annotation: Annotation): void {
    const note = (event.target as HTMLTextAreaElement).value;
    if (note !== annotation.note) this._patch(annotation, { note });
  }

  private _onNoteKeydown(event: KeyboardEvent, annotation: Annotation): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this._onNote(event, annotation);
  }

  private _onColor(event: Event, annotation: Annotation): void {
    this._patch(annotation, { color: (event.target as HTMLSelectElement).value as HighlightColor });
  }

  private _patch(annotation: Annotation, patch: AnnotationPatch): void {
    emit(this, 'annotation-update', { id: annotation.id, patch });
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-panel': AnnotationPanel;
  }
  interface HTMLElementEventMap {
    'annotation-select': CustomEvent<{ id: string }>;
    'annotation-update': CustomEvent<{ id: string; patch: AnnotationPatch }>;
    'annotation-delete': CustomEvent<{ id: string }>;
  }
}
