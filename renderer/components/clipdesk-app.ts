import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { AnnotationPatch, ClipPatch, ClipSummary, ClipperInfo, HighlightColor, ImportInput, SearchResult } from '../../electron/api.js';
import { ApiError, createApi, errorMessage } from '../api-client.js';
import { droppedInput, isClippable } from '../drop-input.js';
import { plural } from '../format.js';
import { ListPager } from '../list-pager.js';
import { commandFor } from '../shortcuts.js';
import type { Command } from '../shortcuts.js';
import { UrlQuery } from '../url-query.js';
import './annotation-panel.js';
import type { AnnotationPanel } from './annotation-panel.js';
import './clip-list.js';
import type { ClipList } from './clip-list.js';
import './clip-reader.js';
import type { ClipReader } from './clip-reader.js';
import './import-dialog.js';
import './list-toolbar.js';
import type { ListFilters } from './list-toolbar.js';
import './revisions-dialog.js';
import './search-bar.js';
import type { SearchBar } from './search-bar.js';
import './search-help.js';
import './shortcuts-dialog.js';
import './tag-sidebar.js';
import './toast-message.js';
import './trash-view.js';
import { baseStyles } from '../base-styles.js';

interface Toast {
  message: string;
  error?: boolean;
  action?: { label: string; run: () => void };
}

/** The Electron menu's commands (electron/shell/menu.ts) that are also keyboard shortcuts. */
const MENU_COMMANDS = { 'focus-search': 'search', 'show-shortcuts': 'help', star: 'star', trash: 'trash', highlight: 'highlight', tag: 'tag' } as const satisfies Record<string, Command>;

/** Hits shown per search; each costs a text read and a snippet, and a keystroke should cost little. */
const SEARCH_PAGE = 50;

/**
 * The Clipdesk window, and the only element that talks to the library API: children get data as
 * properties and report what people do as events. It owns the view (library, search, trash, reader),
 * the keyboard shortcuts, drops onto the window, and the toast.
 */
@customElement('clipdesk-app')
export class ClipdeskApp extends LitElement {
  static override styles = [baseStyles, css`
    :host {
      display: grid; height: 100vh; overflow: hidden;
      grid-template: 'header header header' auto 'nav main aside' minmax(0, 1fr) / 15rem minmax(0, 1fr) auto;
    }
    header { grid-area: header; display: flex; gap: 1rem; align-items: center; padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); background: var(--surface); }
    .brand { font-weight: 700; font-size: 1.1rem; }
    search-bar { flex: 1; max-width: 40rem; }
    .busy { display: flex; gap: 0.5rem; align-items: center; color: var(--muted); font-size: 0.9rem; }
    nav { grid-area: nav; overflow-y: auto; padding: 0.75rem; border-right: 1px solid var(--border); background: var(--surface); }
    main { grid-area: main; display: flex; flex-direction: column; min-height: 0; position: relative; }
    aside { grid-area: aside; width: 20rem; overflow-y: auto; border-left: 1px solid var(--border); background: var(--surface); }
    .pane { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .pane[hidden] { display: none; }
    clip-list { flex: 1; }
    clip-reader, trash-view { flex: 1; min-height: 0; }
    button { font: inherit; color: var(--text); background: var(--surface-raised); border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.35rem 0.8rem; cursor: pointer; }
    button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 600; }
    .views { display: grid; gap: 0.15rem; }
    .views button { text-align: left; border: 0; background: none; }
    .views button[aria-current='page'] { background: var(--selected); font-weight: 600; }
    .status-line { padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; margin: 0; }
    .problem { padding: 0.75rem 1rem; margin: 0; color: var(--danger); font-weight: 600; }
    .empty { padding: 1rem 1.25rem; margin: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .drop { position: fixed; inset: 0; z-index: 30; display: grid; place-items: center; pointer-events: none;
      background: rgb(0 0 0 / 0.35); color: #fff; font-size: 1.5rem; font-weight: 700; }
  `];

  private readonly _api = createApi();
  private readonly _url = new UrlQuery();

