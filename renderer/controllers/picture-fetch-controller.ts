import type { ReactiveControllerHost } from 'lit';
import type { PictureCount } from '../../electron/api.js';
import { errorMessage } from '../api-client.js';
import { plural } from '../../electron/shared/date-format.js';
import type { LibraryData } from './library-data.js';
import type { ToastController } from './toast-controller.js';

/** How far a fetch over many clips has come. */
export interface FetchProgress {
  done: number;
  total: number;
}

/**
 * Fetching again the pictures clips show but the library does not keep: for the open clip, or for
 * every such clip in turn, with progress, each clip's pictures kept as soon as they arrive.
 */
export class PictureFetchController {
  progress: FetchProgress | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly data: LibraryData, private readonly toast: ToastController) {}

  fetchOne(id: string): Promise<void> {
    return this.toast.run(() => this.data.mutate('fetchPictures', id), (count) => this.toast.say(outcome(count, 1)));
  }

  async fetchAll(): Promise<void> {
    const ids = [...(this.data.missingPictures.value ?? [])];
    if (ids.length === 0 || this.progress) return;
    const count: PictureCount = { kept: 0, missing: 0 };
    this.#set({ done: 0, total: ids.length });
    try {
      for (const [i, id] of ids.entries()) {
        const { kept, missing } = await this.data.mutate('fetchPictures', id);
        count.kept += kept;
        count.missing += missing;
        this.#set({ done: i + 1, total: ids.length });
      }
      this.toast.say(outcome(count, ids.length));
    } catch (error) {
      this.toast.say(`Could not fetch the pictures: ${errorMessage(error)}`, { error: true });
    } finally {
      this.#set(null);
    }
  }

  #set(progress: FetchProgress | null): void {
    this.progress = progress;
    this.host.requestUpdate();
  }
}

function outcome({ missing }: PictureCount, clips: number): string {
  const of = clips === 1 ? 'this clip' : plural(clips, 'clip');
  return missing === 0 ? `All pictures of ${of} are kept now` : `${plural(missing, 'picture')} of ${of} could still not be fetched`;
}
