/**
 * The files Clipdesk clips, by extension: the drop zone, the launcher and the core's file importer
 * all accept exactly these.
 */
export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml'] as const;
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;
export const TEXT_EXTENSIONS = ['.txt', '.text'] as const;

export type ClippableKind = 'html' | 'markdown' | 'text';

const KINDS = new Map<string, ClippableKind>([
  ...HTML_EXTENSIONS.map((extension) => [extension, 'html'] as const),
  ...MARKDOWN_EXTENSIONS.map((extension) => [extension, 'markdown'] as const),
  ...TEXT_EXTENSIONS.map((extension) => [extension, 'text'] as const),
]);

/** What a file of this name holds, or null when Clipdesk does not clip such files. */
export function clippableKind(fileName: string): ClippableKind | null {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (KINDS.get(fileName.slice(dot).toLowerCase()) ?? null);
}
