import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PUSH_DELAY_MS = 600;

/**
 * Keeps the search query in the address (`?q=`), so back and forward step through searches. Typing
 * pushes one history entry once it pauses, not one per keystroke; back and forward tell the host.
 */
export class UrlQuery implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, private readonly onNavigate: (query: string) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
  }

  read(): string {
    return new URLSearchParams(location.search).get('q') ?? '';
  }

  push(query: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (query === this.read()) return;
      const params = new URLSearchParams(location.search);
      if (query) params.set('q', query);
      else params.delete('q');
      const search = params.toString();
      history.pushState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    }, PUSH_DELAY_MS);
  }

  readonly #onPopState = () => {
    // A push still waiting would overwrite where the user went.
    clearTimeout(this.#timer);
    this.onNavigate(this.read());
  };
}