  @state() private _view: 'library' | 'trash' = 'library';
  @state() private _filters: ListFilters = { sort: 'clippedAt', descending: true, starred: false, annotated: false };
  @state() private _tagFilter: readonly string[] = [];
  @state() private _query = this._url.read();
  @state() private _activeIndex = -1;
  @state() private _openId: string | null = null;
  @state() private _clipper: ClipperInfo | null = null;
  @state() private _importOpen = false;
  @state() private _importing = false;
  @state() private _importError = '';
  @state() private _shortcutsOpen = false;
  @state() private _revisionsOpen = false;
  @state() private _dragging = false;
  @state() private _toast: Toast | null = null;
  /** Bumped after every change to the library, so every view fetches again. */
  @state() private _version = 0;

  @query('search-bar') private _searchBar!: SearchBar;
  @query('clip-list') private _list!: ClipList;
  @query('clip-reader') private _reader?: ClipReader;
  @query('annotation-panel') private _panel?: AnnotationPanel;

  private readonly _pager = new ListPager(this, (options) => this._api.list(options));
  private readonly _tags = new Task(this, { task: () => this._api.tags(), args: () => [this._version] });
  private readonly _search = new Task(this, {
    task: ([query]) => (query.trim() ? this._api.search(query, { limit: SEARCH_PAGE }) : Promise.resolve(null)),
    args: () => [this._query, this._version] as const,
  });
  private readonly _trash = new Task(this, {
    task: ([view]) => (view === 'trash' ? this._api.list({ trashed: true, limit: 1000 }) : Promise.resolve(null)),
    args: () => [this._view, this._version] as const,
  });
  private readonly _clip = new Task(this, {
    task: ([id]) => (id ? this._api.get(id) : Promise.resolve(null)),
    args: () => [this._openId, this._version] as const,
  });
  private readonly _revisions = new Task(this, {
    task: ([id, open]) => (id && open ? this._api.revisions(id) : Promise.resolve(null)),
    args: () => [this._openId, this._revisionsOpen, this._version] as const,
  });

  override render() {
    return html`
      <header>
        <span class="brand">Clipdesk</span>
        <search-bar .value=${this._query} @query-change=${this._onQuery}></search-bar>
        ${this._importing && !this._importOpen ? html`<span class="busy" role="status"><progress aria-label="Importing"></progress> Clipping…</span>` : nothing}
        <button class="primary" @click=${() => this._openImport()}>Add clip</button>
        <button aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" @click=${() => (this._shortcutsOpen = true)}>?</button>
      </header>
      <nav aria-label="Library">
        <div class="views">
          <button aria-current=${this._view === 'library' && !this._openId ? 'page' : nothing} @click=${this._onShowLibrary}>All clips</button>
          <button aria-current=${this._view === 'trash' ? 'page' : nothing} @click=${this._onShowTrash}>Trash</button>
        </div>
        <tag-sidebar .tags=${this._tags.value ?? []} .selected=${this._tagFilter}
          @tag-toggle=${this._onTagToggle} @tag-rename=${this._onTagRename} @tag-delete=${this._onTagDelete}></tag-sidebar>
      </nav>
      <main @clip-open=${this._onOpen} @clip-activate=${this._onActivate}>
        <div class="pane" ?hidden=${this._openId !== null || this._view !== 'library'}>${this._renderList()}</div>
        ${this._view === 'trash' && !this._openId ? this._renderTrash() : nothing}
        ${this._openId ? this._renderReader() : nothing}
      </main>
      ${this._renderAside()}
      <import-dialog .open=${this._importOpen} .pending=${this._importing} .error=${this._importError} .clipper=${this._clipper}
        @import-submit=${(event: CustomEvent<{ input: ImportInput }>) => this._import(event.detail.input)}
        @dialog-close=${() => (this._importOpen = false)}></import-dialog>
      <shortcuts-dialog .open=${this._shortcutsOpen} @dialog-close=${() => (this._shortcutsOpen = false)}></shortcuts-dialog>
      ${this._renderRevisions()}
      <toast-message .message=${this._toast?.message ?? ''} .action=${this._toast?.action?.label ?? ''} ?error=${this._toast?.error ?? false}
        @toast-action=${this._onToastAction} @toast-dismiss=${() => (this._toast = null)}></toast-message>
      ${this._dragging ? html`<div class="drop" aria-hidden="true">Drop to clip</div>` : nothing}`;
  }

