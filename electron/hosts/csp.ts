/**
 * The Content-Security-Policy of the app's own pages, in Electron and in the web host alike: only the
 * bundle's own scripts run, nothing loads from elsewhere (clipped images are kept as data: URLs or not
 * at all), and no page can frame the app or be framed in it.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
