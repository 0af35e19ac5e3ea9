/**
 * The one error type of Clipdesk. Hosts (CLI, IPC, HTTP) map it to a user-facing message by `code`;
 * they never show a stack trace. Guards match by `name` so they also work on errors that crossed a
 * process boundary as plain objects.
 */
export type ErrorCode =
  | 'BAD_INPUT' // a payload, argument or file that is not what it claims to be
  | 'BAD_QUERY' // a search query that cannot be parsed
  | 'NOT_FOUND' // no clip / annotation / tag with that id or name
  | 'FETCH_FAILED' // network error, timeout, HTTP error status, redirect loop
  | 'TOO_LARGE' // a page or body over the size cap
  | 'UNSUPPORTED' // a URL scheme or file type Clipdesk will not import
  | 'EXTRACT_FAILED' // a page with no readable article
  | 'CORRUPT_LIBRARY' // a library file that cannot be read; the original is kept
  | 'NEWER_LIBRARY' // a library written by a newer Clipdesk; refused, not rewritten
  | 'LOCKED'; // another process holds the library's write lock

export class ClipdeskError extends Error {
  override readonly name = 'ClipdeskError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isClipdeskError(error: unknown): error is ClipdeskError {
  return error instanceof Error && error.name === 'ClipdeskError' && 'code' in error;
}
