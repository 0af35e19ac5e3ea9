import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commandFor } from '../shortcuts.js';
import type { Command } from '../shortcuts.js';

export interface ShortcutTarget {
  /** Carries out a shortcut; false when it does not apply here, so the key keeps its usual meaning. */
  perform(command: Command): boolean;
  /** Whether a modal dialog is open: it owns the keyboard, even when focus has slipped out of it to the page. */
  modalOpen(): boolean;
}

/** The window-wide keyboard shortcuts: a key press anywhere in the window becomes the host's command. */
export class KeyboardController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly target: ShortcutTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.#onKeydown);
  }

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (this.target.modalOpen()) return;
    const command = commandFor(event);
    if (command && this.target.perform(command)) event.preventDefault();
  };
}
