/** `import` (files and web pages) and `fetch-pictures` (what those clips show but the library missed). */
import type { ImportResult } from '../api.js';
import type { Library } from '../core/index.js';
import { need } from './args.js';
import type { Commands, Output } from './command.js';
import { say } from './command.js';
import { formatImport } from './output.js';

export const importCommands = {
  import: (library, args, flags) => importTargets(library, need(args, 1, 'import <file|url>...'), flags.tag ?? []),
  'fetch-pictures': fetchPictures,
} satisfies Commands;

/**
 * Clips files and web pages in batches (one commit for many clips; pages fetched a few at a time). A
 * target that fails is told on stderr and the exit is non-zero; the others are clipped all the same.
 */
async function importTargets(library: Library, targets: string[], tags: string[]): Promise<Output> {
  const isPage = (target: string) => /^https?:\/\//i.test(target);
  const pages = await library.importMany(targets.filter(isPage).map((url) => ({ kind: 'url' as const, url, tags })));
  const files = await library.importFiles(targets.filter((target) => !isPage(target)), tags);
  const results = targets.map((target, index) => ({ ...(isPage(target) ? pages : files).shift(), index }));
  const saved = results.filter((result): result is ImportResult & { index: number } => 'clip' in result);
  for (const result of results) {
    if (!('reason' in result)) continue;
    // Most reasons about a file name it already; the others get the target in front.
    const target = targets[result.index] ?? '';
    say(result.reason.includes(target) ? result.reason : `${target}: ${result.reason}`);
  }
  if (saved.length < results.length) process.exitCode = 1;
  return { data: results, text: saved.map(formatImport).join('\n') };
}

/** Works through the clips, a line of progress each on stderr, and says what it kept and missed. */
async function fetchPictures(library: Library, args: string[]): Promise<Output> {
  const ids = args.length > 0 ? args.map((id) => library.resolveId(id)) : library.pictures.missing();
  const results = [];
  for (const [i, id] of ids.entries()) {
    const pictures = await library.pictures.fetchAgain(id);
    results.push({ id, ...pictures });
    const progress = `${i + 1}/${ids.length} clips: ${id.slice(0, 8)} keeps ${pictures.kept}, misses ${pictures.missing}`;
    say(`pictures of ${progress}`);
  }
  const missing = results.reduce((sum, result) => sum + result.missing, 0);
  const text = ids.length === 0 ? 'no clip misses pictures' : `fetched pictures of ${ids.length} clip(s); ${missing} still missing`;
  return { data: results, text };
}
