export { exportClips } from './export-clips.js';
export { withExportedPictures } from './export-pictures.js';
export type { PictureFolder } from './export-pictures.js';
