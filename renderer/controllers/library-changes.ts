import type { ClipSummary } from '../../electron/api.js';
import { plural } from '../../electron/shared/date-format.js';
import type { LibraryData } from './library-data.js';
import type { Navigation } from './navigation.js';
import type { ToastController } from './toast-controller.js';

/**
 * The changes people make from the window: each goes through LibraryData (which fetches again what it
 * touched) and is told in the toast, a failure included, with Undo where a change can be undone.
 */
export class LibraryChanges {
  constructor(private readonly data: LibraryData, private readonly toast: ToastController, private readonly nav: Navigation) {}

  run<T>(change: () => Promise<T>, after?: (value: T) => void): void {
    void this.toast.run(change, after);
  }

  /** A change to the open clip, if one is open. */
  runOnOpen<T>(change: (id: string) => Promise<T>, after?: (value: T) => void): void {
    const id = this.nav.openId;
    if (id) this.run(() => change(id), after);
  }

  trash(clip: ClipSummary): void {
    this.run(() => this.data.mutate('trash', clip.id), () => this.toast.say(`Moved to trash: ${clip.title}`, {
      action: { label: 'Undo', run: () => this.run(() => this.data.mutate('restore', clip.id)) },
    }));
  }

  restore(id: string): void {
    this.run(() => this.data.mutate('restore', id), (restored) => this.toast.say(`Restored: ${restored.title}`));
  }

  emptyTrash(): void {
    this.run(() => this.data.mutate('emptyTrash'), (count) => this.toast.say(`Deleted ${plural(count, 'clip')} for good`));
  }

  /** Renames a tag on every clip; a filter on the old name follows it. */
  renameTag(from: string, to: string): void {
    this.run(() => this.data.mutate('renameTag', from, to), (count) => {
      this.toast.say(`Renamed ${from} to ${to} on ${plural(count, 'clip')}`);
      this.nav.replaceTag(from, [to]);
    });
  }

  deleteTag(name: string): void {
    this.run(() => this.data.mutate('deleteTag', name), (count) => {
      this.toast.say(`Removed tag ${name} from ${plural(count, 'clip')}`);
      this.nav.replaceTag(name, []);
    });
  }

  restoreRevision(n: number): void {
    this.runOnOpen((id) => this.data.mutate('restoreRevision', id, n),
      (clip) => this.toast.say(`Restored an earlier version: ${clip.title}`));
  }

  fetchArticle(): void {
    this.runOnOpen((id) => this.data.mutate('fetchArticle', id), (outcome) =>
      this.toast.say(outcome === 'failed' ? 'The article could not be fetched; the reader says why' : 'The article is here'));
  }
}
