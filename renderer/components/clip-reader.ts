import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Clip, ClipPatch, HighlightColor } from '../../electron/api.js';
import { emit } from '../events.js';
import { formatDate, plural, publishedDate } from '../../electron/shared/date-format.js';
import { highlightsKey, paintHighlights } from '../paint-highlights.js';
import { showPictures } from '../show-pictures.js';
import { patchFor } from '../shortcuts.js';
import { missingPictureAddresses } from '../../electron/shared/content-pictures.js';
import type { TextMap } from '../text-map.js';
import { HIGHLIGHT_COLORS, highlightStyles } from '../highlight-styles.js';
import { SelectionController } from '../controllers/selection-controller.js';
import { placeToolbar, visiblePart } from '../toolbar-placement.js';
import './tag-editor.js';
import './sync-history.js';
import { baseStyles } from '../base-styles.js';
import { readerStyles } from './clip-reader-styles.js';

/**
 * Reads one clip: metadata, editable title, star, tags, note, what sync replaced (when it did), and
 * the sanitized article with its highlights painted in place. Selecting text offers a highlight
 * toolbar; offsets sent up are code points into `clip.text`, found by mapping the rendered text nodes
 * onto that text.
 *
 * @fires clip-update - change the clip's title, note or star ({ patch }); also from `<sync-history>`
 * @fires clip-trash - move the clip to the trash ({})
 * @fires reader-close - go back to the list ({})
 * @fires revisions-open - show the clip's earlier versions ({})
 * @fires annotate - highlight a passage ({ start, end, color, withNote })
 * @fires pictures-fetch - fetch the pictures the library does not keep yet ({})
 * @fires article-fetch - fetch the article of a clip imported as an address, now ({})
 */
@customElement('clip-reader')
export class ClipReader extends LitElement {
  static override styles = [baseStyles, highlightStyles, readerStyles];

  @property({ attribute: false }) clip!: Clip;
  @property({ attribute: false }) allTags: readonly string[] = [];

  @state() private _editingTitle = false;
  @query('.content') private _content!: HTMLElement;
  private _map: TextMap | null = null;
  private _paintedKey = '';
  private _color: HighlightColor = 'yellow';
  private readonly _selection = new SelectionController(this, () =>
    (this._map ? { content: this._content, map: this._map, text: this.clip.text } : null));

  override render() {
    const clip = this.clip;
    return html`
      <article class="column" aria-labelledby="clip-title">
        <div class="bar" role="toolbar" aria-label="Clip actions">
          <button @click=${() => emit(this, 'reader-close', {})}>← Back to list</button>
          <span class="spacer"></span>
          <button aria-pressed=${clip.starred} title="Star (s)"
            @click=${() => this._update({ starred: !clip.starred })}>${clip.starred ? '★' : '☆'} Star</button>
          <button title="Mark read or unread (m)" @click=${() => this._toggle('read')}>
            ${clip.readState === 'unread' ? 'Mark read' : 'Mark unread'}</button>
          <button title="Archive, or bring back (e)" @click=${() => this._toggle('archive')}>
            ${clip.readState === 'archived' ? 'Unarchive' : 'Archive'}</button>
          <button title="Move to trash (Delete)" @click=${() => emit(this, 'clip-trash', {})}>Move to trash</button>
        </div>
        ${this._renderTitle()}
        <ul class="meta" aria-label="About this clip">
          ${clip.source ? html`<li>Source: ${clip.source}</li>` : nothing}
          ${clip.byline ? html`<li>By ${clip.byline}</li>` : nothing}
          ${this._renderPublished()}
          <li>Clipped ${formatDate(clip.clippedAt)}</li>
          <li>${plural(clip.wordCount, 'word')}</li>
          ${clip.revisions > 0 ? html`<li><button aria-haspopup="dialog"
            @click=${() => emit(this, 'revisions-open', {})}>${plural(clip.revisions, 'earlier version')}</button></li>` : nothing}
          ${safeLink(clip.url)
            ? html`<li><a href=${clip.url ?? ''} target="_blank" rel="noopener noreferrer">Open original</a></li>`
            : nothing}
        </ul>
        <tag-editor .tags=${clip.tags} .allTags=${this.allTags}></tag-editor>
        <label for="note">Note</label>
        <textarea id="note" placeholder="Your note on this clip (saved when you leave the field, or Ctrl+Enter)"
          .value=${clip.note} @blur=${this._onNoteSave} @keydown=${this._onNoteSave}></textarea>
        ${clip.history.length > 0
          ? html`<sync-history .history=${clip.history} .currentNote=${clip.note} .currentTitle=${clip.title}></sync-history>`
          : nothing}
        <hr>
        ${this._renderPending()}
        ${this._renderMissingPictures()}
        <div class="content" tabindex="0" role="region" aria-label="Article text" lang=${clip.language ?? nothing}>
          ${keyed(highlightsKey(clip), unsafeHTML(clip.content))}
        </div>
      </article>
      ${this._renderToolbar()}`;
  }

  private _renderTitle() {
    if (this._editingTitle) {
      return html`<input class="title-input" aria-label="Title" .value=${this.clip.title}
        @keydown=${this._onTitleKeydown} @blur=${this._onTitleSave}>`;
    }
    return html`
      <div class="title-row">
        <h1 id="clip-title">${this.clip.title}</h1>
        <button @click=${this._onTitleEdit}>Edit title</button>
      </div>`;
  }

