import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type {
  Clip, ClipdeskApi, ClipperInfo, ExportFileInput, ExportScope, ExportedFile, FileExportFormat, Revision,
} from '../../electron/api.js';
import { createApi, errorMessage } from '../api-client.js';
import type { ListFilters } from '../components/list-toolbar.js';
import { ListPager } from '../list-pager.js';
import { resourcesTouchedBy } from './library-resources.js';
import type { ApiMutation, Mutation, Resource } from './library-resources.js';

/** The press-review methods: its dialog alone shows what they return. */
export type DigestApi = Pick<ClipdeskApi, 'digestItems' | 'makeDigest' | 'digestPresets' | 'saveDigestPreset' | 'deleteDigestPreset'>;

/** Sync: its indicator and settings dialog alone show what these return (what a round brings in is refetched by its controller). */
export type SyncApi = Pick<ClipdeskApi, 'syncStatus' | 'syncSettings' | 'saveSyncSettings' | 'testSyncConnection' | 'syncNow'>;

/** Hits shown per search; each costs a text read and a snippet, and a keystroke should cost little. */
const SEARCH_PAGE = 50;

/** What the window shows: it decides what is worth fetching. */
export interface LibraryView {
  query: string;
  trashShown: boolean;
  openId: string | null;
  revisionsOpen: boolean;
}

type Call<M extends ApiMutation> = (...args: Parameters<ClipdeskApi[M]>) => ReturnType<ClipdeskApi[M]>;

/**
 * The library as the window shows it, and the window's one way to the API. Each resource (list pages,
 * tags, search hits, trash, the open clip, its earlier versions) is a reactive controller on the host,
 * fetched for what the view shows and again when its version moves. A change moves the versions of
 * the resources it touches (library-resources.ts) and no others: starring a clip leaves the tags be.
 */
export class LibraryData {
  readonly #api = createApi();
  readonly #versions: Record<Exclude<Resource, 'list'>, number> = {
    tags: 0, search: 0, trash: 0, clip: 0, revisions: 0, pictures: 0, fetching: 0, catalog: 0,
  };

  constructor(private readonly host: ReactiveControllerHost, private readonly view: () => LibraryView) {}

  readonly list = new ListPager(this.host, (options) => this.#api.list(options));
  readonly tags = new Task(this.host, { task: () => this.#api.tags(), args: () => [this.#versions.tags] });
  readonly search = new Task(this.host, {
    task: ([query]) => (query.trim() ? this.#api.search(query, { limit: SEARCH_PAGE }) : Promise.resolve(null)),
    args: () => [this.view().query, this.#versions.search] as const,
  });
  readonly trash = new Task(this.host, {
    task: ([shown]) => (shown ? this.#api.list({ trashed: true, limit: 1000 }) : Promise.resolve(null)),
    args: () => [this.view().trashShown, this.#versions.trash] as const,
  });
  readonly clip = new Task(this.host, {
    task: ([id]) => (id ? this.#api.get(id) : Promise.resolve(null)),
    args: () => [this.view().openId, this.#versions.clip] as const,
  });
  /** The clips whose text shows pictures the library does not keep. */
  readonly missingPictures = new Task(this.host, {
    task: () => this.#api.clipsMissingPictures(),
    args: () => [this.#versions.pictures],
  });
  /** How the fetching of imported addresses' articles stands (asked again while it runs: see FetchWatch). */
  readonly fetching = new Task(this.host, {
    task: () => this.#api.fetchStatus(),
    args: () => [this.#versions.fetching],
  });
  /** Whether the library's index is being rebuilt, and how far it got (asked again while it is: see CatalogWatch). */
  readonly catalog = new Task(this.host, {
    task: () => this.#api.catalogStatus(),
    args: () => [this.#versions.catalog],
  });
  readonly revisions = new Task(this.host, {
    task: ([id, open]) => (id && open ? this.#api.revisions(id) : Promise.resolve(null)),
    args: () => [this.view().openId, this.view().revisionsOpen, this.#versions.revisions] as const,
  });

  /** Runs a change through the API, then fetches again what it made stale. */
  async mutate<M extends ApiMutation>(method: M, ...args: Parameters<ClipdeskApi[M]>): Promise<Awaited<ReturnType<ClipdeskApi[M]>>> {
    const value = await (this.#api[method] as Call<M>).apply(this.#api, args);
    this.refetchAfter(method);
    return value;
  }

  /** Moves the versions of what this change touched; resources off screen fetch once they are shown. */
  refetchAfter(mutation: Mutation): void {
    for (const resource of resourcesTouchedBy(mutation)) {
      if (resource === 'list') this.list.reload();
      else this.#versions[resource]++;
    }
    this.host.requestUpdate();
  }

  /** Asks again how the fetching of imported addresses' articles stands. */
  refetchFetching(): void {
    this.#versions.fetching++;
    this.host.requestUpdate();
  }

  /** Asks again how the rebuild of the library's index stands. */
  refetchCatalog(): void {
    this.#versions.catalog++;
    this.host.requestUpdate();
  }

  /** New sort or filters for the library list: it starts again from the top. */
  filterList({ sort, descending, starred, annotated, readState }: ListFilters, tags: readonly string[]): void {
    this.list.setOptions({
      sort, descending, tags: tags.length ? [...tags] : undefined, starred: starred || undefined, annotated: annotated || undefined,
      readState: readState ?? undefined,
    });
  }

  /** The open clip once it has loaded (not the last one while the next loads). */
  loadedClip(): Clip | undefined {
    const { openId } = this.view();
    return openId && this.clip.value?.id === openId ? this.clip.value : undefined;
  }

  /** The open clip's earlier versions once loaded: while another clip's load, its last list must not show. */
  loadedRevisions(): readonly Revision[] | null {
    return this.revisions.status === TaskStatus.COMPLETE ? (this.revisions.value ?? null) : null;
  }

  revisionsError(): string {
    return this.revisions.status === TaskStatus.ERROR ? errorMessage(this.revisions.error) : '';
  }

  describeExport(file: ExportFileInput): Promise<{ format: string; description: string }> {
    return this.#api.describeExport(file);
  }

  exportAs(format: FileExportFormat, scope: ExportScope): Promise<ExportedFile> {
    return this.#api.exportAs(format, scope);
  }

  /** Press reviews change nothing another view shows (saved presets are read by their dialog alone). */
  get digests(): DigestApi {
    return this.#api;
  }

  /** Sync asks the library how it stands; what changes the window shows is seen by SyncController from `changedHere`. */
  get sync(): SyncApi {
    return this.#api;
  }

  clipperInfo(): Promise<ClipperInfo | null> {
    return this.#api.clipperInfo();
  }

  notices(): Promise<string[]> {
    return this.#api.notices();
  }
}
