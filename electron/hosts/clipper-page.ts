/**
 * The clipper's HTML answers: a few static words, no script, nothing loaded. They open as a tab the
 * bookmarklet's form targets, so they say what happened to the page sent and nothing about the library.
 */
import type { ImportResult } from '../api.js';
import { escapeHtml } from '../shared/escape-html.js';

/** Inline styles only; no script, no frame, no form, no base, and nothing may frame the page. */
export const CLIPPER_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface ClipReport {
  title: string;
  outcome: ImportResult['outcome'];
  /** null when no selection was sent. */
  highlighted: boolean | null;
}

const PAGE_STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:1.3rem;overflow-wrap:anywhere}';

const OUTCOME_NOTES: Record<ClipReport['outcome'], string> = {
  created: 'Saved to your Clipdesk library.',
  updated: 'The copy in your Clipdesk library was updated; the old one is kept as a revision.',
  unchanged: 'Already in your Clipdesk library, unchanged.',
};

export function clippedPage(report: ClipReport): string {
  const notes = [OUTCOME_NOTES[report.outcome]];
  if (report.highlighted === true) notes.push('Your selection is highlighted.');
  if (report.highlighted === false) notes.push('Your selection was not found in the article text, so it was not highlighted.');
  return page(`Clipped: ${report.title}`, notes);
}

export function failedPage(message: string): string {
  return page('Not clipped', [message]);
}

export function runningPage(): string {
  return page('Clipdesk clipper is running', ['Use the Clipdesk bookmarklet on a page to clip it.']);
}

function page(heading: string, notes: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(heading)} · Clipdesk</title>
<style>${PAGE_STYLE}</style>
</head><body><main><h1>${escapeHtml(heading)}</h1>${notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('')}</main></body></html>`;
}
