#!/usr/bin/env node
/**
 * `clipdesk` command line: a thin adapter over the Library facade. Human-readable output by default,
 * `--json` for scripts; on error one line on stderr and a non-zero exit.
 */
import { createWriteStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { EXPORT_FORMATS, READ_STATES, SORT_KEYS } from './api.js';
import type { ExportFormat, HighlightColor, ImportResult, ReadState, SortKey } from './api.js';
import {
  formatAnnotation, formatCheck, formatClip, formatImport, formatLibraryImport, formatList, formatSearch, formatTags,
} from './cli-output.js';
import { ClipdeskError, checkLibrary, isBackupArchive, isClipdeskError, Library, resolveLibraryDir } from './core/index.js';
import type { FetchRun, RebuildProgress } from './core/index.js';
import { need, number, one, oneOf, usage } from './cli-args.js';
import { digestCommand } from './cli-digest.js';
import { syncCommand } from './cli-sync.js';
import { serveInBrowser } from './hosts/serve.js';

const USAGE = `usage: clipdesk <command> [options]

commands:
  import <file|url>... [--tag T]...  clip files (.html .txt .md) or web pages, with tags
  list [--tag T]... [--state unread|read|archived] [--starred] [--annotated] [--trash] [--sort clippedAt|publishedAt|title] [--limit N]
  show <id>                          metadata, text and highlights of one clip
  search <query> [--limit N]         ranked search; see README for the query syntax
  tag <id> +name -name...            add (+) or remove (-) tags
  tags [rename OLD NEW | merge A B... --into C | delete NAME]
  annotate <id> --quote TEXT [--occurrence N] [--note TEXT] [--color yellow|green|blue|pink|purple]
  note <id> TEXT                     set the clip's note
  star <id> | unstar <id>
  mark <id> unread|read|archived     set where the clip stands in your reading
  trash <id> | restore <id> | empty-trash
  revisions <id> | revert <id> <n>   earlier contents of a re-clipped page
  fetch-pictures [id...]             fetch the pictures clips show but the library does not keep (all such clips without ids)
  import-library FILE [--no-fetch]   import another app's export (Pocket, Omnivore, Instapaper, Readwise, Raindrop,
                                     bookmarks, Karakeep, Wallabag, Linkwarden, Hypothesis, a list of links, a Clipdesk
                                     backup), then fetch the articles of entries that are only addresses (unless --no-fetch)
  fetch                              fetch the articles of pending clips that are due (imported addresses)
  export [--format json|markdown|html|csv|w3c|netscape|vault|backup] [--out PATH] [query...]
                                     the clips a search selects (all without a query); vault and backup need --out
  digest [query...] [--from DAY] [--to DAY | --last-days N] [--group tag|source|date|none] [--title T]
         [--content highlights|excerpt|full] [--paper a4|letter] [--html FILE] [--pdf FILE] [--save-preset NAME]
                                     a press review of the clips the query selects (HTML to stdout without --html/--pdf)
  digest --preset NAME [...]         run a saved press review again (flags given override it); --presets lists them,
                                     --delete-preset NAME deletes one
  sync [--url DB_URL [--user U] [--encrypt]] [--once]
                                     sync with a CouchDB server (DB_URL e.g. https://couch.example.org/clipdesk; the
                                     password from CLIPDESK_SYNC_PASSWORD or a prompt, kept for a plain "clipdesk sync");
                                     --encrypt: end-to-end, passphrase from CLIPDESK_SYNC_PASSPHRASE or a prompt;
                                     --once: one round, else keeps syncing until Ctrl+C
  serve [--port N]                   the app in your browser, on 127.0.0.1 (prints its URL)
  check                              read every file of the library and report damage (changes nothing)

options: --library DIR (or env CLIPDESK_LIBRARY), --json, --help`;

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  tag: { type: 'string', multiple: true },
  starred: { type: 'boolean' },
  annotated: { type: 'boolean' },
  trash: { type: 'boolean' },
  sort: { type: 'string' },
  state: { type: 'string' },
  limit: { type: 'string' },
  quote: { type: 'string' },
  occurrence: { type: 'string' },
  note: { type: 'string' },
  color: { type: 'string' },
  into: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  'no-fetch': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  'last-days': { type: 'string' },
  group: { type: 'string' },
  content: { type: 'string' },
  title: { type: 'string' },
  paper: { type: 'string' },
  html: { type: 'string' },
  pdf: { type: 'string' },
  preset: { type: 'string' },
  'save-preset': { type: 'string' },
  'delete-preset': { type: 'string' },
  presets: { type: 'boolean' },
  url: { type: 'string' },
  user: { type: 'string' },
  once: { type: 'boolean' },
  encrypt: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

type Flags = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: false });
}

