/** Human-readable renderings of facade results for the terminal (`--json` prints the data instead). */
import type {
  Annotation, Clip, ClipSummary, ImportResult, LibraryImportReport, ListResult, SearchResult, Snippet, TagCount,
  ReplacedValue,
} from '../api.js';
import type { LibraryCheck } from '../core/index.js';
import { snippetParts } from '../shared/snippet-parts.js';

export function formatImport(result: ImportResult): string {
  const verb = { created: 'clipped', updated: 'updated (previous version kept)', unchanged: 'already in library' }[result.outcome];
  const { missing } = result.pictures;
  const retry = `clipdesk fetch-pictures ${result.clip.id.slice(0, 8)}`;
  const pictures = missing > 0 ? `\n  ${missing} picture(s) not kept; try again later: ${retry}` : '';
  return `${verb}: ${result.clip.id}  ${result.clip.title}${pictures}`;
}

export function formatList(list: ListResult): string {
  if (list.total === 0) return 'no clips';
  const lines = list.clips.map(summaryLine);
  if (list.total > list.clips.length) lines.push(`… ${list.total - list.clips.length} more (use --limit)`);
  return lines.join('\n');
}

export function formatSearch(result: SearchResult): string {
  if (result.total === 0) return `no clip matches ${result.query}`;
  const hits = result.hits.map((hit) => `${summaryLine(hit.clip)}\n    ${markToTerminal(hit.snippet)}`);
  const count = result.totalIsLowerBound ? `more than ${result.total}` : `${result.total}`;
  return [`${count} clip(s) match ${result.query}`, ...hits].join('\n');
}

export function formatClip(clip: Clip): string {
  const facts: Array<[string, string | null]> = [
    ['id', clip.id], ['source', clip.source], ['byline', clip.byline], ['published', clip.publishedText ?? clip.publishedAt],
    ['url', clip.url], ['tags', clip.tags.join(', ') || null], ['starred', clip.starred ? 'yes' : null], ['note', clip.note || null],
    ['in trash', clip.deletedAt], ['revisions', clip.revisions > 0 ? String(clip.revisions) : null],
    ['read state', clip.readState], ['article', pendingLine(clip)],
  ];
  const header = facts.filter(([, value]) => value).map(([name, value]) => `${name}: ${value}`);
  const underline = '='.repeat(Math.min(clip.title.length, 80));
  const highlights = clip.annotations.map(formatAnnotation);
  const highlightSection = highlights.length ? ['', 'highlights:', ...highlights] : [];
  const replaced = clip.history.map(formatReplaced);
  const historySection = replaced.length ? ['', 'replaced by sync (edited at the same time on another machine):', ...replaced] : [];
  return [clip.title, underline, ...header, '', clip.text, ...highlightSection, ...historySection].join('\n');
}

/** A value that lost to a concurrent edit elsewhere: what it was, when it was made and when it was replaced. */
function formatReplaced({ part, value, stamp, replacedAt }: ReplacedValue): string {
  const shown = Object.entries(value).map(([field, inner]) => `${field} = ${JSON.stringify(inner)}`).join(', ');
  return `  ${part}: ${shown} (made ${stamp}, replaced ${replacedAt})`;
}

/** Where fetching the article of a clip imported as an address stands; null for a clip that has its article. */
function pendingLine({ pending }: ClipSummary): string | null {
  if (!pending) return null;
  if (!pending.lastError) return 'not fetched yet (clipdesk fetch)';
  const next = pending.nextAttemptAt ? `next try after ${pending.nextAttemptAt}` : 'no more tries on its own: clipdesk fetch tries again';
  return `not fetched: ${pending.lastError} (${pending.attempts} tries; ${next})`;
}

export function formatAnnotation(annotation: Annotation): string {
  const status = annotation.status === 'orphan' ? ' [orphaned: not found in the current text]' : '';
  const note = annotation.note ? `\n    note: ${annotation.note}` : '';
  return `  [${annotation.color}] "${annotation.target.selector[0].exact}"${status} (${annotation.id})${note}`;
}

export function formatTags(tags: TagCount[]): string {
  return tags.length === 0 ? 'no tags' : tags.map((tag) => `${String(tag.count).padStart(6)}  ${tag.name}`).join('\n');
}

function summaryLine(clip: ClipSummary): string {
  const date = (clip.publishedAt ?? clip.clippedAt).slice(0, 10);
  const flags = `${clip.starred ? '★' : ' '}${clip.annotationCount > 0 ? '✎' : ' '}`;
  const tags = clip.tags.length > 0 ? `  [${clip.tags.join(', ')}]` : '';
  return `${clip.id.slice(0, 8)} ${flags} ${date}  ${clip.title}${clip.source ? ` — ${clip.source}` : ''}${tags}`;
}

/** A terminal shows a snippet's marks bold, or in [brackets] when the output is not a terminal. */
function markToTerminal(snippet: Snippet): string {
  const [open, close] = process.stdout.isTTY ? ['\x1b[1m', '\x1b[0m'] : ['[', ']'];
  return snippetParts(snippet).map((part) => (part.marked ? `${open}${part.text}${close}` : part.text)).join('');
}

export function formatCheck(report: LibraryCheck): string {
  const { clips, bodies, pictures, backups, problems } = report;
  const unused = pictures.unused === null
    ? ' (not matched to clips: their texts did not read)'
    : pictures.unused > 0 ? ` (${pictures.unused} shown by no clip)` : '';
  const summary = `${report.dir}: ${clips} clips, ${bodies} texts, ${pictures.stored} pictures${unused}, ` +
    `${backups.recentVersions} recent backup versions, ${backups.dailySnapshots.length} daily snapshots` +
    (report.strayTemps.length > 0 ? `, ${report.strayTemps.length} half-written files of killed writers (the app removes them)` : '');
  if (problems.length === 0) return `${summary}\nno problems found`;
  return [summary, `${problems.length} problem(s):`, ...problems.map((p) => `  ${p.kind}  ${p.file}  ${p.detail}`)].join('\n');
}

export function formatLibraryImport(report: LibraryImportReport, fetched: { fetched: number; failed: number } | null): string {
  const counts = `${report.entries} entries: ${report.created} new clips, ${report.merged} merged into clips you had, ` +
    `${report.failed} failed, ${report.skipped} skipped`;
  const outcome = fetched && `${fetched.fetched} articles fetched, ${fetched.failed} failed (clipdesk fetch tries again later)`;
  const pending = report.pending === 0 ? [] : [outcome
    ? `${report.pending} were addresses only: ${outcome}`
    : `${report.pending} are addresses only, their articles still to fetch: clipdesk fetch`];
  const problems = report.problems.map((problem) => `  ${problem.kind}  ${problem.source}  ${problem.reason}`);
  return [report.description, counts, ...pending, ...problems].join('\n');
}
