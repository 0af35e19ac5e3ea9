import { css } from 'lit';

/**
 * Helpers for components that render their own modal `<dialog>` (rather than slotting content into a
 * wrapper, so the dialog's controls are its real descendants for accessibility tools and tests).
 */
const returnFocus = new WeakMap<HTMLDialogElement, HTMLElement | null>();

/** Opens or closes a dialog to match `open`; opening remembers where focus was. */
export function syncDialog(dialog: HTMLDialogElement | null, open: boolean): void {
  if (!dialog) return;
  if (open && !dialog.open) {
    returnFocus.set(dialog, deepActiveElement());
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
  } else if (!open && dialog.open) {
    dialog.close();
  }
}

/** Call from the dialog's `close` event: focus goes back where it was, even inside another shadow root. */
export function restoreFocus(dialog: HTMLDialogElement): void {
  const previous = returnFocus.get(dialog);
  returnFocus.delete(dialog);
  if (previous?.isConnected) previous.focus();
}

function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

export const dialogStyles = css`
  dialog {
    border: 1px solid var(--border); border-radius: 0.6rem; padding: 1.25rem 1.5rem; min-width: min(28rem, 90vw);
    max-width: min(40rem, 94vw); background: var(--surface-raised); color: var(--text); box-shadow: var(--shadow);
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  dialog h2 { margin: 0 0 1rem; font-size: 1.15rem; }
  .actions { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
  dialog button {
    font: inherit; padding: 0.4rem 1rem; border-radius: 0.35rem; border: 1px solid var(--border);
    background: var(--surface); color: var(--text); cursor: pointer;
  }
  dialog button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
  dialog button:disabled { opacity: 0.6; cursor: progress; }
`;

declare global {
  interface HTMLElementEventMap {
    'dialog-close': CustomEvent<Record<string, never>>;
  }
}
