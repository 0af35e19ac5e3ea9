import type { ImportInput } from '../electron/api.js';
import { clippableKind } from '../electron/shared/clippable-files.js';

/** What a drop onto the window means as an import, or a message saying why it cannot be clipped. */
export async function droppedInput(data: DataTransfer): Promise<ImportInput | { problem: string }> {
  const file = data.files[0];
  if (file) {
    // The core detects the charset (a saved GBK or Big5 page is common), so it gets the raw bytes.
    if (clippableKind(file.name)) return { kind: 'file', name: file.name, data: await base64Of(file) };
    return { problem: `${file.name} is not a file Clipdesk can clip: use .html, .htm, .txt or .md.` };
  }
  // text/uri-list may hold several links and # comment lines; the first link is the one dragged.
  const url = data.getData('text/uri-list').split(/\r?\n/).find((line) => line && !line.startsWith('#'));
  if (url && /^https?:\/\//i.test(url)) return { kind: 'url', url: url.trim() };
  return { problem: 'Drop a web link, or a .html, .txt or .md file, to clip it.' };
}

/** Whether a drag carries something worth offering a drop target for. */
export function isClippable(data: DataTransfer | null): boolean {
  return Boolean(data && (data.types.includes('Files') || data.types.includes('text/uri-list')));
}

/** A file's bytes as base64, the form the API takes them in. */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