  private _renderList() {
    if (this._query.trim()) return this._renderSearch();
    const empty = this._pager.loaded && this._pager.total === 0;
    const filtered = this._tagFilter.length > 0 || this._filters.starred || this._filters.annotated;
    return html`
      <h1 class="visually-hidden">Library</h1>
      <list-toolbar .filters=${this._filters} .total=${this._pager.total} @filters-change=${this._onFilters}></list-toolbar>
      ${this._pager.error ? html`<p class="problem" role="alert">${this._pager.error}</p>` : nothing}
      ${empty && !filtered ? html`
        <p class="empty">Your library is empty. Press <strong>Add clip</strong>, or drop a web link or a .html, .txt or .md file onto the window.</p>
        <search-help></search-help>` : nothing}
      ${empty && filtered ? html`<p class="empty">No clips match these filters${this._tagFilter.length ? ` (tags: ${this._tagFilter.join(', ')})` : ''}.</p>` : nothing}
      <clip-list label="Clips" .items=${this._pager.items} .activeIndex=${this._activeIndex}
        @rows-visible=${(event: CustomEvent<{ first: number; last: number }>) => this._pager.show(event.detail.first, event.detail.last)}></clip-list>`;
  }

  private _renderSearch() {
    const result = this._search.value;
    const error = this._search.error;
    const snippets = new Map(result?.hits.map((hit) => [hit.clip.id, hit.snippet]));
    return html`
      <h1 class="visually-hidden">Search results</h1>
      ${error
        ? html`<p class="problem" role="alert">${error instanceof ApiError && error.code === 'BAD_QUERY' ? `Cannot read this query: ${error.message}` : errorMessage(error)}</p>`
        : html`<p class="status-line" role="status">${result ? searchSummary(result) : 'Searching…'}</p>`}
      ${result && result.total === 0 && !error ? html`<search-help heading="No clips match" message="Try fewer words, or these forms:"></search-help>` : nothing}
      <clip-list label="Search results" .items=${error ? [] : (result?.hits.map((hit) => hit.clip) ?? [])} .snippets=${snippets}
        .activeIndex=${this._activeIndex}></clip-list>`;
  }

  private _renderTrash() {
    return html`
      <h1 class="visually-hidden">Trash</h1>
      ${this._trash.error ? html`<p class="problem" role="alert">${errorMessage(this._trash.error)}</p>` : nothing}
      <trash-view .clips=${this._trash.value?.clips ?? []} @clip-restore=${this._onRestore}
        @trash-empty=${() => this._run(() => this._api.emptyTrash(), (count) => this._say(`Deleted ${plural(count, 'clip')} for good`))}></trash-view>`;
  }

  private _renderReader() {
    const clip = this._clip.value;
    if (this._clip.error && clip?.id !== this._openId) return html`<p class="problem" role="alert">${errorMessage(this._clip.error)}</p>`;
    if (!clip || clip.id !== this._openId) return html`<p class="empty" role="status">Opening…</p>`;
    return html`
      <clip-reader .clip=${clip} .allTags=${(this._tags.value ?? []).map((tag) => tag.name)}
        @reader-close=${this._closeReader} @clip-update=${this._onClipUpdate} @clip-trash=${() => this._trashClip(clip)}
        @revisions-open=${() => (this._revisionsOpen = true)}
        @tags-add=${(event: CustomEvent<{ names: string[] }>) => this._run(() => this._api.addTags(clip.id, event.detail.names))}
        @tags-remove=${(event: CustomEvent<{ name: string }>) => this._run(() => this._api.removeTags(clip.id, [event.detail.name]))}
        @annotate=${this._onAnnotate}></clip-reader>`;
  }

