import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ClipSummary, DigestContent, DigestDefinition, DigestFormat, DigestGroup, DigestPreset, Paper } from '../../electron/api.js';
import { plural } from '../../electron/shared/date-format.js';
import { localDay } from '../../electron/shared/local-day.js';
import { baseStyles } from '../base-styles.js';
import { dialogStyles, restoreFocus, syncDialog } from '../dialogs.js';
import { emit } from '../events.js';
import './digest-items.js';

const GROUPS: Record<DigestGroup, string> = { tag: 'Tag', source: 'Source', date: 'Date', none: 'No grouping' };
const CONTENTS: Record<DigestContent, string> = { highlights: 'Highlights with notes', excerpt: 'Excerpt', full: 'Full text' };
const PAPERS: Record<Paper, string> = { a4: 'A4', letter: 'Letter' };

type Period = 'any' | 'last' | 'range';
type PeriodFields = Pick<DigestDefinition, 'from' | 'to' | 'lastDays'>;

/** A period just chosen starts as the last week, which a weekly review wants. */
function startOf(period: Period): PeriodFields {
  const now = new Date();
  if (period === 'last') return { from: undefined, to: undefined, lastDays: 7 };
  if (period === 'any') return { from: undefined, to: undefined, lastDays: undefined };
  const weekAgo = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6);
  return { from: localDay(weekAgo), to: localDay(now), lastDays: undefined };
}

/**
 * Makes a press review: which clips (the picked ones, or a query and a period), how it looks (title,
 * grouping, content, paper), the items in their order to arrange, saving it as HTML or PDF, and presets.
 *
 * @fires digest-change - new fields ({ definition })
 * @fires digest-arrange - from the items: their new order ({ ids })
 * @fires digest-sort - items back in date order ({})
 * @fires digest-make - save the review as a file ({ format })
 * @fires digest-preset - save, use or delete a preset ({ action, name })
 * @fires dialog-close - the dialog closed ({})
 */
