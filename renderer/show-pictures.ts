import { isPictureName } from '../electron/shared/picture-names.js';
import { pictureSource } from './api-client.js';

/**
 * Points each picture the library keeps at its local copy. Stored content carries only names
 * (`data-picture`); a picture not kept has no address at all, so nothing ever loads from the web.
 */
export function showPictures(content: HTMLElement): void {
  for (const image of content.querySelectorAll<HTMLImageElement>('img[data-picture]')) {
    const name = image.dataset.picture ?? '';
    if (isPictureName(name)) image.src = pictureSource(name);
  }
}
