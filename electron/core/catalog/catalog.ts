import { join } from 'node:path';
import type { ClipSummary, ListOptions, ListResult, TagCount } from '../../api.js';
import type { ParsedQuery } from '../search/query.js';
import { toSqlQuery } from '../search/fts-query.js';
import { planSearch } from '../search/search-plan.js';
import type { SearchPlan } from '../search/search-plan.js';
import { catalogFileId, connectCatalogDb, openCatalogDb } from './catalog-db.js';
import { CatalogReader } from './catalog-reader.js';
import { CatalogWriter } from './catalog-writer.js';
import type { CatalogEntry, CatalogUpdate, ShardStamps } from './catalog-writer.js';
import { FtsPrimitives } from './fts-primitives.js';
import { IdleUpkeep } from './idle-upkeep.js';
import { Statements } from './statements.js';

export interface CatalogHit {
  clip: ClipSummary;
  score: number;
}

export interface CatalogSearch {
  total: number;
  totalIsLowerBound: boolean;
  hits: CatalogHit[];
  /** How the page was found (search-plan.ts), for the bench to tell queries apart. */
  plan: SearchPlan;
}

/**
 * The derived, on-disk view of the library (see catalog-db.ts): one connection shared by the writer
 * that mirrors the store into it, the reader that lists from it, and the search over its index.
 */
export class Catalog {
  /** True when the file was just created and still has to be filled from the store. */
  readonly fresh: boolean;
  readonly #db: Statements;
  readonly #writer: CatalogWriter;
  readonly #reader: CatalogReader;
  readonly #index: FtsPrimitives;
  readonly #upkeep: IdleUpkeep;
  readonly #fileId: string;

  private constructor(db: Statements, fresh: boolean, fileId: string) {
    this.fresh = fresh;
    this.#fileId = fileId;
    this.#db = db;
    this.#upkeep = new IdleUpkeep(db);
    this.#writer = new CatalogWriter(db, this.#upkeep);
    this.#reader = new CatalogReader(db);
    this.#index = new FtsPrimitives(db);
  }

  static open(dir: string): Catalog {
    const path = join(dir, 'index.sqlite');
    const { db, fresh } = openCatalogDb(path);
    const catalog = new Catalog(new Statements(db), fresh, catalogFileId(path));
    if (fresh) catalog.noteFile();
    catalog.#upkeep.schedule();
    return catalog;
  }

  /** A second connection to the catalog file as it is (for the rebuild worker, while the first one reads). */
  static attach(dir: string): Catalog {
    const path = join(dir, 'index.sqlite');
    return new Catalog(new Statements(connectCatalogDb(path)), false, catalogFileId(path));
  }

  /** Whether this catalog file is not the one that last mirrored the store: the library folder was copied (shard-stamp.ts). */
  get copied(): boolean {
    return this.#writer.recordedFileId() !== this.#fileId;
  }

  /** Records this catalog file as the one that mirrors the store, once what a copy brought is mirrored. */
  noteFile(): void {
    this.#writer.recordFileId(this.#fileId);
  }

  /** Marks a rebuilt catalog filled: until then, the next open starts the rebuild again. */
  markComplete(): void {
    this.#db.markComplete();
  }

  close(): void {
    this.#upkeep.close();
    this.#db.close();
  }

  // --- writing (catalog-writer.ts) ---------------------------------------------------------------

  apply(updates: readonly CatalogUpdate[], stamps?: ShardStamps): Promise<void> {
    return this.#writer.apply(updates, stamps);
  }

  write(entries: readonly CatalogEntry[], stamps?: ShardStamps): void {
    this.#writer.write(entries, stamps);
  }

  shardStamps(): Map<string, string> {
    return this.#writer.shardStamps();
  }

  // --- reading (catalog-reader.ts) ---------------------------------------------------------------

  get size(): number {
    return this.#reader.size;
  }

  findSame(canonicalUrl: string | null, contentHash: string): string | undefined {
    return this.#reader.findSame(canonicalUrl, contentHash);
  }

  has(id: string): boolean {
    return this.#reader.has(id);
  }

  summary(id: string): ClipSummary | undefined {
    return this.#reader.summary(id);
  }

  idsStartingWith(prefix: string, limit: number): string[] {
    return this.#reader.idsStartingWith(prefix, limit);
  }

  idsTagged(names: readonly string[]): string[] {
    return this.#reader.idsTagged(names);
  }

  trashedIds(): string[] {
    return this.#reader.trashedIds();
  }

  pendingDue(now: string, limit: number): string[] {
    return this.#reader.pendingDue(now, limit);
  }

  pendingCounts(): { pending: number; failed: number } {
    return this.#reader.pendingCounts();
  }

  nextPendingAt(): string | null {
    return this.#reader.nextPendingAt();
  }

  idsMissingPictures(): string[] {
    return this.#reader.idsMissingPictures();
  }

  unusedPictures(names: readonly string[]): string[] {
    return this.#reader.unusedPictures(names);
  }

  list(options: ListOptions): ListResult {
    return this.#reader.list(options);
  }

  tags(): TagCount[] {
    return this.#reader.tags();
  }

  // --- searching (search-plan.ts over fts-primitives.ts) -----------------------------------------

  /** One page of the clips matching a query, best first (newest first for filters and broad prefixes). */
  search(parsed: ParsedQuery, limit: number, offset: number): CatalogSearch {
    const { plan, total, totalIsLowerBound, rows } = planSearch(toSqlQuery(parsed), { limit, offset }, this.#index);
    const summaries = this.#reader.summaries(rows.map((row) => row.n));
    const hits = rows.flatMap(({ n, score }) => {
      const clip = summaries.get(n);
      // FTS5 scores lower for better; hits say better with a higher score.
      return clip === undefined ? [] : [{ clip, score: -score }];
    });
    return { total, totalIsLowerBound, hits, plan };
  }
}
