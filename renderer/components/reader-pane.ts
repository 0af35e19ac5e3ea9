import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Clip, Revision } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import { baseStyles } from '../base-styles.js';
import { emit } from '../events.js';
import { patchFor } from '../shortcuts.js';
import type { Command } from '../shortcuts.js';
import './annotation-panel.js';
import type { AnnotationPanel } from './annotation-panel.js';
import './clip-reader.js';
import type { ClipReader } from './clip-reader.js';
import './revisions-dialog.js';

/**
 * The open clip: the window's main region ("Opening…" until the clip arrives, why it could not be
 * opened, or the reader), its highlights and notes beside it, and the dialog of its earlier versions.
 * The parent fetches the clip and its versions and runs the changes; this only shows them.
 *
 * @fires reader-close, clip-update, clip-trash, revisions-open, annotate, tags-add, tags-remove - from the reader
 * @fires annotation-update, annotation-delete - from the highlights panel
 * @fires revision-restore - from the earlier versions dialog ({ n })
 * @fires dialog-close - the earlier versions dialog closed ({})
 */
@customElement('reader-pane')
export class ReaderPane extends LitElement {
  static override styles = [baseStyles, css`
    /* The parent's grid places the main region and the aside: this element adds no box of its own. */
    :host { display: contents; }
    main { grid-area: main; display: flex; flex-direction: column; min-height: 0; position: relative; }
    aside { grid-area: aside; width: 20rem; overflow-y: auto; border-left: 1px solid var(--border); background: var(--surface); }
    clip-reader { flex: 1; min-height: 0; }
    .problem { padding: 0.75rem 1rem; margin: 0; color: var(--danger); font-weight: 600; }
    .empty { padding: 1rem 1.25rem; margin: 0; }
  `];

  /** The clip asked for: `clip` may still be another one while it loads. */
  @property() clipId = '';
  @property({ attribute: false }) clip: Clip | undefined = undefined;
  @property({ attribute: false }) error: unknown = undefined;
  /** Every tag in the library, for the tag editor's suggestions. */
  @property({ attribute: false }) allTags: readonly string[] = [];
  @property({ type: Boolean }) revisionsOpen = false;
  /** The open clip's earlier versions, null while they load. */
  @property({ attribute: false }) revisions: readonly Revision[] | null = null;
  @property() revisionsError = '';

  @query('clip-reader') private _reader?: ClipReader;
  @query('annotation-panel') private _panel?: AnnotationPanel;

  override render() {
    const clip = this._loaded();
    return html`
      <main>${this._renderClip()}</main>
      ${clip ? html`
        <aside aria-label="Highlights and notes">
          <annotation-panel .annotations=${clip.annotations}
            @annotation-select=${(event: HTMLElementEventMap['annotation-select']) => this._reader?.reveal(event.detail.id)}>
          </annotation-panel>
        </aside>` : nothing}
      <revisions-dialog .open=${this.revisionsOpen} .revisions=${this.revisions} .error=${this.revisionsError}></revisions-dialog>`;
  }

  private _renderClip() {
    const clip = this._loaded();
    if (clip) return html`<clip-reader .clip=${clip} .allTags=${this.allTags}></clip-reader>`;
    if (this.error) return html`<p class="problem" role="alert">${errorMessage(this.error)}</p>`;
    return html`<p class="empty" role="status">Opening…</p>`;
  }

  /** Carries out a keyboard command on the open clip; false when it does not apply, so the key keeps its meaning. */
  perform(command: Command): boolean {
    const clip = this._loaded();
    switch (command) {
      case 'close':
        emit(this, 'reader-close', {});
        return true;
      case 'tag':
        this._reader?.focusTags();
        return true;
      case 'highlight':
        return this._reader?.highlightSelection() ?? false;
      case 'trash':
        if (clip) emit(this, 'clip-trash', {});
        return clip !== undefined;
      default: {
        const patch = clip ? patchFor(command, clip) : null;
        if (patch) emit(this, 'clip-update', { patch });
        return patch !== null;
      }
    }
  }

  /** Puts the cursor in a highlight's note once the panel lists it. */
  async editNote(annotationId: string): Promise<void> {
    await this.updateComplete;
    await this._panel?.editNote(annotationId);
  }

  private _loaded(): Clip | undefined {
    return this.clip?.id === this.clipId ? this.clip : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reader-pane': ReaderPane;
  }
}