async function main(argv: string[]): Promise<void> {
  const tagEdits = splitTagEdits(argv);
  const { values: flags, positionals } = parseCommandLine(tagEdits.rest);
  const [command, ...args] = positionals;
  if (flags.help || !command) {
    console.log(USAGE);
    return;
  }
  const libraryDir = resolveLibraryDir(flags.library);
  if (command === 'check') return check(libraryDir, Boolean(flags.json));
  if (command === 'import-library' && args[0] && (await isBackupArchive(args[0])) && (await isEmptyFolder(libraryDir))) {
    return restore(args[0], libraryDir, Boolean(flags.json));
  }
  // `serve` is the app in a browser: it rebuilds in the background like the app; other commands need whole answers.
  const library = await Library.open(libraryDir, { rebuildInBackground: command === 'serve', onRebuildProgress: rebuildProgress() });
  const result = await run(library, command, [...args, ...tagEdits.edits], flags);
  if (result !== undefined) console.log(flags.json ? JSON.stringify(result.data, null, 2) : result.text);
  // Damage is found when a file is read, so the command has run by now; `serve` keeps its library open.
  for (const notice of library.notices()) console.error(`clipdesk: ${notice}`);
  if (command !== 'serve') await library.close();
}

/** Says on stderr, about once a second, how a rebuild of the library's index the command waits for goes. */
function rebuildProgress(): (progress: RebuildProgress) => void {
  let said = 0;
  return ({ listing, done, total, elsewhere }) => {
    if (Date.now() - said < 1000 && done < total) return;
    said = Date.now();
    const who = elsewhere === undefined ? 'rebuilding the library index'
      : `waiting for another Clipdesk process (pid ${elsewhere}) to finish rebuilding the library index`;
    console.error(`clipdesk: ${who}: ${listing ? `${done} clips listed` : `${done} of ${total} clips indexed`}`);
  };
}

/** A Clipdesk backup restores into an empty folder as the library it was, not entry by entry. */
async function restore(file: string, dir: string, json: boolean): Promise<void> {
  const { library, restored } = await Library.restoreBackup(file, dir);
  await library.close();
  const text = `restored ${restored.clips} clip(s), ${restored.bodies} text(s) and ${restored.pictures} picture(s) into ${dir}`;
  console.log(json ? JSON.stringify({ dir, ...restored }, null, 2) : text);
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).length === 0;
}


/** Reads the whole library without changing anything (opening would repair); non-zero exit on problems. */
async function check(dir: string, json: boolean): Promise<void> {
  const report = await checkLibrary(dir);
  console.log(json ? JSON.stringify(report, null, 2) : formatCheck(report));
  if (report.problems.length > 0) process.exitCode = 1;
}

type OutputOf = (data: unknown, text: string) => Output;

interface Output {
  data: unknown;
  text: string;
}

