import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clip } from '../../api.js';
import { articleMarkdown } from './markdown.js';
import { fileNameKey, noteFileName, noteFileStem } from './note-file-names.js';

/** What a vault export wrote. */
export interface VaultExport {
  dir: string;
  notes: number;
}

/** The folder beside the notes that holds their pictures, and how the notes link to it. */
export const VAULT_PICTURES = 'pictures';

/**
 * A Markdown vault for Obsidian or Logseq: a note per clip in `dir`, named after its title, with the
 * clip's facts as YAML front matter (Obsidian's properties), then the article, its note and its
 * highlights. A file already there is never overwritten: the new note takes the next free name.
 */
export async function writeVault(clips: AsyncIterable<Clip>, dir: string): Promise<VaultExport> {
  await mkdir(dir, { recursive: true });
  // Names already there count as taken in any case: the vault may be synced to a system that ignores case.
  const taken = new Set((await readdir(dir)).map(fileNameKey));
  let notes = 0;
  for await (const clip of clips) {
    await writeNewNote(dir, noteFileStem(clip.title), `${frontMatter(clip)}\n${articleMarkdown(clip)}\n`, taken);
    notes++;
  }
  return { dir, notes };
}

/** Strings are written as JSON strings, which YAML reads as double-quoted scalars: no value can break the block. */
function frontMatter(clip: Clip): string {
  const facts: Array<[string, string | null]> = [
    ['title', clip.title], ['url', clip.url], ['source', clip.source], ['byline', clip.byline],
    ['published', clip.publishedAt ?? clip.publishedText], ['clipped', clip.clippedAt],
  ];
  const lines = facts.filter(([, value]) => value).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
  const tags = clip.tags.length > 0 ? ['tags:', ...clip.tags.map((tag) => `  - ${JSON.stringify(tag)}`)] : ['tags: []'];
  return ['---', ...lines, ...tags, `status: ${clip.readState}`, `starred: ${clip.starred}`, `id: ${clip.id}`, '---', ''].join('\n');
}

async function writeNewNote(dir: string, stem: string, text: string, taken: Set<string>): Promise<void> {
  for (let n = 1; ; n++) {
    const name = noteFileName(stem, n);
    if (taken.has(fileNameKey(name))) continue;
    taken.add(fileNameKey(name));
    try {
      await writeFile(join(dir, name), text, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
