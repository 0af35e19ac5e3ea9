import { lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isForbiddenAddress } from './forbidden-address.js';
import { ipBytes } from './ip-bytes.js';

/** A host that is, or resolves to, an address pictures may not come from. */
export class ForbiddenAddressError extends Error {
  override readonly name = 'ForbiddenAddressError';
}

/** Refuses a host written as a forbidden IP literal (sockets connect to literals without any lookup). */
export function checkLiteralHost(hostname: string): void {
  if (ipBytes(hostname) !== null && isForbiddenAddress(hostname)) {
    throw new ForbiddenAddressError(`${hostname} is a private address.`);
  }
}

/**
 * The `lookup` of a request: the socket connects only to the addresses this hands back, so checking
 * them here holds at connect time (a DNS answer that changes after an earlier check cannot slip a
 * private address in). A name with any forbidden address is refused.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const forbidden = addresses.find(({ address }) => isForbiddenAddress(address));
    if (forbidden) return callback(new ForbiddenAddressError(`${hostname} resolves to a private address (${forbidden.address}).`), '');
    if (options.all) return callback(null, addresses);
    // dns.lookup answers with an error or with at least one address.
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
