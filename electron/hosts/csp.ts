/**
 * The Content-Security-Policy of the app's own pages, in Electron and in the web host alike: only the
 * bundle's own scripts run, nothing loads from elsewhere (clipped images are kept as data: URLs or not
 * at all), and no page can frame the app or be framed in it.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Lit's styleMap writes style attributes; scripts stay strict
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
];

export const APP_CSP = DIRECTIVES.join('; ');

/**
 * A stored picture's own policy: as an <img> it runs nothing anyway; should one (an SVG) ever be
 * opened as a document, it is sandboxed with no script and loads nothing.
 */
export const PICTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** The same policy as renderer/index.html states it: a <meta> CSP cannot carry frame-ancestors. */
export const META_CSP = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
