import { MAX_PAGE_BYTES, megabytes } from '../../../shared/limits.js';
import { concatBytes } from '../../concat-bytes.js';
import { ClipdeskError, isClipdeskError } from '../../errors.js';
import { USER_AGENT } from '../../user-agent.js';
import { parseHttpUrl } from './page-url.js';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Refuses a response by its Content-Type before its body is downloaded (UNSUPPORTED). */
  accepts?: (contentType: string | null) => boolean;
}

export interface FetchedPage {
  /** The address the page was finally served from, after redirects. */
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 10;
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1';

/** An http(s) URL without credentials, or an error that says what is wrong with it. */
export function checkFetchableUrl(url: string): URL {
  const parsed = parseHttpUrl(url);
  if (parsed.username || parsed.password) {
    throw new ClipdeskError('BAD_INPUT', 'URLs with a user name or password are refused; remove the credentials.');
  }
  return parsed;
}

/**
 * Downloads a page: redirects followed by hand (at most 10, loops refused, each hop checked), the
 * whole exchange bounded by one timeout, and the body streamed against a size cap.
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutSignal()), timeoutMs);
  try {
    const { response, finalUrl } = await followRedirects(checkFetchableUrl(url), controller.signal);
    const contentType = response.headers.get('content-type');
    if (options.accepts && !options.accepts(contentType)) {
      controller.abort();
      throw new ClipdeskError('UNSUPPORTED', `${finalUrl} is ${contentType ?? 'of an unknown type'}, not a web page or text.`);
    }
    const bytes = await readCapped(response, maxBytes, controller);
    return { url: finalUrl, contentType, bytes };
  } catch (error) {
    if (controller.signal.reason instanceof TimeoutSignal) {
      throw new ClipdeskError('FETCH_FAILED', `${url} did not answer within ${timeoutMs / 1000} s.`, { cause: error });
    }
    if (isClipdeskError(error)) throw error;
    throw new ClipdeskError('FETCH_FAILED', `Downloading ${url} failed: ${describe(error)}.`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutSignal extends Error {}

function describe(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}

async function followRedirects(start: URL, signal: AbortSignal): Promise<{ response: Response; finalUrl: string }> {
  const seen = new Set<string>();
  let current = start;
  for (let hop = 0; ; hop += 1) {
    seen.add(current.href);
    const response = await request(current, signal);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) {
      if (!response.ok) {
        await response.body?.cancel();
        throw new ClipdeskError('FETCH_FAILED', `${current.href} answered HTTP ${response.status} ${response.statusText}`.trim() + '.');
      }
      return { response, finalUrl: current.href };
    }
    await response.body?.cancel();
    const next = checkFetchableUrl(new URL(location, current).href);
    if (seen.has(next.href)) throw new ClipdeskError('FETCH_FAILED', `${start.href} redirects in a loop (back to ${next.href}).`);
    if (hop + 1 > MAX_REDIRECTS) throw new ClipdeskError('FETCH_FAILED', `${start.href} redirects more than ${MAX_REDIRECTS} times.`);
    current = next;
  }
}

async function request(url: URL, signal: AbortSignal, retried = false): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: ACCEPT } });
  } catch (error) {
    if (signal.aborted) throw error;
    // A server can close an idle kept-alive connection just as it is reused (nodejs/undici#3141);
    // nothing was answered yet, and a GET may be sent again.
    if (!retried && isConnectionReset(error)) return request(url, signal, true);
    throw new ClipdeskError('FETCH_FAILED', `Could not reach ${url.host}: ${describe(error)}.`, { cause: error });
  }
}

function isConnectionReset(error: unknown): boolean {
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}

async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    controller.abort();
    throw pageTooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw pageTooLarge(maxBytes);
    }
    chunks.push(read.value);
  }
  return concatBytes(chunks, total);
}

/** The refusal of a page (or, worded so, a text) over the size cap. */
export function pageTooLarge(maxBytes: number, what = 'The page'): ClipdeskError {
  return new ClipdeskError('TOO_LARGE', `${what} is larger than ${megabytes(maxBytes)}; Clipdesk does not clip it.`);
}
