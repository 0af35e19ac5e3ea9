import { parseUrl } from '../input/page-url.js';

const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid)$/i;

/**
 * The form of a URL used to find the same article twice: lower-case host, no default port, no
 * fragment, no tracking parameters (utm_*, fbclid, gclid), remaining parameters sorted.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = parseUrl(url);
  parsed.hash = '';
  const params = [...parsed.searchParams].filter(([key]) => !TRACKING_PARAM.test(key));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = params.length > 0 ? new URLSearchParams(params).toString() : '';
  return parsed.href;
}

/** Like canonicalizeUrl, but null instead of an error for an unusable URL. */
export function tryCanonicalizeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}
