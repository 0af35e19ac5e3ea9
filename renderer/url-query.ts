const PUSH_DELAY_MS = 600;

/**
 * Keeps the search query in the address (`?q=`), so back and forward step through searches. Typing
 * pushes one history entry once it pauses, not one per keystroke.
 */
export class UrlQuery {
  #timer: ReturnType<typeof setTimeout> | undefined;

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

  /** Back or forward happened: a push still waiting would overwrite where the user went. */
  cancel(): void {
    clearTimeout(this.#timer);
  }
}
