import type { ApiErrorCode, ApiMethod, ApiResult, ClipdeskApi, ClipdeskShell } from '../electron/api.js';
import { API_METHODS } from '../electron/shared/api-methods.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the web host. */
    clipdesk?: ClipdeskApi;
    /** Set by the Electron preload: menu commands, and clips the main process made (deep links, clipboard). */
    clipdeskShell?: ClipdeskShell;
  }
}

/** An API failure with the stable code from the core, so the UI can branch on it (e.g. BAD_QUERY). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
  }
}

const TOKEN_KEY = 'clipdesk-token';

/** The Electron preload's API when present, else the web host's HTTP bridge. */
export function createApi(): ClipdeskApi {
  return window.clipdesk ?? httpApi(takeToken());
}

/**
 * The web host prints the page URL with `#token=...`. Keep the token for this tab only and take it
 * out of the address bar so it is not bookmarked, shared or left in history.
 */
function takeToken(): string {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(token: string): ClipdeskApi {
  const call = async (method: ApiMethod, args: unknown[]): Promise<unknown> => {
    // JSON turns a trailing `undefined` into `null`, which the host's schemas reject as an option.
    while (args.length > 0 && args.at(-1) === undefined) args.pop();
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Clipdesk-Token': token },
        body: JSON.stringify(args),
      });
    } catch {
      throw new ApiError('OFFLINE', 'Clipdesk cannot reach its library. Is the app still running?');
    }
    const result = (await response.json().catch(() => null)) as ApiResult<unknown> | null;
    if (!result) throw new ApiError('BAD_RESPONSE', `The library answered with an error (${response.status}).`);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message);
    return result.value;
  };
  const api = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]));
  return api as unknown as ClipdeskApi;
}

/**
 * Where the window loads a stored picture from: its own origin, app:// in Electron, or the web host,
 * which wants the token in the address, as an <img> sends no header of ours.
 */
export function pictureSource(name: string): string {
  const path = `/pictures/${encodeURIComponent(name)}`;
  return window.clipdesk ? path : `${path}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
