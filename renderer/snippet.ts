import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Snippet } from '../electron/api.js';
import { snippetParts } from '../electron/shared/snippet-parts.js';

/** A search snippet as text nodes, its marked runs inside <mark>: nothing in it is parsed as HTML. */
export function renderSnippet(snippet: Snippet): TemplateResult[] {
  return snippetParts(snippet).map((part) => (part.marked ? html`<mark>${part.text}</mark>` : html`${part.text}`));
}
