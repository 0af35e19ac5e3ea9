export { exportClips } from './export-clips.js';
export { withExportedPictures } from './export-pictures.js';
export type { PictureFolder } from './export-pictures.js';
export { VAULT_PICTURES, writeVault } from './vault.js';
export type { VaultExport } from './vault.js';
