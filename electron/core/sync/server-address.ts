/**
 * Which sync servers Clipdesk talks to. The password goes to the server in every request (HTTP
 * Basic auth) and the clips with it, so they travel over TLS, or stay on this machine: plain http
 * is for a server on loopback only (a CouchDB in a container, the tests' server). Credentials never
 * sit in the address, where they would be kept and shown in plain text.
 */
import { ClipdeskError } from '../errors.js';
import { ipBytes } from '../pictures/ip-bytes.js';

const EXAMPLE = 'e.g. https://couch.example.org';
/** CouchDB's own rule for database names (and its length limit). */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const DATABASE_NAME_MAX = 238;

/** The server's address as Clipdesk will use it, or BAD_INPUT saying why not and what to give instead. */
export function checkServerUrl(url: string): URL {
  const address = parseAddress(url.trim());
  if (address.username !== '' || address.password !== '') {
    throw badInput(`${shown(address)}: put the user name and password in their own fields, not in the server address`);
  }
  if (address.search !== '' || address.hash !== '') {
    throw badInput(`${shown(address)}: a server address has no ?query or #fragment; give only the server, ${EXAMPLE}`);
  }
  if (address.protocol === 'https:') return address;
  if (address.protocol === 'http:') {
    if (isLoopback(address.hostname)) return address;
    throw badInput(`${shown(address)}: plain http would send the password and the clips unencrypted over the network; `
      + 'use https:// (plain http is only for a server on this computer: localhost, 127.0.0.1 or [::1])');
  }
  if (!url.includes('//')) throw badInput(`the sync server address must begin with https://, ${EXAMPLE}`);
  throw badInput(`${address.protocol} addresses cannot be sync servers; give an https:// address, ${EXAMPLE}`);
}

/** The database's name, or BAD_INPUT giving CouchDB's rule for names. */
export function checkDatabaseName(name: string): string {
  if (DATABASE_NAME.test(name) && name.length <= DATABASE_NAME_MAX) return name;
  throw badInput(`"${name}" cannot be a CouchDB database name: use lower-case letters, digits and _ $ ( ) + - /, `
    + `starting with a letter and at most ${DATABASE_NAME_MAX} characters long, e.g. clipdesk`);
}

/** The address kept in the settings: checked, without a trailing slash (the database is added after it). */
export function normalizeServerUrl(url: string): string {
  return checkServerUrl(url).href.replace(/\/+$/, '');
}

/**
 * The server and database in words for the status line and the dialog, e.g.
 * `https://couch.example.org/clipdesk`; never credentials, even from an address that carries them.
 */
export function describeServer(url: string, database: string): string {
  let address: URL;
  try {
    address = new URL(url.trim());
  } catch {
    return `(not a valid server address)/${database}`;
  }
  return `${shown(address)}/${database}`;
}

/** Origin and path only: what a person may see of an address (no credentials, query or fragment). */
function shown(address: URL): string {
  return `${address.protocol}//${address.host}${address.pathname}`.replace(/\/+$/, '');
}

function parseAddress(url: string): URL {
  try {
    return new URL(url);
  } catch {
    // Not echoed: text that does not parse may still hold a password.
    throw badInput(`the sync server address is not a web address; give the server's address, ${EXAMPLE}`);
  }
}

/** localhost, 127.0.0.0/8, ::1 and IPv4-mapped ::ffff:127.x (the URL parser has normalized the forms). */
function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  const bytes = ipBytes(hostname);
  if (bytes === null) return false;
  if (bytes.length === 4) return bytes[0] === 127;
  const mappedV4 = bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mappedV4) return bytes[12] === 127;
  return bytes.subarray(0, 15).every((byte) => byte === 0) && bytes[15] === 1;
}

function badInput(message: string): ClipdeskError {
  return new ClipdeskError('BAD_INPUT', message);
}
