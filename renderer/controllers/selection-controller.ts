import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Offsets, rangeToText } from '../text-map.js';
import type { TextMap } from '../text-map.js';
import type { Box } from '../toolbar-placement.js';

/** A passage selected in the article: code-point offsets into the clip's text, and where it is on screen. */
export interface SelectedPassage {
  start: number;
  end: number;
  box: Box;
}

/** The article as rendered in the host's shadow root, with its text nodes mapped onto the clip's text. */
export interface RenderedArticle {
  content: HTMLElement;
  map: TextMap;
  text: string;
}

/**
 * The passage selected in a reader's article, followed while the reader is connected (null when
 * nothing in the article is selected, or no article is rendered yet).
 */
export class SelectionController implements ReactiveController {
  selected: SelectedPassage | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly article: () => RenderedArticle | null) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#read);
    // The toolbar is placed in viewport coordinates: follow the passage when the article scrolls.
    this.host.addEventListener('scroll', this.#read);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#read);
    this.host.removeEventListener('scroll', this.#read);
  }

  /** The passage was highlighted: nothing is selected any more. */
  clear(): void {
    document.getSelection()?.removeAllRanges();
    this.#set(null);
  }

  readonly #read = () => {
    const article = this.article();
    const range = article && this.#range(article.content);
    const units = article && range ? rangeToText(article.map, range) : null;
    if (!article || !range || !units) {
      this.#set(null);
      return;
    }
    const offsets = new Offsets(article.text);
    const { top, left, bottom, right } = range.getBoundingClientRect();
    this.#set({ start: offsets.toPoints(units.start), end: offsets.toPoints(units.end), box: { top, left, bottom, right } });
  };

  /** The selection as a live range inside the article, if there is one (it lives in the host's shadow root). */
  #range(content: HTMLElement): Range | null {
    const selection = document.getSelection();
    // Not `isCollapsed`: Chromium reports a selection inside a shadow root as collapsed on its host.
    if (!selection || selection.rangeCount === 0 || !this.host.shadowRoot) return null;
    const [found] = selection.getComposedRanges({ shadowRoots: [this.host.shadowRoot] });
    if (!found || found.collapsed || !content.contains(found.startContainer) || !content.contains(found.endContainer)) return null;
    const range = new Range();
    range.setStart(found.startContainer, found.startOffset);
    range.setEnd(found.endContainer, found.endOffset);
    return range;
  }

  #set(selected: SelectedPassage | null): void {
    if (selected === null && this.selected === null) return;
    this.selected = selected;
    this.host.requestUpdate();
  }
}
