/**
 * The app's PdfPrinter: Electron's own Chromium prints the digest in a hidden window that runs no
 * script and whose private, in-memory session cancels every request but the digest file itself. The
 * digest goes through a temp file because a data: URL of a large digest is too big to load.
 */
import { BrowserWindow, session } from 'electron';
import type { Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClipdeskError, pageSettings } from '../core/index.js';
import type { PdfPage, PdfPrinter } from '../core/index.js';

export const electronPrinter: PdfPrinter = async (html, page) => {
  const dir = await mkdtemp(join(tmpdir(), 'clipdesk-print-'));
  const file = join(dir, 'digest.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: printSession(file), spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html);
    await window.loadFile(file);
    return new Uint8Array(await window.webContents.printToPDF(printOptions(page)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ClipdeskError('PRINT_FAILED', `Printing the PDF failed: ${reason}`, { cause: error });
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
};

/** A fresh session per print (no `persist:`, so nothing reaches the disk) that lets only `file` load. */
function printSession(file: string): Session {
  const printing = session.fromPartition(`digest-print-${randomUUID()}`, { cache: false });
  printing.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  printing.setPermissionCheckHandler(() => false);
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowed(details.url, file) }));
  return printing;
}

function isAllowed(url: string, file: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return fileURLToPath(url) === file;
  } catch {
    return false;
  }
}

function printOptions(page: PdfPage): Electron.PrintToPDFOptions {
  const settings = pageSettings(page);
  return {
    pageSize: settings.format,
    displayHeaderFooter: true,
    headerTemplate: settings.headerTemplate,
    footerTemplate: settings.footerTemplate,
    margins: settings.margins,
    printBackground: true,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}
