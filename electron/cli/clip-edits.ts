/** `annotate`, `note`, `star`, `unstar` and `mark`: what a reader adds to one clip. */
import { READ_STATES } from '../api.js';
import type { HighlightColor, ReadState } from '../api.js';
import type { Library } from '../core/index.js';
import { need, number, one, oneOf, usage } from './args.js';
import type { Commands, Output } from './command.js';
import { formatAnnotation } from './output.js';

export const clipEditCommands = {
  async annotate(library, args, flags) {
    const id = library.resolveId(one(args, 'annotate <id> --quote TEXT'));
    if (flags.quote === undefined) throw usage('annotate needs --quote "the passage to highlight"');
    const annotation = await library.annotate(id, {
      quote: flags.quote, occurrence: number(flags.occurrence, '--occurrence'), note: flags.note,
      color: flags.color === undefined ? undefined : flags.color as HighlightColor,
    });
    return { data: annotation, text: formatAnnotation(annotation) };
  },
  async note(library, args) {
    const [id, ...words] = need(args, 2, 'note <id> TEXT');
    const clip = await library.update(library.resolveId(id ?? ''), { note: words.join(' ') });
    return { data: clip, text: `note saved on ${clip.id}` };
  },
  star: (library, args) => setStarred(library, one(args, 'star <id>'), true),
  unstar: (library, args) => setStarred(library, one(args, 'unstar <id>'), false),
  async mark(library, args) {
    const [id, state] = need(args, 2, 'mark <id> unread|read|archived');
    const readState = oneOf(state ?? '', READ_STATES, 'the state') as ReadState;
    const clip = await library.update(library.resolveId(id ?? ''), { readState });
    return { data: clip, text: `${clip.title}: ${clip.readState}` };
  },
} satisfies Commands;

async function setStarred(library: Library, id: string, starred: boolean): Promise<Output> {
  const clip = await library.update(library.resolveId(id), { starred });
  return { data: clip, text: `${clip.starred ? 'starred' : 'unstarred'} ${clip.title}` };
}
