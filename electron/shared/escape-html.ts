/**
 * Text made safe to place in HTML, in element content and in quoted attribute values alike. Every
 * HTML file Clipdesk writes (clip bodies, exports, the clipper's pages) escapes through this one.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
