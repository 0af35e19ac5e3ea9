/**
 * The one map from an error code to the HTTP status that carries it, shared by the web host and the
 * browser clipper, so a client can branch on either and both say the same.
 */
import type { WireErrorCode } from '../api.js';

export const HTTP_STATUS: Readonly<Record<WireErrorCode, number>> = {
  BAD_INPUT: 400,
  BAD_QUERY: 400,
  BAD_PASSPHRASE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WRONG_HOST: 421,
  UNSUPPORTED: 422,
  EXTRACT_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CORRUPT_LIBRARY: 500,
  NEWER_LIBRARY: 500,
  PRINT_FAILED: 500,
  SYNC_FAILED: 502,
  FETCH_FAILED: 502,
  LOCKED: 503,
};
