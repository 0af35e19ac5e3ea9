/** How Clipdesk names itself to every server it downloads from: a browser-like prefix sites accept, then the app. */
export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Clipdesk/0.1 (+offline news clipping)';
