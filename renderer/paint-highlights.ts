import type { Clip } from '../electron/api.js';
import { keptPictures } from '../electron/shared/content-pictures.js';
import { Offsets, mapText, textToRanges } from './text-map.js';
import type { TextMap } from './text-map.js';

/**
 * Changes whenever the painted content would differ (other highlights, or the same text with more
 * pictures kept), so the reader renders the content afresh and paints it again.
 */
export function highlightsKey(clip: Clip): string {
  const painted = clip.annotations.filter((annotation) => annotation.status !== 'orphan');
  const marks = painted.map((a) => `${a.id}:${a.color}:${a.target.selector[1].start}-${a.target.selector[1].end}`);
  return `${clip.id}/${clip.contentHash}/${marks.join(',')}/${keptPictures(clip.content).join(',')}`;
}

/**
 * Wraps each found highlight of the clip in a <mark> inside its rendered content, sends the content's
 * links to the system browser, and returns the map from the rendered text back to `clip.text`.
 */
export function paintHighlights(content: HTMLElement, clip: Clip): TextMap {
  const offsets = new Offsets(clip.text);
  for (const annotation of clip.annotations) {
    if (annotation.status === 'orphan') continue;
    const { start, end } = annotation.target.selector[1];
    // Wrapping splits text nodes, so each highlight maps the (changed) DOM afresh.
    const ranges = textToRanges(mapText(content, clip.text), offsets.toUnits(start), offsets.toUnits(end));
    for (const range of ranges.reverse()) {
      const mark = document.createElement('mark');
      mark.className = `hl hl-${annotation.color}`;
      mark.dataset.annotationId = annotation.id;
      range.surroundContents(mark);
    }
  }
  // Links in a clip lead out of the app: the shell opens new windows in the system browser.
  for (const link of content.querySelectorAll('a[href]')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  return mapText(content, clip.text);
}
