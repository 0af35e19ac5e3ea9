export { ACCEPTED_FORMATS, detectExportFile } from './detect-export-file.js';
export { isImportProblem } from './import-entry.js';
export type { ExportFile, ImportedHighlight, ImportedReadState, ImportEntry, ImportFormat, ImportProblem } from './import-entry.js';
export { importExportFile } from './import-export-file.js';
