import type { ExportedFile } from '../electron/api.js';

/**
 * Hands a file to the browser's download (Electron asks where to save it): a Blob URL on a link with
 * `download`, which saves rather than navigates, released once the download has taken it.
 */
export function saveFile(file: ExportedFile): void {
  const binary = atob(file.data);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
