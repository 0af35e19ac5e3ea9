/**
 * Prints digests with the system's Chromium through playwright-core, for the CLI and the web host (the
 * app prints with Electron's own, shell/electron-printer.ts). The document gets no script and no
 * network while it prints, so one that forgot its CSP still cannot run anything or load anything.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { ClipdeskError, isClipdeskError } from '../errors.js';
import { findChromium } from './chromium-executable.js';
import { pageSettings } from './page-templates.js';
import type { PdfPage, PdfPrinter } from './pdf-printer.js';

export interface ChromiumPrinterOptions {
  /** The browser to print with; by default CLIPDESK_CHROMIUM, CHROMIUM_PATH, then the usual places. */
  executablePath?: string;
}

const QUIET_FLAGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function chromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  return async (html, page) => {
    const env = options.executablePath ? { CLIPDESK_CHROMIUM: options.executablePath } : process.env;
    const executablePath = await findChromium(env);
    try {
      return await printWith(executablePath, html, page);
    } catch (error) {
      if (isClipdeskError(error)) throw error;
      throw new ClipdeskError('PRINT_FAILED', `Printing the PDF with ${executablePath} failed: ${firstLine(error)}`, { cause: error });
    }
  };
}

async function printWith(executablePath: string, html: string, page: PdfPage): Promise<Uint8Array> {
  // Loaded on the first print, so nothing pays for playwright-core at start.
  const { chromium } = await import('playwright-core');
  // Chromium refuses its sandbox to root (CI runs as root); everyone else keeps it.
  const args = isRoot() ? ['--no-sandbox', ...QUIET_FLAGS] : QUIET_FLAGS;
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    return await printIn(await lockedContext(browser), html, page);
  } finally {
    await browser.close();
  }
}

async function lockedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return context;
}

async function printIn(context: BrowserContext, html: string, page: PdfPage): Promise<Uint8Array> {
  const tab = await context.newPage();
  await tab.setContent(html, { waitUntil: 'load' });
  const settings = pageSettings(page);
  const inches = (value: number): string => `${value}in`;
  const { top, right, bottom, left } = settings.margins;
  const pdf = await tab.pdf({
    format: settings.format,
    displayHeaderFooter: true,
    headerTemplate: settings.headerTemplate,
    footerTemplate: settings.footerTemplate,
    margin: { top: inches(top), right: inches(right), bottom: inches(bottom), left: inches(left) },
    printBackground: true,
    outline: true,
    tagged: true,
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
