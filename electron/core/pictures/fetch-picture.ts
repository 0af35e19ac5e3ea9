import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { concatBytes } from '../concat-bytes.js';
import { USER_AGENT } from '../user-agent.js';
import { checkLiteralHost, ForbiddenAddressError, guardedLookup } from './address-guard.js';
import type { ByteBudget } from './byte-budget.js';
import { sniffImage } from './sniff-image.js';
import type { ImageType } from './sniff-image.js';

export type PictureResult =
  | { url: string; ok: true; bytes: Uint8Array; type: ImageType }
  | { url: string; ok: false; reason: string };

/** What the pictures of one clip share while they download. */
export interface PictureBatch {
  /** The clipped page's host name: only its pictures may be on a private address (an intranet page's own). */
  pageHost: string | null;
  maxBytes: number;
  budget: ByteBudget;
  /** Aborts when the batch's time is up. */
  signal: AbortSignal;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** No cookie, no credentials, no Referer: a picture request tells a server nothing about the user or the page. */
const HEADERS = { 'user-agent': USER_AGENT, accept: 'image/*' };
const TOO_LARGE = 'too large';
const OVER_CLIP_CAP = "over the clip's size limit";

/** Why a picture is not kept, in a few words for the user. */
class Refusal extends Error {}

/** One picture, downloaded and sniffed; a picture that cannot be kept comes back with the reason, never as an error. */
export async function fetchPicture(url: string, batch: PictureBatch): Promise<PictureResult> {
  try {
    const bytes = await download(url, batch);
    const type = sniffImage(bytes);
    if (type !== null) return { url, ok: true, bytes, type };
    batch.budget.giveBack(bytes.byteLength);
    return { url, ok: false, reason: 'not an image' };
  } catch (error) {
    return { url, ok: false, reason: reasonFor(error, batch.signal) };
  }
}

/** Redirects are followed by hand, so that every hop is checked like the first. */
async function download(start: string, batch: PictureBatch): Promise<Uint8Array> {
  const seen = new Set<string>();
  let url = pictureUrl(start);
  for (let redirects = 0; ; redirects += 1) {
    seen.add(url.href);
    const response = await get(url, batch);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined) return readBody(response, batch);
    response.destroy();
    if (redirects === MAX_REDIRECTS) throw new Refusal('too many redirects');
    url = pictureUrl(location, url);
    if (seen.has(url.href)) throw new Refusal('redirect loop');
  }
}

function pictureUrl(text: string, base?: URL): URL {
  if (!URL.canParse(text, base?.href)) throw new Refusal('not a valid address');
  const url = new URL(text, base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refusal('not an http(s) address');
  if (url.username || url.password) throw new Refusal('address with a user name or password');
  return url;
}

/** A GET on a fresh connection (no agent: no socket shared across hosts or checks); private addresses refused but on the page's host. */
function get(url: URL, batch: PictureBatch): Promise<IncomingMessage> {
  const guarded = url.hostname !== batch.pageHost;
  if (guarded) checkLiteralHost(url.hostname);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const options = { agent: false, headers: HEADERS, signal: batch.signal, lookup: guarded ? guardedLookup : undefined };
    const request = send(url, options, resolve);
    request.on('error', reject); // kept for the whole exchange: a late socket error must not go unhandled
    request.end();
  });
}

/** The body, its declared length checked first, then streamed against the picture's cap and the clip's budget. */
async function readBody(response: IncomingMessage, batch: PictureBatch): Promise<Uint8Array> {
  const status = response.statusCode ?? 0;
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (status < 200 || status > 299) refuse(response, `HTTP ${status}`);
  if (declared > batch.maxBytes) refuse(response, TOO_LARGE);
  if (declared > batch.budget.left || batch.budget.left === 0) refuse(response, OVER_CLIP_CAP);
  const chunks: Uint8Array[] = [];
  let taken = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (taken + chunk.byteLength > batch.maxBytes) throw new Refusal(TOO_LARGE);
      if (!batch.budget.take(chunk.byteLength)) throw new Refusal(OVER_CLIP_CAP);
      chunks.push(chunk);
      taken += chunk.byteLength;
    }
  } catch (error) {
    batch.budget.giveBack(taken);
    throw error;
  }
  return concatBytes(chunks, taken);
}

function refuse(response: IncomingMessage, reason: string): never {
  response.destroy();
  throw new Refusal(reason);
}

/** The reason for a failed download; an error that is neither a refusal nor a network failure is a bug, and is thrown. */
function reasonFor(error: unknown, signal: AbortSignal): string {
  if (error instanceof Refusal) return error.message;
  if (error instanceof ForbiddenAddressError) return 'private address';
  if (signal.aborted) return 'timed out';
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === 'ENOTFOUND') return 'unknown host';
  if (typeof code === 'string') return `download failed (${code})`;
  throw error;
}
