/** `list`, `show` and `search`: reading the library without changing it. */
import { READ_STATES, SORT_KEYS } from '../api.js';
import type { ReadState, SortKey } from '../api.js';
import { need, number, one, oneOf } from './args.js';
import type { Commands } from './command.js';
import { formatClip, formatList, formatSearch } from './output.js';

export const browseCommands = {
  async list(library, _args, flags) {
    const listed = library.list({
      tags: flags.tag, starred: flags.starred, annotated: flags.annotated, trashed: flags.trash,
      readState: flags.state === undefined ? undefined : oneOf(flags.state, READ_STATES, '--state') as ReadState,
      sort: flags.sort === undefined ? undefined : oneOf(flags.sort, SORT_KEYS, '--sort') as SortKey,
      limit: number(flags.limit, '--limit') ?? 50,
    });
    return { data: listed, text: formatList(listed) };
  },
  async show(library, args) {
    const clip = await library.get(library.resolveId(one(args, 'show <id>')));
    return { data: clip, text: formatClip(clip) };
  },
  async search(library, args, flags) {
    const found = await library.search(need(args, 1, 'search <query>').join(' '), { limit: number(flags.limit, '--limit') ?? 20 });
    return { data: found, text: formatSearch(found) };
  },
} satisfies Commands;