  /** A clip imported as an address: its article is still to come, or could not be fetched (and why). */
  private _renderPending() {
    const { pending } = this.clip;
    if (!pending) return nothing;
    const why = pending.lastError ? html` It could not be fetched (${pending.attempts} tries): ${pending.lastError}` : nothing;
    return html`
      <p class="notice" role="note">The article has not been fetched yet; you see what the app you imported it from kept.${why}
        <button @click=${() => emit(this, 'article-fetch', {})}>Fetch now</button></p>`;
  }

  private _renderMissingPictures() {
    const missing = missingPictureAddresses(this.clip.content).length;
    if (missing === 0) return nothing;
    return html`
      <p class="notice" role="note">${plural(missing, 'picture')} of this article could not be kept offline.
        <button @click=${() => emit(this, 'pictures-fetch', {})}>Fetch missing pictures</button></p>`;
  }

  private _renderPublished() {
    const published = publishedDate(this.clip);
    if (!published) return nothing;
    return html`<li>Published <time datetime=${this.clip.publishedAt ?? nothing}>${published}</time></li>`;
  }

  /** Placed after render (`_placeToolbar`): where it fits depends on its size. */
  private _renderToolbar() {
    if (!this._selection.selected) return nothing;
    return html`
      <div class="toolbar" role="toolbar" aria-label="Highlight selection"
        @mousedown=${(event: MouseEvent) => event.preventDefault()}>
        ${HIGHLIGHT_COLORS.map((color) => html`
          <button class="swatch hl-${color}" aria-label="Highlight ${color}" title="Highlight ${color} (h)"
            @click=${() => this.highlightSelection(color, true)}></button>`)}
      </div>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('clip') && (changed.get('clip') as Clip | undefined)?.id !== this.clip.id) {
      this._editingTitle = false;
      this.scrollTop = 0;
    }
    if (this._paintedKey !== highlightsKey(this.clip)) this._paint();
    this._placeToolbar();
  }

  /**
   * Highlights what is selected in the article (the toolbar, or the `h` key). Returns false if nothing
   * is. `withNote` asks for the cursor in the new highlight's note: right after a toolbar click, but
   * not after `h`, where the next keys are more shortcuts, not a note.
   */
  highlightSelection(color: HighlightColor = this._color, withNote = false): boolean {
    const selected = this._selection.selected;
    if (!selected) return false;
    this._color = color;
    emit(this, 'annotate', { start: selected.start, end: selected.end, color, withNote });
    this._selection.clear();
    return true;
  }

  /** Scrolls to a highlight and flashes it, so people see which passage a note belongs to. */
  reveal(annotationId: string): void {
    const marks = [...this._content.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(annotationId)}"]`)];
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const mark of marks) {
      mark.classList.remove('flash');
      void mark.offsetWidth; // restart the animation when the same highlight is revealed twice
      mark.classList.add('flash');
    }
  }

  focusTags(): void {
    this.renderRoot.querySelector('tag-editor')?.focus();
  }

  /** Inside the reader's part of the window, before it is painted (updated() runs before the next frame). */
  private _placeToolbar(): void {
    const toolbar = this.renderRoot.querySelector<HTMLElement>('.toolbar');
    const selected = this._selection.selected;
    if (!toolbar || !selected) return;
    const { top, left } = this.getBoundingClientRect();
    // clientWidth and clientHeight leave out the scrollbars.
    const area = visiblePart({ top, left, bottom: top + this.clientHeight, right: left + this.clientWidth }, innerWidth, innerHeight);
    const placement = placeToolbar(selected.box, toolbar.offsetWidth, toolbar.offsetHeight, area);
    toolbar.style.top = `${placement.top}px`;
    toolbar.style.left = `${placement.left}px`;
  }

  private _paint(): void {
    this._paintedKey = highlightsKey(this.clip);
    this._map = paintHighlights(this._content, this.clip);
    showPictures(this._content);
  }

  private _update(patch: ClipPatch): void {
    emit(this, 'clip-update', { patch });
  }

  private _toggle(command: 'read' | 'archive'): void {
    const patch = patchFor(command, this.clip);
    if (patch) this._update(patch);
  }

  private async _onTitleEdit(): Promise<void> {
    this._editingTitle = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.title-input')?.select();
  }

  private _onTitleKeydown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    // preventDefault: focus moves to "Edit title" before this key's click would fire, and press it again.
    event.preventDefault();
    if (event.key === 'Escape') input.value = this.clip.title;
    input.blur();
  }

  private async _onTitleSave(event: FocusEvent): Promise<void> {
    const title = (event.target as HTMLInputElement).value.trim();
    this._editingTitle = false;
    if (title && title !== this.clip.title) this._update({ title });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.title-row button')?.focus();
  }

  /** The note is saved when the field is left, or on Ctrl/Cmd+Enter. */
  private _onNoteSave(event: Event): void {
    if (event instanceof KeyboardEvent && !(event.key === 'Enter' && (event.ctrlKey || event.metaKey))) return;
    const note = (event.target as HTMLTextAreaElement).value;
    if (note !== this.clip.note) this._update({ note });
  }
}

function safeLink(url: string | null): boolean {
  return url !== null && /^https?:\/\//i.test(url);
}

declare global {
  interface HTMLElementTagNameMap {
    'clip-reader': ClipReader;
  }
  interface HTMLElementEventMap {
    'clip-update': CustomEvent<{ patch: ClipPatch }>;
    'clip-trash': CustomEvent<Record<string, never>>;
    'reader-close': CustomEvent<Record<string, never>>;
    'revisions-open': CustomEvent<Record<string, never>>;
    annotate: CustomEvent<{ start: number; end: number; color: HighlightColor; withNote: boolean }>;
    'pictures-fetch': CustomEvent<Record<string, never>>;
    'article-fetch': CustomEvent<Record<string, never>>;
  }
}
