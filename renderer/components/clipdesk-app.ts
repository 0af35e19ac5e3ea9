import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { ClipSummary } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import { baseStyles } from '../base-styles.js';
import { DigestController } from '../controllers/digest-controller.js';
import { DropController } from '../controllers/drop-controller.js';
import { ExportController } from '../controllers/export-controller.js';
import { ImportController } from '../controllers/import-controller.js';
import { KeyboardController } from '../controllers/keyboard-controller.js';
import { LibraryChanges } from '../controllers/library-changes.js';
import { LibraryData } from '../controllers/library-data.js';
import { Navigation } from '../controllers/navigation.js';
import { PictureFetchController } from '../controllers/picture-fetch-controller.js';
import { CatalogWatch } from '../controllers/catalog-watch.js';
import { FetchWatch } from '../controllers/fetch-watch.js';
import { LibraryImportController } from '../controllers/library-import-controller.js';
import { SyncController } from '../controllers/sync-controller.js';
import { ToastController } from '../controllers/toast-controller.js';
import { plural } from '../../electron/shared/date-format.js';
import { menuCommand } from '../shortcuts.js';
import type { Command } from '../shortcuts.js';
import { appStyles } from './clipdesk-app-styles.js';
import './digest-dialog.js';
import './export-dialog.js';
import './import-dialog.js';
import './library-pane.js';
import './library-import-dialog.js';
import './library-nav.js';
import type { LibraryPane } from './library-pane.js';
import './reader-pane.js';
import type { ReaderPane } from './reader-pane.js';
import './search-bar.js';
import type { SearchBar } from './search-bar.js';
import './shortcuts-dialog.js';
import './sync-dialog.js';
import './sync-indicator.js';
import './toast-message.js';

type EventOf<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K];

/**
 * The Clipdesk window: its header and navigation, the library and reader panes, the dialogs and the
 * toast. It is the only element that talks to the library API (through LibraryData): the panes get
 * data as properties and report what people do as events, which this turns into library changes.
 */
@customElement('clipdesk-app')
export class ClipdeskApp extends LitElement {
  static override styles = [baseStyles, appStyles];

  @state() private _shortcutsOpen = false;
  @state() private _revisionsOpen = false;

  @query('search-bar') private _searchBar!: SearchBar;
  @query('library-pane') private _library!: LibraryPane;
  @query('reader-pane') private _reader?: ReaderPane;

  private readonly _nav = new Navigation(this, (filters, tags) => this._data.filterList(filters, tags));
  private readonly _data = new LibraryData(this, () => ({
    query: this._nav.query, trashShown: this._nav.view === 'trash', openId: this._nav.openId, revisionsOpen: this._revisionsOpen,
  }));
  private readonly _toast = new ToastController(this);
  private readonly _changes = new LibraryChanges(this._data, this._toast, this._nav);
  private readonly _import = new ImportController(this, this._data, {
    clipped: ({ clip, outcome, pictures }) => {
      const missing = pictures.missing > 0 ? ` (${plural(pictures.missing, 'picture')} could not be kept offline)` : '';
      this._toast.say(`${outcome === 'unchanged' ? 'Already in your library' : 'Clipped'}: ${clip.title}${missing}`);
      this._nav.open(clip.id);
    },
    failed: (message) => this._toast.say(`Could not clip this: ${message}`, { error: true }),
  });
  private readonly _pictures = new PictureFetchController(this, this._data, this._toast);
  private readonly _libraryImport = new LibraryImportController(this, this._data);
  private readonly _fetchWatch = new FetchWatch(this, this._data);
  private readonly _catalogWatch = new CatalogWatch(this, this._data);
  private readonly _export = new ExportController(this, this._data, this._nav);
  private readonly _digest = new DigestController(this, this._data.digests, this._nav);
  private readonly _sync = new SyncController(this, this._data, () => this._toast.say('Sync settings saved'));
  private readonly _drops = new DropController(this, (input) => {
    if ('problem' in input) this._toast.say(input.problem, { error: true });
    else void this._import.run(input);
  });
  private readonly _keys = new KeyboardController(this, {
    perform: (command) => this._perform(command),
    modalOpen: () => this._import.dialogOpen || this._libraryImport.open || this._export.open || this._digest.open
      || this._sync.open || this._shortcutsOpen || this._revisionsOpen,
  });

