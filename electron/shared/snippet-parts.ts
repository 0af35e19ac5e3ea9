import type { Snippet } from '../api.js';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** A snippet as its runs of text, in order, each inside a mark or not: what every view prints. */
export function snippetParts({ text, marks }: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