async function run(library: Library, command: string, args: string[], flags: Flags): Promise<Output | undefined> {
  const out = (data: unknown, text: string): Output => ({ data, text });
  switch (command) {
    case 'import': return importTargets(library, need(args, 1, 'import <file|url>...'), flags.tag ?? [], out);
    case 'list': {
      const listed = library.list({
        tags: flags.tag, starred: flags.starred, annotated: flags.annotated, trashed: flags.trash,
        readState: flags.state === undefined ? undefined : oneOf(flags.state, READ_STATES, '--state') as ReadState,
        sort: flags.sort === undefined ? undefined : oneOf(flags.sort, SORT_KEYS, '--sort') as SortKey,
        limit: number(flags.limit, '--limit') ?? 50,
      });
      return out(listed, formatList(listed));
    }
    case 'show': {
      const clip = await library.get(library.resolveId(one(args, 'show <id>')));
      return out(clip, formatClip(clip));
    }
    case 'search': {
      const found = await library.search(need(args, 1, 'search <query>').join(' '), { limit: number(flags.limit, '--limit') ?? 20 });
      return out(found, formatSearch(found));
    }
    case 'tag': return tag(library, args, out);
    case 'tags': return tags(library, args, flags, out);
    case 'annotate': {
      const id = library.resolveId(one(args, 'annotate <id> --quote TEXT'));
      if (flags.quote === undefined) throw usage('annotate needs --quote "the passage to highlight"');
      const annotation = await library.annotate(id, {
        quote: flags.quote, occurrence: number(flags.occurrence, '--occurrence'), note: flags.note,
        color: flags.color === undefined ? undefined : flags.color as HighlightColor,
      });
      return out(annotation, formatAnnotation(annotation));
    }
    case 'note': {
      const [id, ...words] = need(args, 2, 'note <id> TEXT');
      const clip = await library.update(library.resolveId(id ?? ''), { note: words.join(' ') });
      return out(clip, `note saved on ${clip.id}`);
    }
    case 'star':
    case 'unstar': {
      const clip = await library.update(library.resolveId(one(args, `${command} <id>`)), { starred: command === 'star' });
      return out(clip, `${clip.starred ? 'starred' : 'unstarred'} ${clip.title}`);
    }
    case 'mark': {
      const [id, state] = need(args, 2, 'mark <id> unread|read|archived');
      const readState = oneOf(state ?? '', READ_STATES, 'the state') as ReadState;
      const clip = await library.update(library.resolveId(id ?? ''), { readState });
      return out(clip, `${clip.title}: ${clip.readState}`);
    }
    case 'trash': {
      const clip = await library.trash(library.resolveId(one(args, 'trash <id>')));
      return out(clip, `moved to trash: ${clip.title} (clipdesk restore ${clip.id})`);
    }
    case 'restore': {
      const clip = await library.restore(library.resolveId(one(args, 'restore <id>')));
      return out(clip, `restored: ${clip.title}`);
    }
    case 'empty-trash': {
      const removed = await library.emptyTrash();
      return out({ removed }, `deleted ${removed} clip(s) for good`);
    }
    case 'revisions': {
      const revisions = await library.revisions(library.resolveId(one(args, 'revisions <id>')));
      return out(revisions, revisions.map((r) => `${r.n}  ${r.savedAt}  ${r.title}`).join('\n') || 'no earlier revisions');
    }
    case 'revert': {
      const [id, n] = need(args, 2, 'revert <id> <n>');
      const clip = await library.restoreRevision(library.resolveId(id ?? ''), number(n, 'revision') ?? 0);
      return out(clip, `restored revision ${n} of ${clip.title}`);
    }
    case 'fetch-pictures': return fetchPictures(library, args, out);
    case 'import-library': return importLibrary(library, one(args, 'import-library FILE'), !flags['no-fetch'], out);
    case 'fetch': return fetchPendingArticles(library, out);
    case 'export': return exportTo(library, args, flags, out);
    case 'digest': {
      const { data, text } = await digestCommand(library, args, flags);
      return text === null ? undefined : out(data, text);
    }
    case 'sync': return syncCommand(library, flags, (line) => console.error(`clipdesk: ${line}`));
    case 'serve': {
      const { web, clipper } = await serveInBrowser(library, { port: flags.port === '0' ? 0 : number(flags.port, '--port') });
      console.log(`Clipdesk is running at ${web.url}\n` +
        `(library: ${library.dir}; browser clipper on port ${clipper.port}; stop with Ctrl+C)`);
      return undefined;
    }
    default:
      throw usage(`unknown command "${command}" (clipdesk --help lists them)`);
  }
}

