/** `revisions` and `revert`: the earlier contents of a page clipped again, and going back to one. */
import { need, number, one } from './args.js';
import type { Commands } from './command.js';

export const revisionCommands = {
  async revisions(library, args) {
    const revisions = await library.revisions(library.resolveId(one(args, 'revisions <id>')));
    return { data: revisions, text: revisions.map((r) => `${r.n}  ${r.savedAt}  ${r.title}`).join('\n') || 'no earlier revisions' };
  },
  async revert(library, args) {
    const [id, n] = need(args, 2, 'revert <id> <n>');
    const clip = await library.restoreRevision(library.resolveId(id ?? ''), number(n, 'revision') ?? 0);
    return { data: clip, text: `restored revision ${n} of ${clip.title}` };
  },
} satisfies Commands;
