import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clip, ExportFormat } from '../../api.js';
import { keptPictures, withPictureSources } from '../../shared/content-pictures.js';
import { pictureMediaType } from '../../shared/picture-names.js';
import type { PictureStore } from '../pictures/picture-store.js';
import { pictureDoc } from '../store/library-dir.js';

/** A folder beside an exported file for its pictures, and how the file links to it (e.g. `clips-pictures`). */
export interface PictureFolder {
  path: string;
  href: string;
}

/**
 * A clip's content as an export shows its pictures: an HTML file carries them inline (it must read
 * anywhere, offline, on its own); a Markdown file or vault links to copies in a folder beside it, or,
 * written to a terminal, to their addresses on the web. The other formats keep the stored form.
 */
export async function withExportedPictures(
  clip: Clip,
  format: ExportFormat,
  pictures: PictureStore,
  libraryDir: string,
  folder?: PictureFolder,
): Promise<Clip> {
  if (format === 'html') {
    const inline = await inlinePictures(clip.content, pictures);
    return { ...clip, content: withPictureSources(clip.content, (name) => (name ? (inline.get(name) ?? null) : null)) };
  }
  if (format !== 'markdown' && format !== 'vault') return clip;
  if (folder) await copyPictures(keptPictures(clip.content), libraryDir, folder.path);
  return {
    ...clip,
    content: withPictureSources(clip.content, (name, address) => (name && folder ? `${folder.href}/${name}` : address)),
  };
}

async function inlinePictures(content: string, pictures: PictureStore): Promise<Map<string, string>> {
  const inline = new Map<string, string>();
  for (const name of keptPictures(content)) {
    const bytes = await pictures.get(name);
    if (bytes) inline.set(name, `data:${pictureMediaType(name)};base64,${bytes.toString('base64')}`);
  }
  return inline;
}

async function copyPictures(names: readonly string[], libraryDir: string, folder: string): Promise<void> {
  if (names.length === 0) return;
  await mkdir(folder, { recursive: true });
  for (const name of names) await copyFile(join(libraryDir, pictureDoc(name)), join(folder, name)).catch(() => undefined);
}