/** Imports another app's export, saying what it found first and how far it is on stderr, then fetches what is pending. */
/**
 * Clips files and web pages in batches (one commit for many clips; pages fetched a few at a time). A
 * target that fails is told on stderr and the exit is non-zero; the others are clipped all the same.
 */
async function importTargets(library: Library, targets: string[], tags: string[], out: OutputOf): Promise<Output> {
  const isPage = (target: string) => /^https?:\/\//i.test(target);
  const pages = await library.importMany(targets.filter(isPage).map((url) => ({ kind: 'url' as const, url, tags })));
  const files = await library.importFiles(targets.filter((target) => !isPage(target)), tags);
  const results = targets.map((target, index) => ({ ...(isPage(target) ? pages : files).shift(), index }));
  const saved = results.filter((result): result is ImportResult & { index: number } => 'clip' in result);
  for (const result of results) {
    if (!('reason' in result)) continue;
    // Most reasons about a file name it already; the others get the target in front.
    const target = targets[result.index] ?? '';
    console.error(`clipdesk: ${result.reason.includes(target) ? result.reason : `${target}: ${result.reason}`}`);
  }
  if (saved.length < results.length) process.exitCode = 1;
  return out(results, saved.map(formatImport).join('\n'));
}

async function importLibrary(library: Library, file: string, fetch: boolean, out: OutputOf): Promise<Output> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ClipdeskError('BAD_INPUT', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  console.error(`clipdesk: ${(await library.describeExport(bytes, basename(file))).description}`);
  const report = await library.importLibrary(bytes, basename(file), (sofar) => console.error(`clipdesk: ${sofar.entries} entries read`));
  const fetched = fetch && report.pending > 0 ? await fetchWithProgress(library) : null;
  return out({ ...report, fetched }, formatLibraryImport(report, fetched));
}

async function fetchPendingArticles(library: Library, out: OutputOf): Promise<Output> {
  const run = await fetchWithProgress(library);
  const { pending, failed } = library.fetchStatus();
  const left = pending > 0 ? `; ${pending} still pending (${failed} given up on: clipdesk show <id> says why)` : '';
  return out({ ...run, ...library.fetchStatus() }, `fetched ${run.fetched} article(s), ${run.failed} failed${left}`);
}

/** Fetches the pending clips that are due, a line on stderr as each is done; Ctrl+C stops, and a later `fetch` goes on. */
async function fetchWithProgress(library: Library): Promise<FetchRun> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const total = library.fetchStatus().pending;
  return library.fetchPending({
    signal: controller.signal,
    onProgress: (run) => console.error(`clipdesk: articles fetched ${run.fetched + run.failed}/${total} (${run.failed} failed)`),
  });
}

/**
 * Exports the clips a search query selects (every clip outside the trash without one) to `--out`, or
 * to stdout for the formats that are one stream of text; a backup is always the whole library.
 */
async function exportTo(
  library: Library, words: string[], flags: Flags, out: (data: unknown, text: string) => Output,
): Promise<Output | undefined> {
  const format = oneOf(flags.format ?? 'json', EXPORT_FORMATS, '--format') as ExportFormat;
  if (format === 'backup') {
    if (words.length > 0) throw usage('a backup holds the whole library: leave out the query');
    const file = needOut(flags.out, 'backup --out FILE.zip');
    const counts = await library.backup(file);
    const text = `backed up ${counts.clips} clip(s), ${counts.bodies} text(s) and ${counts.pictures} picture(s) to ${file}`;
    return out({ file, ...counts }, text);
  }
  const ids = words.length > 0 ? library.idsMatching(words.join(' ')) : undefined;
  if (format === 'vault') {
    const written = await library.exportVault(needOut(flags.out, 'vault --out FOLDER'), ids);
    return out(written, `wrote ${written.notes} note(s) to ${written.dir}`);
  }
  const chunks = library.export(format, ids, flags.out && format === 'markdown' ? pictureFolderBeside(flags.out) : undefined);
  if (!flags.out) {
    await pipeline(Readable.from(chunks), process.stdout, { end: false });
    return undefined;
  }
  const bytes = await writeCounted(chunks, createWriteStream(flags.out));
  return out({ file: flags.out, bytes, clips: ids?.length }, `wrote ${flags.out}`);
}

