import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls `tick` every `everyMs` while its host is in the page (the watches of background work use it). */
export class Poller implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, private readonly everyMs: number, private readonly tick: () => void) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(this.tick, this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}
