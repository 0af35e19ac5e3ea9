import { ClipdeskError } from '../../errors.js';

/** A URL object, or BAD_INPUT saying the text is not a URL. */
export function parseUrl(url: string): URL {
  try {
    return new URL(url.trim());
  } catch (error) {
    throw new ClipdeskError('BAD_INPUT', `Not a valid URL: "${url}".`, { cause: error });
  }
}

/** An absolute http(s) URL; any other scheme (file:, data:, javascript:…) is UNSUPPORTED. */
export function parseHttpUrl(url: string): URL {
  const parsed = parseUrl(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ClipdeskError('UNSUPPORTED', `Only http and https pages can be clipped, not "${parsed.protocol}" URLs.`);
  }
  return parsed;
}