function needOut(out: string | undefined, form: string): string {
  if (!out) throw usage(`usage: clipdesk export --format ${form}`);
  return out;
}

/** Works through the clips, a line of progress each on stderr, and says what it kept and missed. */
async function fetchPictures(library: Library, args: string[], out: OutputOf): Promise<Output> {
  const ids = args.length > 0 ? args.map((id) => library.resolveId(id)) : library.clipsMissingPictures();
  const results = [];
  for (const [i, id] of ids.entries()) {
    const pictures = await library.fetchPictures(id);
    results.push({ id, ...pictures });
    const progress = `${i + 1}/${ids.length} clips: ${id.slice(0, 8)} keeps ${pictures.kept}, misses ${pictures.missing}`;
    console.error(`clipdesk: pictures of ${progress}`);
  }
  const missing = results.reduce((sum, result) => sum + result.missing, 0);
  const text = ids.length === 0 ? 'no clip misses pictures' : `fetched pictures of ${ids.length} clip(s); ${missing} still missing`;
  return out(results, text);
}

async function tag(library: Library, args: string[], out: OutputOf): Promise<Output> {
  const [target, ...edits] = need(args, 2, 'tag <id> +name -name');
  const id = library.resolveId(target ?? '');
  const bad = edits.find((edit) => !/^[+-]./.test(edit));
  if (bad !== undefined) throw usage(`"${bad}": write +name to add a tag, -name to remove one`);
  const added = edits.filter((edit) => edit.startsWith('+')).map((edit) => edit.slice(1));
  const removed = edits.filter((edit) => edit.startsWith('-')).map((edit) => edit.slice(1));
  let clip = added.length > 0 ? await library.addTags(id, added) : undefined;
  if (removed.length > 0) clip = await library.removeTags(id, removed);
  if (!clip) throw usage('tag needs at least one +name or -name');
  return out(clip, `${clip.title}: ${clip.tags.join(', ') || '(no tags)'}`);
}

async function tags(library: Library, args: string[], flags: Flags, out: OutputOf): Promise<Output> {
  const [action, ...names] = args;
  if (action === undefined) {
    const counts = library.tags();
    return out(counts, formatTags(counts));
  }
  const changed = await (async () => {
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
  })();
  return out({ changed }, `${changed} clip(s) changed`);
}

/** A Markdown file's pictures go in a folder beside it named after it: notes.md links to notes-pictures/. */
function pictureFolderBeside(file: string): { path: string; href: string } {
  const folder = `${basename(file, extname(file))}-pictures`;
  return { path: join(dirname(file), folder), href: encodeURIComponent(folder) };
}

/** Writes text as it comes and says how many bytes it wrote. */
async function writeCounted(chunks: AsyncIterable<string>, to: Writable): Promise<number> {
  let bytes = 0;
  await pipeline(chunks, async function* (source: AsyncIterable<string>) {
    for await (const chunk of source) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }, to);
  return bytes;
}

/** In `tag <id> +new -old`, `-old` would read as an unknown flag: keep those words out of parseArgs. */
function splitTagEdits(argv: string[]): { rest: string[]; edits: string[] } {
  const rest: string[] = [];
  const edits: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const option = OPTIONS[word.replace(/^--/, '') as keyof typeof OPTIONS] as { type: string } | undefined;
    if (command === 'tag' && /^-[^-]/.test(word) && word !== '-h') edits.push(word);
    else rest.push(word);
    if (word.startsWith('--') && option?.type === 'string' && !word.includes('=')) rest.push(argv[++i] ?? '');
    else if (!word.startsWith('-')) command ??= word;
  }
  return { rest, edits };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = isClipdeskError(error) || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ? error.message
    : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`clipdesk: ${message}`);
  process.exitCode = isClipdeskError(error) && error.code === 'BAD_INPUT' ? 2 : 1;
});