  override render() {
    const nav = this._nav;
    const toast = this._toast.current;
    return html`
      <header>
        <span class="brand">Clipdesk</span>
        <search-bar .value=${nav.query}
          @query-change=${(event: EventOf<'query-change'>) => nav.search(event.detail.query, event.detail.submitted)}></search-bar>
        ${this._import.pending && !this._import.dialogOpen
          ? html`<span class="busy" role="status"><progress aria-label="Importing"></progress> Clipping…</span>` : nothing}
        <button class="primary" @click=${() => this._import.openDialog()}>Add clip</button>
        <button @click=${() => this._export.openDialog()}>Export…</button>
        <button @click=${() => this._digest.openDialog()}>Press review…</button>
        <button aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" @click=${() => (this._shortcutsOpen = true)}>?</button>
      </header>
      <nav aria-label="Library">
        <library-nav .view=${nav.view} ?reading=${nav.openId !== null} .tags=${this._data.tags.value ?? []} .selectedTags=${nav.tagFilter}
          .clipsMissingPictures=${this._data.missingPictures.value?.length ?? 0} .pictureProgress=${this._pictures.progress}
          .fetching=${this._data.fetching.value ?? null} .catalog=${this._data.catalog.value ?? null}
          @view-show=${(event: EventOf<'view-show'>) => (event.detail.view === 'trash' ? nav.showTrash() : nav.showLibrary())}
          @tag-toggle=${(event: EventOf<'tag-toggle'>) => nav.toggleTag(event.detail.name)}
          @tag-rename=${({ detail }: EventOf<'tag-rename'>) => this._changes.renameTag(detail.from, detail.to)}
          @tag-delete=${(event: EventOf<'tag-delete'>) => this._changes.deleteTag(event.detail.name)}
          @pictures-fetch-all=${() => this._pictures.fetchAll()}
          @fetching-pause=${() => this._changes.run(() => this._data.mutate('pauseFetching'))}
          @fetching-resume=${() => this._changes.run(() => this._data.mutate('resumeFetching'))}></library-nav>
        <sync-indicator .status=${this._sync.status} @sync-settings-open=${() => this._sync.openDialog()}
          @sync-now=${() => this._sync.syncNow()}></sync-indicator>
      </nav>
      <main ?hidden=${nav.openId !== null}>${this._renderLibrary()}</main>
      ${nav.openId ? this._renderReader() : nothing}
      <import-dialog .open=${this._import.dialogOpen} .pending=${this._import.pending} .error=${this._import.error}
        .clipper=${this._import.clipper} @import-submit=${(event: EventOf<'import-submit'>) => this._import.run(event.detail.input)}
        @dialog-close=${() => this._import.closeDialog()}
        @library-import-open=${() => this._openLibraryImport()}></import-dialog>
      <library-import-dialog .open=${this._libraryImport.open} .pending=${this._libraryImport.pending}
        .error=${this._libraryImport.error} .preview=${this._libraryImport.preview} .report=${this._libraryImport.report}
        @export-choose=${(event: EventOf<'export-choose'>) => this._libraryImport.choose(event.detail.file)}
        @export-import=${() => this._libraryImport.run()} @dialog-close=${() => this._libraryImport.close()}></library-import-dialog>
      <export-dialog .open=${this._export.open} .pending=${this._export.pending} .error=${this._export.error} .saved=${this._export.saved}
        .choices=${this._export.open ? this._export.choices() : []} @dialog-close=${() => this._export.close()}
        @export-run=${(event: EventOf<'export-run'>) => this._export.run(event.detail.format, event.detail.choice)}></export-dialog>
      ${this._renderDigestDialog()}
      ${this._renderSyncDialog()}
      <shortcuts-dialog .open=${this._shortcutsOpen} @dialog-close=${() => (this._shortcutsOpen = false)}></shortcuts-dialog>
      <toast-message .message=${toast?.message ?? ''} .action=${toast?.action?.label ?? ''} ?error=${toast?.error ?? false}
        @toast-action=${() => this._toast.act()} @toast-dismiss=${() => this._toast.dismiss()}></toast-message>
      ${this._drops.dragging ? html`<div class="drop" aria-hidden="true">Drop to clip</div>` : nothing}`;
  }

