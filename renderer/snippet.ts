import { html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * Renders a search snippet without parsing it as HTML: the API escapes everything but <mark>, so the
 * text between marks is unescaped and bound as text, and only our own <mark> elements are created.
 */
export function renderSnippet(snippet: string): TemplateResult[] {
  return snippet.split(/(<mark>.*?<\/mark>)/s).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/s.exec(part);
    return marked ? html`<mark>${unescape(marked[1] ?? '')}</mark>` : html`${unescape(part)}`;
  });
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
