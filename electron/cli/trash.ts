/** `trash`, `restore` and `empty-trash`: a clip set aside, brought back, or deleted for good. */
import { one } from './args.js';
import type { Commands } from './command.js';

export const trashCommands = {
  async trash(library, args) {
    const clip = await library.trash(library.resolveId(one(args, 'trash <id>')));
    return { data: clip, text: `moved to trash: ${clip.title} (clipdesk restore ${clip.id})` };
  },
  async restore(library, args) {
    const clip = await library.restore(library.resolveId(one(args, 'restore <id>')));
    return { data: clip, text: `restored: ${clip.title}` };
  },
  async 'empty-trash'(library) {
    const removed = await library.emptyTrash();
    return { data: { removed }, text: `deleted ${removed} clip(s) for good` };
  },
} satisfies Commands;
