import type { ReactiveControllerHost } from 'lit';
import type { ClipSummary, DigestDefinition, DigestFormat, DigestPreset } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import { saveFile } from '../save-file.js';
import type { DigestApi } from './library-data.js';
import type { Navigation } from './navigation.js';

/** How a press review looks until the user says otherwise (as `clipdesk digest` makes it). */
const LOOKS: Pick<DigestDefinition, 'title' | 'group' | 'content' | 'paper'> = {
  title: '', group: 'none', content: 'excerpt', paper: 'a4',
};

/** The fields that select the clips. */
const SELECTING = ['query', 'from', 'to', 'lastDays'] as const;

/**
 * Making a press review from the window. It starts from where the window is (the picked clips in the
 * order picked, else the search, else the list's tags as a query, else the whole library), shows the
 * clips it holds, and lets the user arrange them: then the definition holds those clips' ids, in order.
 * A new query or period selects afresh. Title, grouping, content and paper stay from one review to the next.
 */
export class DigestController {
  open = false;
  definition: DigestDefinition = { ...LOOKS, query: '', order: 'date' };
  /** The review holds the clips the user picked: no query or period applies. */
  fromPicks = false;
  items: readonly ClipSummary[] = [];
  itemsError = '';
  presets: readonly DigestPreset[] = [];
  making: DigestFormat | null = null;
  error = '';
  /** What went well: a file saved, a preset kept or deleted. */
  news = '';
  /** Answers to an earlier question about the items are dropped when a newer one was asked. */
  #asked = 0;

  constructor(private readonly host: ReactiveControllerHost, private readonly api: DigestApi, private readonly nav: Navigation) {}

  openDialog(): void {
    const { title, group, content, paper } = this.definition;
    const picked = [...this.nav.picked];
    this.#set({ open: true, fromPicks: picked.length > 0, error: '', news: '', itemsError: '', items: [] });
    this.#select(picked.length > 0
      ? { title, group, content, paper, query: '', ids: picked, order: 'arranged' }
      : { title, group, content, paper, query: this.#scopeQuery(), order: 'date' });
    this.#ask(() => this.api.digestPresets(), (presets) => this.#set({ presets }));
  }

  close(): void {
    this.#set({ open: false });
  }

  /** New fields from the dialog; a new query or period selects the clips afresh, dropping an arrangement. */
  change(definition: DigestDefinition): void {
    const before = this.definition;
    const reselect = SELECTING.some((key) => before[key] !== definition[key]);
    if (!reselect) this.#set({ definition });
    else this.#select({ ...withoutIds(definition), order: 'date' });
  }

  /** The user moved or left out items: the review holds these clips, in this order. */
  arrange(ids: readonly string[]): void {
    const byId = new Map(this.items.map((item) => [item.id, item]));
    const items = ids.flatMap((id) => byId.get(id) ?? []);
    this.#set({ items, definition: { ...this.definition, ids: items.map((item) => item.id), order: 'arranged' } });
  }

  sortByDate(): void {
    this.#select({ ...this.definition, order: 'date' });
  }

  async make(format: DigestFormat): Promise<void> {
    this.#set({ making: format, error: '', news: '' });
    try {
      const file = await this.api.makeDigest(this.definition, format);
      saveFile(file);
      this.#set({ news: `Saved as ${file.name}.` });
    } catch (error) {
      this.#set({ error: `Could not make the press review: ${errorMessage(error)}` });
    } finally {
      this.#set({ making: null });
    }
  }

  /**
   * Saves the query and the period under `name` (a preset selects afresh each time, it never keeps
   * picked clips), takes a saved one into the dialog, or deletes one.
   */
  preset(action: 'save' | 'use' | 'delete', name: string): void {
    if (action === 'use') this.#use(name);
    else if (action === 'delete') {
      this.#ask(() => this.api.deleteDigestPreset(name), (presets) => this.#set({ presets, news: `Deleted the preset "${name}".` }));
    } else {
      const definition = { ...withoutIds(this.definition), order: 'date' as const };
      const saved = `Saved the preset "${name.trim()}".`;
      this.#ask(() => this.api.saveDigestPreset({ name, definition }), (presets) => this.#set({ presets, news: saved }));
    }
  }

  #use(name: string): void {
    const preset = this.presets.find((saved) => saved.name === name);
    if (!preset) return;
    this.#set({ fromPicks: false, news: '', error: '' });
    this.#select(withoutIds(preset.definition));
  }

  /** The search, else the list's tags as a query, else nothing (the whole library). */
  #scopeQuery(): string {
    const { query, tagFilter } = this.nav;
    if (query.trim()) return query.trim();
    return tagFilter.map((tag) => `tag:"${tag}"`).join(' ');
  }

  /** Takes a definition and asks which clips it holds. */
  #select(definition: DigestDefinition): void {
    this.#set({ definition, itemsError: '' });
    const asked = ++this.#asked;
    this.api.digestItems(definition).then(
      (items) => asked === this.#asked && this.#set({ items }),
      (error: unknown) => asked === this.#asked && this.#set({ items: [], itemsError: errorMessage(error) }),
    );
  }

  #ask<T>(call: () => Promise<T>, then: (value: T) => void): void {
    this.#set({ error: '', news: '' });
    call().then(then, (error: unknown) => this.#set({ error: errorMessage(error) }));
  }

  #set(change: Partial<Pick<DigestController, DigestState>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }
}

type DigestState = 'open' | 'definition' | 'fromPicks' | 'items' | 'itemsError' | 'presets' | 'making' | 'error' | 'news';

function withoutIds({ ids: _ids, ...definition }: DigestDefinition): DigestDefinition {
  return definition;
}