@customElement('digest-dialog')
export class DigestDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, css`
    dialog { width: min(46rem, 94vw); max-width: min(46rem, 94vw); }
    label { display: block; margin: 0 0 0.6rem; }
    input, select { font: inherit; }
    input[type='text'], input[type='search'] { display: block; width: 100%; margin-top: 0.2rem; }
    fieldset {
      display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; border: 1px solid var(--border); border-radius: 0.35rem; margin: 0 0 0.75rem;
    }
    .period { display: flex; gap: 0.4rem; align-items: center; margin: 0.15rem 0; }
    .period label { display: flex; gap: 0.4rem; align-items: center; margin: 0; }
    input[type='number'] { width: 4.5rem; }
    .looks { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .items-head { display: flex; gap: 0.75rem; align-items: center; margin: 0.25rem 0 0.4rem; }
    .items-head h3 { margin: 0; font-size: 1rem; }
    .items-head span { flex: 1; color: var(--muted); }
    .presets { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.75rem; }
    .presets label { display: flex; gap: 0.4rem; align-items: center; margin: 0; }
    .presets input { width: 10rem; }
    .hint { color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0 0; }
    .error { color: var(--danger); font-weight: 600; }
    dialog button.small { padding: 0.2rem 0.6rem; }
  `];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) definition!: DigestDefinition;
  /** The review holds the clips the user picked: no query or period is offered. */
  @property({ type: Boolean }) fromPicks = false;
  @property({ attribute: false }) items: readonly ClipSummary[] = [];
  @property() itemsError = '';
  @property({ attribute: false }) presets: readonly DigestPreset[] = [];
  @property({ attribute: false }) making: DigestFormat | null = null;
  @property() error = '';
  @property() news = '';

  @state() private _presetName = '';
  @state() private _presetChoice = '';

  @query('dialog') private _dialog!: HTMLDialogElement;

  override render() {
    const digest = this.definition;
    return html`
      <dialog aria-labelledby="digest-heading" @close=${this._onClose}>
        <h2 id="digest-heading">Make a press review</h2>
        <label>Title <input type="text" autofocus placeholder="Press review" .value=${digest.title}
          @input=${(event: Event) => this._change({ title: valueOf(event) })}></label>
        ${this.fromPicks ? nothing : this._renderSelection(digest)}
        <div class="looks">
          ${this._renderChoice('Group by', GROUPS, digest.group, (group) => this._change({ group }))}
          ${this._renderChoice('Content', CONTENTS, digest.content, (content) => this._change({ content }))}
          ${this._renderChoice('Paper', PAPERS, digest.paper, (paper) => this._change({ paper }))}
        </div>
        ${this._renderItems(digest)}
        ${this._renderPresets(digest)}
        ${this.making ? html`<p role="status"><progress aria-label="Making the press review"></progress>
          ${this.making === 'pdf' ? 'Printing…' : 'Writing…'}</p>` : nothing}
        ${this.news ? html`<p role="status">${this.news}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button class="primary" ?disabled=${!this._ready()} @click=${() => this._make('html')}>Save HTML</button>
          <button class="primary" ?disabled=${!this._ready()} @click=${() => this._make('pdf')}>Save PDF</button>
          <button @click=${() => this._dialog.close()}>Close</button>
        </div>
      </dialog>`;
  }

  private _renderSelection(digest: DigestDefinition) {
    const period: Period = digest.lastDays !== undefined ? 'last' : digest.from || digest.to ? 'range' : 'any';
    const radio = (value: Period) => html`<input type="radio" name="period" value=${value} .checked=${period === value}
      @change=${() => this._change(startOf(value))}>`;
    return html`
      <label>Clips that match <input type="search" placeholder="Every clip (search syntax works here)" .value=${digest.query}
        @input=${(event: Event) => this._change({ query: valueOf(event) })}></label>
      <fieldset>
        <legend>Period</legend>
        <div class="period"><label>${radio('any')} Any date</label></div>
        <div class="period"><label>${radio('last')} Last</label> <input type="number" min="1" max="3660" aria-label="Number of days"
          ?disabled=${period !== 'last'} .value=${String(digest.lastDays ?? 7)} @change=${this._onDays}> days</div>
        <div class="period"><label>${radio('range')} Between</label>
          <input type="date" aria-label="From" ?disabled=${period !== 'range'} .value=${digest.from ?? ''}
            @change=${(event: Event) => this._change({ from: valueOf(event) || undefined })}>
          and <input type="date" aria-label="To" ?disabled=${period !== 'range'} .value=${digest.to ?? ''}
            @change=${(event: Event) => this._change({ to: valueOf(event) || undefined })}></div>
      </fieldset>`;
  }

  private _renderChoice<T extends string>(label: string, choices: Record<T, string>, value: T, choose: (value: T) => void) {
    return html`<label>${label} <select @change=${(event: Event) => choose(valueOf(event) as T)}>
      ${(Object.entries(choices) as Array<[T, string]>).map(([key, text]) =>
        html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
    </select></label>`;
  }

  private _renderItems(digest: DigestDefinition) {
    return html`
      <div class="items-head">
        <h3>Items</h3><span role="status">${plural(this.items.length, 'item')}</span>
        ${digest.order === 'arranged'
          ? html`<button class="small" @click=${() => emit(this, 'digest-sort', {})}>Sort by date</button>` : nothing}
      </div>
      ${this.itemsError
        ? html`<p class="error" role="alert">${this.itemsError}</p>` : html`<digest-items .items=${this.items}></digest-items>`}`;
  }

  private _renderPresets(digest: DigestDefinition) {
    const chosen = this.presets.some((preset) => preset.name === this._presetChoice);
    const choice = chosen ? this._presetChoice : (this.presets[0]?.name ?? '');
    return html`
      <div class="presets" role="group" aria-label="Presets">
        <label>Preset name <input type="text" .value=${this._presetName}
          @input=${(event: Event) => (this._presetName = valueOf(event))}></label>
        <button class="small" ?disabled=${!this._presetName.trim()}
          @click=${() => this._preset('save', this._presetName)}>Save as preset</button>
        ${this.presets.length === 0 ? nothing : html`
          <label>Saved presets <select @change=${(event: Event) => (this._presetChoice = valueOf(event))}>
            ${this.presets.map(({ name }) => html`<option ?selected=${name === choice}>${name}</option>`)}
          </select></label>
          <button class="small" @click=${() => this._preset('use', choice)}>Use</button>
          <button class="small" @click=${() => this._preset('delete', choice)}>Delete</button>`}
      </div>
      ${digest.ids ? html`<p class="hint">A preset keeps the search and the period, not the clips
        ${this.fromPicks ? 'you picked' : 'arranged here'}.</p>` : nothing}`;
  }

  override updated(): void {
    syncDialog(this._dialog, this.open);
  }

  /** Something to make, and nothing being made. */
  private _ready(): boolean {
    return this.making === null && !this.itemsError && this.items.length > 0;
  }

  private _change(fields: Partial<DigestDefinition>): void {
    emit(this, 'digest-change', { definition: { ...this.definition, ...fields } });
  }

  private _make(format: DigestFormat): void {
    emit(this, 'digest-make', { format });
  }

  private _preset(action: 'save' | 'use' | 'delete', name: string): void {
    emit(this, 'digest-preset', { action, name });
  }

  private _onDays(event: Event): void {
    const days = Number(valueOf(event));
    if (Number.isInteger(days) && days >= 1 && days <= 3660) this._change({ lastDays: days });
  }

  private _onClose(): void {
    restoreFocus(this._dialog);
    emit(this, 'dialog-close', {});
  }
}

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'digest-dialog': DigestDialog;
  }
  interface HTMLElementEventMap {
    'digest-change': CustomEvent<{ definition: DigestDefinition }>;
    'digest-sort': CustomEvent<Record<string, never>>;
    'digest-make': CustomEvent<{ format: DigestFormat }>;
    'digest-preset': CustomEvent<{ action: 'save' | 'use' | 'delete'; name: string }>;
  }
}
