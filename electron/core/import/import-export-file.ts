import type { LibraryImportReport } from '../../api.js';
import { isClipdeskError } from '../errors.js';
import { itemOf } from './entry-to-clip.js';
import { isImportProblem } from './import-entry.js';
import type { ExportFile, ImportEntry } from './import-entry.js';
import type { ImportedItem, ImportedSave } from './imported-record.js';

/** Entries saved together, under one lock and in one commit: few enough that memory stays flat. */
const BATCH = 500;

/**
 * Saves every entry of another app's export, a batch at a time as the file is read, and reports each
 * one: created, merged into a clip the library had, pending (an address whose article is fetched
 * later), or failed or skipped with where it stands in the file and why.
 */
export async function importExportFile(
  file: ExportFile,
  save: (items: readonly ImportedItem[]) => Promise<ImportedSave[]>,
  onProgress?: (report: LibraryImportReport) => void,
): Promise<LibraryImportReport> {
  const report: LibraryImportReport = {
    format: file.format, description: file.description, entries: 0, created: 0, merged: 0, pending: 0, failed: 0, skipped: 0, problems: [],
  };
  let batch: Array<{ item: ImportedItem; source: string }> = [];
  const flush = async () => {
    await saveBatch(batch, save, report);
    batch = [];
    onProgress?.(report);
  };
  try {
    for await (const entry of file.entries()) {
      report.entries++;
      if (isImportProblem(entry)) {
        note(report, 'skipped', entry);
        continue;
      }
      for (const warning of entry.warnings) report.problems.push({ source: entry.source, kind: 'warning', reason: warning });
      const item = readEntry(entry);
      if ('reason' in item) note(report, item.broke ? 'failed' : 'skipped', item);
      else batch.push({ item, source: entry.source });
      if (batch.length >= BATCH) await flush();
    }
  } catch (error) {
    // The file broke partway (a damaged zip member, say): what was read is saved, and the report says where it stopped.
    if (!isClipdeskError(error)) throw error;
    note(report, 'failed', { source: `the rest of the file, after entry ${report.entries}`, reason: error.message });
  }
  await flush();
  return report;
}

/** The entry as a clip to save, or why it cannot be one: it broke, or it holds nothing to keep. */
function readEntry(entry: ImportEntry): ImportedItem | { source: string; reason: string; broke: boolean } {
  try {
    return itemOf(entry) ?? { source: entry.source, reason: 'neither an address nor an article', broke: false };
  } catch (error) {
    return { source: entry.source, reason: isClipdeskError(error) ? error.message : String(error), broke: true };
  }
}

async function saveBatch(
  batch: ReadonlyArray<{ item: ImportedItem; source: string }>,
  save: (items: readonly ImportedItem[]) => Promise<ImportedSave[]>,
  report: LibraryImportReport,
): Promise<void> {
  if (batch.length === 0) return;
  try {
    const saved = await save(batch.map(({ item }) => item));
    for (const { clip, outcome } of saved) {
      report[outcome]++;
      if (outcome === 'created' && clip.pending) report.pending++;
    }
  } catch (error) {
    const reason = isClipdeskError(error) ? error.message : String(error);
    for (const { source } of batch) note(report, 'failed', { source, reason });
  }
}

function note(report: LibraryImportReport, kind: 'failed' | 'skipped', { source, reason }: { source: string; reason: string }): void {
  report[kind]++;
  report.problems.push({ source, kind, reason });
}
