/** Folders that nest by a parent id (Karakeep's lists, Linkwarden's collections), read into the names of a path. */

export interface Folder {
  name: string;
  parentId: string | null;
}

/** The folder's name and those of the folders above it, outermost first; a loop in the parents ends the path. */
export function folderPath(folders: ReadonlyMap<string, Folder>, id: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); ) {
    seen.add(at);
    const folder = folders.get(at);
    if (!folder) break;
    names.unshift(folder.name);
    at = folder.parentId;
  }
  return names;
}

/** A parent id as the exports write it: a string, a number, or null at the top. */
export function parentIdOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
