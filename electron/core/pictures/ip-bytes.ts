import { isIP } from 'node:net';

/**
 * The bytes of an IP address literal: 4 for IPv4, 16 for IPv6 (URL brackets and a zone id are
 * allowed), or null when the text is not an address but a host name.
 */
export function ipBytes(literal: string): Uint8Array | null {
  const text = literal.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(text);
  if (version === 4) return Uint8Array.from(text.split('.'), Number);
  if (version === 6) return ipv6Bytes(text);
  return null;
}

/** `text` is a valid IPv6 address (isIP said so): at most one `::`, maybe an IPv4 tail. */
function ipv6Bytes(text: string): Uint8Array {
  const [head = '', tail] = text.split('::');
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const zeros = new Array<number>(8 - front.length - back.length).fill(0);
  const bytes = new Uint8Array(16);
  [...front, ...zeros, ...back].forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/** The 16-bit groups of one side of `::`; a dotted IPv4 tail counts as two. */
function groups(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}