  private _renderRevisions() {
    // Only a finished load: while another clip's versions load, its last list must not show.
    const loaded = this._revisions.status === TaskStatus.COMPLETE ? this._revisions.value : null;
    const error = this._revisions.status === TaskStatus.ERROR ? errorMessage(this._revisions.error) : '';
    return html`
      <revisions-dialog .open=${this._revisionsOpen} .revisions=${loaded ?? null} .error=${error}
        @revision-restore=${this._onRevisionRestore} @dialog-close=${() => (this._revisionsOpen = false)}></revisions-dialog>`;
  }

  private _renderAside() {
    const clip = this._clip.value;
    if (!this._openId || clip?.id !== this._openId) return nothing;
    return html`
      <aside aria-label="Highlights and notes">
        <annotation-panel .annotations=${clip.annotations}
          @annotation-select=${(event: CustomEvent<{ id: string }>) => this._reader?.reveal(event.detail.id)}
          @annotation-update=${this._onAnnotationUpdate}
          @annotation-delete=${(event: CustomEvent<{ id: string }>) => this._run(() => this._api.deleteAnnotation(clip.id, event.detail.id))}></annotation-panel>
      </aside>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this._onKeydown);
    addEventListener('popstate', this._onPopState);
    addEventListener('dragover', this._onDragOver);
    addEventListener('dragleave', this._onDragLeave);
    addEventListener('drop', this._onDrop);
    this._api.clipperInfo().then((info) => (this._clipper = info), () => undefined); // no clipper: no bookmarklet offered
    // A damaged file found and repaired at open is news the user must get, not a log line.
    this._api.notices().then((notices) => notices.length > 0 && this._say(notices.join(' '), { error: true }), () => undefined);
    window.clipdeskShell?.onCommand((command, detail) => this._onShellCommand(command, detail));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this._onKeydown);
    removeEventListener('popstate', this._onPopState);
    removeEventListener('dragover', this._onDragOver);
    removeEventListener('dragleave', this._onDragLeave);
    removeEventListener('drop', this._onDrop);
  }

  // --- library changes --------------------------------------------------------------------------

  /** Runs a change, then refreshes every view; a failure becomes an error toast. */
  private async _run<T>(change: () => Promise<T>, after?: (value: T) => void): Promise<void> {
    try {
      const value = await change();
      this._refresh();
      after?.(value);
    } catch (error) {
      this._say(errorMessage(error), { error: true });
    }
  }

  private _refresh(): void {
    this._version++;
    this._pager.reload();
  }

  private _say(message: string, options: Omit<Toast, 'message'> = {}): void {
    this._toast = { message, ...options };
  }

  private async _import(input: ImportInput): Promise<void> {
    this._importing = true;
    this._importError = '';
    try {
      const { clip, outcome } = await this._api.import(input);
      this._importOpen = false;
      this._refresh();
      this._say(outcome === 'unchanged' ? `Already in your library: ${clip.title}` : `Clipped: ${clip.title}`);
      this._open(clip.id);
    } catch (error) {
      if (this._importOpen) this._importError = errorMessage(error);
      else this._say(`Could not clip this: ${errorMessage(error)}`, { error: true });
    } finally {
      this._importing = false;
    }
  }

  private _trashClip(clip: ClipSummary): void {
    if (this._openId === clip.id) this._closeReader();
    void this._run(() => this._api.trash(clip.id), () => this._say(`Moved to trash: ${clip.title}`, {
      action: { label: 'Undo', run: () => void this._run(() => this._api.restore(clip.id)) },
    }));
  }

  // --- navigation -------------------------------------------------------------------------------

  private _open(id: string): void {
    this._view = 'library';
    this._openId = id;
  }

  private async _closeReader(): Promise<void> {
    this._openId = null;
    await this.updateComplete;
    this._list?.focus();
  }

  private _openImport(): void {
    this._importError = '';
    this._importOpen = true;
  }

  /** The clip the single-key shortcuts act on: the open one, else the list's active row. */
  private _currentClip(): ClipSummary | undefined {
    if (this._openId) return this._clip.value?.id === this._openId ? this._clip.value : undefined;
    // The Trash view hides the list: its selected row is not what `s`, Delete or Enter should act on.
    if (this._view !== 'library') return undefined;
    return this._visibleItems()[this._activeIndex];
  }

  private _visibleItems(): readonly (ClipSummary | undefined)[] {
    return this._query.trim() ? (this._search.value?.hits.map((hit) => hit.clip) ?? []) : this._pager.items;
  }

  private _moveActive(step: number): void {
    const count = this._visibleItems().length;
    if (count === 0) return;
    this._activeIndex = Math.min(count - 1, Math.max(0, this._activeIndex + step));
    this._list?.focus();
  }

  // --- event handlers -------------------------------------------------------------------------

  private _onQuery(event: CustomEvent<{ query: string }>): void {
    this._query = event.detail.query;
    this._activeIndex = -1;
    this._openId = null;
    this._view = 'library';
    this._url.push(this._query);
  }

  private readonly _onPopState = () => {
    this._url.cancel();
    this._query = this._url.read();
    this._activeIndex = -1;
  };

  private _onFilters(event: CustomEvent<{ filters: ListFilters }>): void {
    this._filters = event.detail.filters;
    this._applyFilters();
  }

  private _applyFilters(): void {
    const { sort, descending, starred, annotated } = this._filters;
    this._activeIndex = -1;
    this._pager.setOptions({
      sort, descending, tags: this._tagFilter.length ? [...this._tagFilter] : undefined,
      starred: starred || undefined, annotated: annotated || undefined,
    });
  }

  private _onShowLibrary(): void {
    this._view = 'library';
    this._openId = null;
    if (this._tagFilter.length) {
      this._tagFilter = [];
      this._applyFilters();
    }
  }

  private _onShowTrash(): void {
    this._view = 'trash';
    this._openId = null;
  }

  private _onTagToggle(event: CustomEvent<{ name: string }>): void {
    const key = event.detail.name.toLowerCase();
    const has = this._tagFilter.some((name) => name.toLowerCase() === key);
    this._tagFilter = has ? this._tagFilter.filter((name) => name.toLowerCase() !== key) : [...this._tagFilter, event.detail.name];
    this._view = 'library';
    this._openId = null;
    this._applyFilters();
  }

  private _onTagRename(event: CustomEvent<{ from: string; to: string }>): void {
    const { from, to } = event.detail;
    void this._run(() => this._api.renameTag(from, to), (count) => {
      this._say(`Renamed ${from} to ${to} on ${plural(count, 'clip')}`);
      this._replaceTagFilter(from, [to]);
    });
  }

  private _onTagDelete(event: CustomEvent<{ name: string }>): void {
    const { name } = event.detail;
    void this._run(() => this._api.deleteTag(name), (count) => {
      this._say(`Removed tag ${name} from ${plural(count, 'clip')}`);
      this._replaceTagFilter(name, []);
    });
  }

  private _replaceTagFilter(name: string, replacement: string[]): void {
    if (!this._tagFilter.some((tag) => tag.toLowerCase() === name.toLowerCase())) return;
    this._tagFilter = [...this._tagFilter.filter((tag) => tag.toLowerCase() !== name.toLowerCase()), ...replacement];
    this._applyFilters();
  }

  private _onActivate(event: CustomEvent<{ index: number }>): void {
    this._activeIndex = event.detail.index;
  }

  private _onOpen(event: CustomEvent<{ id: string }>): void {
    this._open(event.detail.id);
  }

  private _onRestore(event: CustomEvent<{ id: string }>): void {
    void this._run(() => this._api.restore(event.detail.id), (clip) => this._say(`Restored: ${clip.title}`));
  }

  private _onClipUpdate(event: CustomEvent<{ patch: ClipPatch }>): void {
    const id = this._openId;
    if (id) void this._run(() => this._api.update(id, event.detail.patch));
  }

  private async _onAnnotate(event: CustomEvent<{ start: number; end: number; color: HighlightColor; withNote: boolean }>): Promise<void> {
    const id = this._openId;
    const { start, end, color, withNote } = event.detail;
    if (!id) return;
    try {
      const annotation = await this._api.annotate(id, { start, end, color });
      this._refresh();
      if (!withNote) return;
      // The refetch starts in the next update; wait for it, then for the panel to show the new highlight.
      await this.updateComplete;
      await this._clip.taskComplete;
      await this.updateComplete;
      void this._panel?.editNote(annotation.id);
    } catch (error) {
      this._say(`Could not highlight: ${errorMessage(error)}`, { error: true });
    }
  }

  private _onRevisionRestore(event: CustomEvent<{ n: number }>): void {
    const id = this._openId;
    this._revisionsOpen = false;
    if (id) void this._run(() => this._api.restoreRevision(id, event.detail.n), (clip) => this._say(`Restored an earlier version: ${clip.title}`));
  }

  private _onAnnotationUpdate(event: CustomEvent<{ id: string; patch: AnnotationPatch }>): void {
    const id = this._openId;
    if (id) void this._run(() => this._api.updateAnnotation(id, event.detail.id, event.detail.patch));
  }

  private _onToastAction(): void {
    const action = this._toast?.action;
    this._toast = null;
    action?.run();
  }

  /** The native menu's commands are the keyboard's; a clip made by the main process is shown. */
  private _onShellCommand(command: string, detail: string | null): void {
    if (command === 'add-clip' || command === 'show-bookmarklet') this._importOpen = true;
    else if (command === 'refresh') {
      this._refresh();
      if (detail) this._open(detail);
    } else if (command in MENU_COMMANDS) this._perform(MENU_COMMANDS[command as keyof typeof MENU_COMMANDS]);
  }

  private readonly _onKeydown = (event: KeyboardEvent) => {
    // A modal dialog owns the keyboard, even when focus has slipped out of it to the page.
    if (this._importOpen || this._shortcutsOpen || this._revisionsOpen) return;
    const command = commandFor(event);
    if (command && this._perform(command)) event.preventDefault();
  };

  /** Carries out a shortcut; false when it does not apply here, so the key keeps its usual meaning. */
  private _perform(command: Command): boolean {
    const reading = this._openId !== null;
    const clip = this._currentClip();
    switch (command) {
      case 'search': this._searchBar.focus(); return true;
      case 'help': this._shortcutsOpen = true; return true;
      case 'next': case 'previous':
        if (reading || this._view !== 'library') return false;
        this._moveActive(command === 'next' ? 1 : -1);
        return true;
      case 'open':
        if (reading || !clip) return false;
        this._open(clip.id);
        return true;
      case 'close':
        if (!reading) return false;
        void this._closeReader();
        return true;
      case 'tag':
        this._reader?.focusTags();
        return reading;
      case 'highlight': return this._reader?.highlightSelection() ?? false;
      case 'star':
        if (!clip) return false;
        void this._run(() => this._api.update(clip.id, { starred: !clip.starred }));
        return true;
      case 'trash':
        if (!clip) return false;
        this._trashClip(clip);
        return true;
    }
  }

  private readonly _onDragOver = (event: DragEvent) => {
    if (!isClippable(event.dataTransfer)) return;
    event.preventDefault();
    this._dragging = true;
  };

  private readonly _onDragLeave = (event: DragEvent) => {
    // Leaving one element for another inside the window also fires dragleave; only leaving the window counts.
    if (!event.relatedTarget) this._dragging = false;
  };

  private readonly _onDrop = async (event: DragEvent) => {
    this._dragging = false;
    if (!event.dataTransfer || !isClippable(event.dataTransfer)) return;
    event.preventDefault();
    const input = await droppedInput(event.dataTransfer);
    if ('problem' in input) this._say(input.problem, { error: true });
    else void this._import(input);
  };
}

function searchSummary(result: SearchResult): string {
  const shown = result.hits.length < result.total ? ` (showing the best ${result.hits.length})` : '';
  const count = result.totalIsLowerBound ? `More than ${result.total.toLocaleString('en')} clips` : plural(result.total, 'clip');
  return `${count} found${shown}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'clipdesk-app': ClipdeskApp;
  }
}
