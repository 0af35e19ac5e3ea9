export { exportClips } from './export-clips.js';
