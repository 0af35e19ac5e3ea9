/** `tag` (a clip's tags) and `tags` (every tag: counts, rename, merge, delete). */
import type { Library } from '../core/index.js';
import { need, one, usage } from './args.js';
import type { Commands } from './command.js';
import type { Flags } from './options.js';
import { formatTags } from './output.js';

export const tagCommands = {
  async tag(library, args) {
    const [target, ...edits] = need(args, 2, 'tag <id> +name -name');
    const id = library.resolveId(target ?? '');
    const bad = edits.find((edit) => !/^[+-]./.test(edit));
    if (bad !== undefined) throw usage(`"${bad}": write +name to add a tag, -name to remove one`);
    const added = edits.filter((edit) => edit.startsWith('+')).map((edit) => edit.slice(1));
    const removed = edits.filter((edit) => edit.startsWith('-')).map((edit) => edit.slice(1));
    let clip = added.length > 0 ? await library.addTags(id, added) : undefined;
    if (removed.length > 0) clip = await library.removeTags(id, removed);
    if (!clip) throw usage('tag needs at least one +name or -name');
    return { data: clip, text: `${clip.title}: ${clip.tags.join(', ') || '(no tags)'}` };
  },
  async tags(library, [action, ...names], flags) {
    if (action === undefined) {
      const counts = library.tags();
      return { data: counts, text: formatTags(counts) };
    }
    const changed = await changeTags(library, action, names, flags);
    return { data: { changed }, text: `${changed} clip(s) changed` };
  },
} satisfies Commands;

/** Renames, merges or deletes a tag across the library; resolves with how many clips changed. */
async function changeTags(library: Library, action: string, names: string[], flags: Flags): Promise<number> {
  switch (action) {
    case 'rename': {
      const [from, to] = need(names, 2, 'tags rename OLD NEW');
      return library.renameTag(from ?? '', to ?? '');
    }
    case 'merge':
      if (!flags.into) throw usage('tags merge A B... --into C');
      return library.mergeTags(need(names, 1, 'tags merge A B... --into C'), flags.into);
    case 'delete':
      return library.deleteTag(one(names, 'tags delete NAME'));
    default:
      throw usage(`unknown tags action "${action}" (rename, merge or delete)`);
  }
}
