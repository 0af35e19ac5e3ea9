/**
 * The print settings both PDF printers share (Electron's printToPDF in the app, the system's Chromium
 * through playwright-core elsewhere), so a digest looks the same whichever one printed it: the running
 * header, the "page X of Y" footer, the margins and the paper. Pure, so it is tested in plain Node.
 */
import { escapeHtml } from '../../shared/escape-html.js';
import type { Paper } from '../../api.js';
import type { PdfPage } from './pdf-printer.js';

/** Page margins in inches; top and bottom leave room for the header and footer lines. */
export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** What both printers print with, in the units Chromium's own print options take. */
export interface PageSettings {
  format: 'A4' | 'Letter';
  headerTemplate: string;
  footerTemplate: string;
  margins: PageMargins;
}

export const PAGE_MARGINS: PageMargins = { top: 0.75, right: 0.7, bottom: 0.75, left: 0.7 };

const PAPER_FORMATS: Record<Paper, PageSettings['format']> = { a4: 'A4', letter: 'Letter' };

// Templates see none of the document's styles, and their default font size is too small to read, so
// each sets its own. Chromium fills the pageNumber and totalPages classes on every page.
const LINE_STYLE = `box-sizing:border-box;width:100%;padding:0 ${PAGE_MARGINS.right}in 0 ${PAGE_MARGINS.left}in;` +
  'font:8pt system-ui,sans-serif;color:#777;white-space:nowrap;overflow:hidden;text-overflow:ellipsis';

export function pageSettings(page: PdfPage): PageSettings {
  return {
    format: PAPER_FORMATS[page.paper],
    headerTemplate: headerTemplate(page.header),
    footerTemplate: FOOTER_TEMPLATE,
    margins: PAGE_MARGINS,
  };
}

/**
 * The running header on every page: Chromium renders the same template on each page and offers no
 * way to leave the first one out, so the cover carries it too.
 */
export function headerTemplate(header: string): string {
  return `<div style="${LINE_STYLE};text-align:left">${escapeHtml(header)}</div>`;
}

export const FOOTER_TEMPLATE =
  `<div style="${LINE_STYLE};text-align:center">page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
