import { ClipdeskError, isClipdeskError } from '../errors.js';

/**
 * A failed exchange with the sync server, in words a person can act on. The server is named without
 * credentials; what the server said is kept as the cause (for a log), never put in the message.
 */
export function syncFailure(error: unknown, server: string): ClipdeskError {
  if (isClipdeskError(error)) return error;
  const status = statusOf(error);
  const reason = status === 401 ? 'refused the user name or password'
    : status === 403 ? 'does not let this user use the database'
    : status === 404 ? 'has no such database, and this user may not create it'
    : status !== undefined && status >= 500 ? `failed (HTTP ${status}); try again later`
    : status === undefined ? 'could not be reached (is it running, and is the address right?)'
    : `refused the request (HTTP ${status})`;
  return new ClipdeskError('SYNC_FAILED', `the sync server ${server} ${reason}`, { cause: error });
}

/** The HTTP status PouchDB put on an error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status } = error as { status?: unknown };
  return typeof status === 'number' && status > 0 ? status : undefined;
}