  private _renderLibrary() {
    const { list, search, trash } = this._data;
    const nav = this._nav;
    return html`
      <library-pane .view=${nav.view} .query=${nav.query} .activeIndex=${nav.activeIndex} .filters=${nav.filters} .picked=${nav.picked}
        .tagFilter=${nav.tagFilter} .items=${list.items} .total=${list.total} .loaded=${list.loaded} .listError=${list.error}
        .searchResult=${search.value ?? null} .searchError=${search.error} .trashed=${trash.value?.clips ?? []} .trashError=${trash.error}
        @library-rows-visible=${(event: EventOf<'library-rows-visible'>) => list.show(event.detail.first, event.detail.last)}
        @clip-activate=${(event: EventOf<'clip-activate'>) => nav.select(event.detail.index)}
        @clip-open=${(event: EventOf<'clip-open'>) => nav.open(event.detail.id)}
        @clip-pick=${(event: EventOf<'clip-pick'>) => nav.togglePick(event.detail.id)} @picks-clear=${() => nav.clearPicks()}
        @filters-change=${(event: EventOf<'filters-change'>) => nav.filter(event.detail.filters)}
        @row-update=${({ detail }: EventOf<'row-update'>) =>
          this._changes.run(() => this._data.mutate('update', detail.clip.id, detail.patch))}
        @row-trash=${(event: EventOf<'row-trash'>) => this._trashClip(event.detail.clip)}
        @clip-restore=${(event: EventOf<'clip-restore'>) => this._changes.restore(event.detail.id)}
        @trash-empty=${() => this._changes.emptyTrash()}></library-pane>`;
  }

  private _renderDigestDialog() {
    const digest = this._digest;
    return html`
      <digest-dialog .open=${digest.open} .definition=${digest.definition} ?fromPicks=${digest.fromPicks} .items=${digest.items}
        .itemsError=${digest.itemsError} .presets=${digest.presets} .making=${digest.making} .error=${digest.error} .news=${digest.news}
        @digest-change=${(event: EventOf<'digest-change'>) => digest.change(event.detail.definition)}
        @digest-arrange=${(event: EventOf<'digest-arrange'>) => digest.arrange(event.detail.ids)} @digest-sort=${() => digest.sortByDate()}
        @digest-make=${(event: EventOf<'digest-make'>) => digest.make(event.detail.format)}
        @digest-preset=${({ detail: { action, name } }: EventOf<'digest-preset'>) => digest.preset(action, name)}
        @dialog-close=${() => digest.close()}></digest-dialog>`;
  }

  private _renderSyncDialog() {
    const sync = this._sync;
    return html`
      <sync-dialog .open=${sync.open} .settings=${sync.settings} .status=${sync.status} .work=${sync.work} .message=${sync.message}
        .error=${sync.error} @sync-test=${(event: EventOf<'sync-test'>) => sync.test(event.detail.input)}
        @sync-save=${(event: EventOf<'sync-save'>) => sync.save(event.detail.input)} @sync-now=${() => sync.syncNow()}
        @dialog-close=${() => sync.close()}></sync-dialog>`;
  }

