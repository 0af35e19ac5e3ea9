import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ImportInput } from '../../electron/api.js';
import { droppedInput, isClippable } from '../drop-input.js';

/**
 * Drops onto the window: `dragging` is true while something clippable is dragged over it (the host
 * shows a drop target), and a drop hands the host an import, or a message saying why it cannot be one.
 */
export class DropController implements ReactiveController {
  dragging = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly onDrop: (input: ImportInput | { problem: string }) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('dragover', this.#onDragOver);
    addEventListener('dragleave', this.#onDragLeave);
    addEventListener('drop', this.#onDrop);
  }

  hostDisconnected(): void {
    removeEventListener('dragover', this.#onDragOver);
    removeEventListener('dragleave', this.#onDragLeave);
    removeEventListener('drop', this.#onDrop);
  }

  #setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return; // dragover repeats while the pointer rests
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  readonly #onDragOver = (event: DragEvent) => {
    if (!isClippable(event.dataTransfer)) return;
    event.preventDefault();
    this.#setDragging(true);
  };

  readonly #onDragLeave = (event: DragEvent) => {
    // Leaving one element for another inside the window also fires dragleave; only leaving the window counts.
    if (!event.relatedTarget) this.#setDragging(false);
  };

  readonly #onDrop = async (event: DragEvent) => {
    this.#setDragging(false);
    if (!event.dataTransfer || !isClippable(event.dataTransfer)) return;
    event.preventDefault();
    this.onDrop(await droppedInput(event.dataTransfer));
  };
}
