import { ipBytes } from './ip-bytes.js';

/**
 * Addresses a clip's pictures may not come from: the user's own machine and network (loopback,
 * private, carrier-grade NAT, link-local and its cloud metadata services), and addresses that are no
 * single public host (unspecified, multicast, reserved). A page must not make the app probe them.
 * 198.18.0.0/15 stays allowed: fake-IP proxies (Clash, Surge) answer every host name with it.
 */
const FORBIDDEN_V4 = [
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches the local machine
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments (DS-Lite, NAT64 discovery)
  '192.168.0.0/16',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address
].map(range);

/** Only global unicast IPv6 is a public host; loopback, unique-local, link-local and multicast lie outside it. */
const GLOBAL_V6 = range('2000::/3');
const FORBIDDEN_GLOBAL_V6 = ['2001::/32', '2001:db8::/32'].map(range); // Teredo tunnels, documentation

/** IPv6 forms that carry an IPv4 address, judged by that address: mapped, NAT64, 6to4. */
const EMBEDDING_V6: ReadonlyArray<readonly [range: Range, start: number]> = [
  [range('::ffff:0:0/96'), 12],
  [range('64:ff9b::/96'), 12],
  [range('2002::/16'), 2],
];

interface Range {
  bytes: Uint8Array;
  bits: number;
}

/** True when a connection to `ip` (an IPv4 or IPv6 literal) is refused; text that is no address is refused too. */
export function isForbiddenAddress(ip: string): boolean {
  const bytes = ipBytes(ip);
  if (bytes === null) return true;
  return bytes.length === 4 ? isForbiddenV4(bytes) : isForbiddenV6(bytes);
}

function isForbiddenV4(bytes: Uint8Array): boolean {
  return FORBIDDEN_V4.some((range) => contains(range, bytes));
}

function isForbiddenV6(bytes: Uint8Array): boolean {
  const embedding = EMBEDDING_V6.find(([range]) => contains(range, bytes));
  if (embedding) return isForbiddenV4(bytes.subarray(embedding[1], embedding[1] + 4));
  return !contains(GLOBAL_V6, bytes) || FORBIDDEN_GLOBAL_V6.some((range) => contains(range, bytes));
}

function contains(range: Range, bytes: Uint8Array): boolean {
  if (range.bytes.length !== bytes.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const mask = (0xff00 >> Math.min(8, range.bits - bit)) & 0xff;
    if (((range.bytes[bit / 8]! ^ bytes[bit / 8]!) & mask) !== 0) return false;
  }
  return true;
}

function range(cidr: string): Range {
  const [address = '', bits = ''] = cidr.split('/');
  const bytes = ipBytes(address);
  if (bytes === null) throw new Error(`Not a CIDR range: ${cidr}`);
  return { bytes, bits: Number(bits) };
}