  private _renderReader() {
    const clip = this._data.loadedClip();
    return html`
      <reader-pane .clipId=${this._nav.openId} .clip=${this._data.clip.value ?? undefined} .error=${this._data.clip.error}
        .allTags=${(this._data.tags.value ?? []).map((tag) => tag.name)} .revisionsOpen=${this._revisionsOpen}
        .revisions=${this._data.loadedRevisions()} .revisionsError=${this._data.revisionsError()}
        @reader-close=${this._closeReader} @clip-trash=${() => clip && this._trashClip(clip)}
        @clip-update=${(event: EventOf<'clip-update'>) =>
          this._changes.runOnOpen((id) => this._data.mutate('update', id, event.detail.patch))}
        @tags-add=${(event: EventOf<'tags-add'>) => this._changes.runOnOpen((id) => this._data.mutate('addTags', id, event.detail.names))}
        @tags-remove=${(event: EventOf<'tags-remove'>) =>
          this._changes.runOnOpen((id) => this._data.mutate('removeTags', id, [event.detail.name]))}
        @annotation-update=${({ detail }: EventOf<'annotation-update'>) =>
          this._changes.runOnOpen((id) => this._data.mutate('updateAnnotation', id, detail.id, detail.patch))}
        @annotation-delete=${({ detail }: EventOf<'annotation-delete'>) =>
          this._changes.runOnOpen((id) => this._data.mutate('deleteAnnotation', id, detail.id))}
        @annotate=${this._onAnnotate} @revisions-open=${() => (this._revisionsOpen = true)}
        @pictures-fetch=${() => this._nav.openId && this._pictures.fetchOne(this._nav.openId)}
        @article-fetch=${() => this._changes.fetchArticle()} @revision-restore=${this._onRevisionRestore}
        @dialog-close=${() => (this._revisionsOpen = false)}></reader-pane>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A damaged file found and repaired at open is news the user must get, not a log line.
    this._data.notices().then((notices) => notices.length > 0 && this._toast.say(notices.join(' '), { error: true }), () => undefined);
    window.clipdeskShell?.onCommand((command, detail) => this._onShellCommand(command, detail));
  }

  private _trashClip(clip: ClipSummary): void {
    if (this._nav.openId === clip.id) void this._closeReader();
    this._changes.trash(clip);
  }

  /** From the Add clip dialog or the menu: the Add clip dialog gives way. */
  private _openLibraryImport(): void {
    this._import.closeDialog();
    this._libraryImport.openDialog();
  }

  private async _closeReader(): Promise<void> {
    this._nav.close();
    await this.updateComplete;
    this._library.focusList();
  }

  private async _onAnnotate(event: EventOf<'annotate'>): Promise<void> {
    const id = this._nav.openId;
    const { start, end, color, withNote } = event.detail;
    if (!id) return;
    try {
      const annotation = await this._data.mutate('annotate', id, { start, end, color });
      if (!withNote) return;
      // The refetch starts in the next update; wait for it, then for the panel to show the new highlight.
      await this.updateComplete;
      await this._data.clip.taskComplete;
      await this.updateComplete;
      void this._reader?.editNote(annotation.id);
    } catch (error) {
      this._toast.say(`Could not highlight: ${errorMessage(error)}`, { error: true });
    }
  }

  private _onRevisionRestore(event: EventOf<'revision-restore'>): void {
    this._revisionsOpen = false;
    this._changes.restoreRevision(event.detail.n);
  }

  /** The native menu's commands are the keyboard's; a clip made by the main process is shown. */
  private _onShellCommand(command: string, detail: string | null): void {
    const shortcut = menuCommand(command);
    if (command === 'add-clip' || command === 'show-bookmarklet') this._import.openDialog();
    else if (command === 'import-library') this._openLibraryImport();
    else if (command === 'export') this._export.openDialog();
    else if (command === 'press-review') this._digest.openDialog();
    else if (command === 'sync-settings') void this._sync.openDialog();
    else if (command === 'refresh') {
      this._data.refetchAfter('external');
      if (detail) this._nav.open(detail);
    } else if (shortcut) this._perform(shortcut);
  }

  /**
   * Carries out a shortcut (the open clip's, else the list's; `j`/`k` while reading open the list's next or
   * previous clip); false when it does not apply, so the key keeps its meaning.
   */
  private _perform(command: Command): boolean {
    const openId = this._nav.openId;
    if (command === 'search') this._searchBar.focus();
    else if (command === 'help') this._shortcutsOpen = true;
    else if (openId && (command === 'next' || command === 'previous')) return this._library.step(openId, command === 'next' ? 1 : -1);
    else return openId ? (this._reader?.perform(command) ?? false) : this._library.perform(command);
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clipdesk-app': ClipdeskApp;
  }
}
