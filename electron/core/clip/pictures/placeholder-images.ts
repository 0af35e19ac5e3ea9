/**
 * Names sites give the blank image an `<img>` shows until a script swaps the real one in:
 * `blank.gif`, `spacer.gif`, `1x1.trans.gif`, `pixel_trans.gif`, `placeholder-horizontal.gif`,
 * `preloaderbig.gif`, `lazy.png`. The short words count only as whole words (not `blanket.jpg`,
 * not `ratio1x1_800.jpg`).
 */
const PLACEHOLDER_NAME = /(?:^|[^a-z])(?:blank|spacer|pixel|trans|transparent|1x1|lazy)(?:[^a-z]|$)|placeholder|preload/;

/**
 * Whether an http(s) address is a stand-in rather than a picture: the site's root, or a file named
 * as a placeholder. (Inline `data:` images, the other kind of stand-in, are never candidates.)
 */
export function isPlaceholder(address: URL): boolean {
  if (address.pathname === '/' && !address.search) return true;
  const name = address.pathname.slice(address.pathname.lastIndexOf('/') + 1).toLowerCase();
  return PLACEHOLDER_NAME.test(safeDecode(name));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
