import type { ReactiveControllerHost } from 'lit';
import { errorMessage } from '../api-client.js';

export interface Toast {
  message: string;
  error?: boolean;
  action?: { label: string; run: () => void };
}

/** The window's message (a toast): what a change did or why it failed, with an optional action such as Undo. */
export class ToastController {
  current: Toast | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  say(message: string, options: Omit<Toast, 'message'> = {}): void {
    this.#show({ message, ...options });
  }

  /** Runs a change, then `after` with its result; a failure becomes an error message. */
  async run<T>(change: () => Promise<T>, after?: (value: T) => void): Promise<void> {
    try {
      const value = await change();
      after?.(value);
    } catch (error) {
      this.say(errorMessage(error), { error: true });
    }
  }

  /** The action's button was pressed: the message goes, the action runs. */
  act(): void {
    const action = this.current?.action;
    this.dismiss();
    action?.run();
  }

  dismiss(): void {
    this.#show(null);
  }

  #show(toast: Toast | null): void {
    this.current = toast;
    this.host.requestUpdate();
  }
}
