/**
 * The one error type of Clipdesk. Hosts (CLI, IPC, HTTP) map it to a user-facing message by `code`;
 * they never show a stack trace. Guards match by `name` so they also work on errors that crossed a
 * process boundary as plain objects.
 */
import type { LibraryErrorCode } from '../api.js';

/** The codes are part of the contract (api.ts), as they cross to every host. */
export type ErrorCode = LibraryErrorCode;

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
