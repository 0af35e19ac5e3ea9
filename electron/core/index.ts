/**
 * The one entry to the core for every host (the CLI, the Electron main process, the web host, the
 * browser clipper): the Library facade and the few things a host needs before or beside it.
 */
export { Library } from './library.js';
export type { LibraryOptions, OpenReport } from './library.js';
export type { FetchRun } from './import/fetch-pending.js';
export type { RebuildProgress } from './catalog/rebuild-wait.js';
export { ClipdeskError, isClipdeskError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { describeInvalid, parseInput } from './validation.js';
export { resolveLibraryDir } from './store/library-dir.js';
export { checkLibrary } from './store/check.js';
export type { LibraryCheck } from './store/check.js';
export { DEFAULT_CLIPPER_PORT, loadClipperSettings } from './store/settings.js';
export { isBackupArchive } from './backup/restore-backup.js';
export type { BackupCounts } from './backup/backup-format.js';
export type { RestoredBackup } from './backup/restore-backup.js';
export type { VaultExport } from './export/vault.js';
export type { ExportedBytes } from './export/export-file.js';
export { chromiumPrinter } from './digest/chromium-printer.js';
export type { ChromiumPrinterOptions } from './digest/chromium-printer.js';
export { pageSettings } from './digest/page-templates.js';
export type { PdfPage, PdfPrinter } from './digest/pdf-printer.js';
export { checkDatabaseName, checkServerUrl, describeServer, normalizeServerUrl } from './sync/server-address.js';
export { readSyncSettings, syncDir, syncSettingsPath, writeSyncSettings } from './sync/sync-settings.js';
export type { SyncSettings } from './sync/sync-settings.js';
export { credentialsPath, fileVault, plainSealer } from './sync/credential-vault.js';
export type { CredentialVault, SecretSealer, SyncSecrets } from './sync/credential-vault.js';
export type { RoundReport } from './sync/sync-round.js';
