import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../base-styles.js';

const EXAMPLES: [query: string, meaning: string][] = [
  ['harbour expansion', 'both words, best matches first'],
  ['"trade surplus"', 'the exact phrase'],
  ['-draft', 'without that word'],
  ['tariffs OR quotas', 'either word'],
  ['tag:china', 'clips with a tag'],
  ['source:xinhua', 'clips from a source'],
  ['after:2024-01-01', 'published on or after a day (also before:)'],
  ['is:starred', 'starred clips (also is:annotated)'],
];

/** Teaches the search syntax where a search found nothing (or there is nothing to search yet). */
@customElement('search-help')
export class SearchHelp extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    p { margin: 0 0 0.75rem; color: var(--muted); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0; }
    dt code {
      font-family: ui-monospace, monospace; padding: 0.05rem 0.4rem; border-radius: 0.25rem;
      background: var(--surface); border: 1px solid var(--border);
    }
    dd { margin: 0; color: var(--muted); }
  `];

  @property() heading = 'Search tips';
  @property() message = '';

  override render() {
    return html`
      <h2>${this.heading}</h2>
      ${this.message ? html`<p>${this.message}</p>` : ''}
      <dl>
        ${EXAMPLES.map(([query, meaning]) => html`<dt><code>${query}</code></dt><dd>${meaning}</dd>`)}
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-help': SearchHelp;
  }
}
