/** The paper sizes a press review prints on. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** How each page of a printed digest looks around its content. */
export interface PdfPage {
  paper: Paper;
  /** The running header's text on every page after the cover (the digest's title). */
  header: string;
}

/**
 * Prints a self-contained HTML document (styles and pictures inline) to PDF bytes, with page numbers in
 * the footer and `header` on top. The app prints with Electron's own Chromium, the CLI and the web host
 * with the system's; neither lets the document run script or load anything from the network.
 */
export type PdfPrinter = (html: string, page: PdfPage) => Promise<Uint8Array>;
