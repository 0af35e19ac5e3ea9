import type { Paper } from '../../api.js';

/** How each page of a printed digest looks around its content. */
export interface PdfPage {
  paper: Paper;
  /** The running header's text on every page (the digest's title); Chromium prints it on the cover too. */
  header: string;
}

/**
 * Prints a self-contained HTML document (styles and pictures inline) to PDF bytes, with page numbers in
 * the footer and `header` on top. The app prints with Electron's own Chromium, the CLI and the web host
 * with the system's; neither lets the document run script or load anything from the network.
 */
export type PdfPrinter = (html: string, page: PdfPage) => Promise<Uint8Array>;
