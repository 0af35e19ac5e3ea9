import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import { checkLiteralHost, ForbiddenAddressError, guardedLookup } from '../../electron/core/pictures/address-guard.js';
import { isForbiddenAddress } from '../../electron/core/pictures/forbidden-address.js';
import { ipBytes } from '../../electron/core/pictures/ip-bytes.js';

const FORBIDDEN = [
  '0.0.0.0', '0.1.2.3', '10.0.0.1', '10.255.255.255', '100.64.0.1', '100.127.255.254', '127.0.0.1', '127.0.0.2', '127.255.255.255',
  '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.0.0.170', '192.168.1.1', '224.0.0.251', '239.255.255.250',
  '240.0.0.1', '255.255.255.255',
  '::', '::1', '::127.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:2', '::ffff:10.1.2.3', '::ffff:169.254.169.254', '64:ff9b::a00:1',
  '64:ff9b:1::1', '2002:c0a8:101::1', '2002:7f00:1::', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:db8::1', '100::1',
  'fc00::1', 'fd12:3456:789a::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1', 'ff02::1', 'ff05::1:3',
];
const ALLOWED = [
  '1.1.1.1', '8.8.8.8', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0',
  '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '192.0.1.1', '192.167.255.255', '192.169.0.0',
  '198.18.0.1', '223.255.255.255',
  '2606:4700:4700::1111', '2a00:1450:4001:82b::200e', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1',
  '2001:4860:4860::8888', '2001:1::1',
];

describe('the address classifier', () => {
  it('refuses loopback, private, CGNAT, link-local, unspecified, multicast and reserved addresses, IPv4 and IPv6', () => {
    for (const ip of FORBIDDEN) assert.equal(isForbiddenAddress(ip), true, ip);
  });

  it('allows public addresses, also in IPv6 forms that carry a public IPv4 address', () => {
    for (const ip of ALLOWED) assert.equal(isForbiddenAddress(ip), false, ip);
  });

  it('refuses text that is no address at all', () => {
    for (const text of ['', 'localhost', '127.1', '1.2.3.256', '::g', '01.2.3.4']) assert.equal(isForbiddenAddress(text), true, text);
  });

  it('reads IPv6 literals in every spelling, brackets and zone ids included', () => {
    const loopback = [...new Array<number>(15).fill(0), 1];
    assert.deepEqual([...ipBytes('[::1]')!], loopback);
    assert.deepEqual([...ipBytes('0:0:0:0:0:0:0:1')!], loopback);
    assert.deepEqual([...ipBytes('::ffff:1.2.3.4')!], [...new Array<number>(10).fill(0), 0xff, 0xff, 1, 2, 3, 4]);
    assert.deepEqual([...ipBytes('fe80::a:b%lo')!], [0xfe, 0x80, ...new Array<number>(10).fill(0), 0, 0x0a, 0, 0x0b]);
    assert.equal(ipBytes('example.com'), null);
  });
});

describe('the address guard', () => {
  it('refuses a forbidden IP literal host and lets host names through to the lookup', () => {
    assert.throws(() => checkLiteralHost('127.0.0.2'), ForbiddenAddressError);
    assert.throws(() => checkLiteralHost('[::ffff:127.0.0.1]'), ForbiddenAddressError);
    checkLiteralHost('93.184.215.14');
    checkLiteralHost('localhost');
  });

  it('refuses, at lookup time, a host name that resolves to a private address', async () => {
    for (const all of [true, false]) {
      const [error] = await lookUp('localhost', all);
      assert.ok(error instanceof ForbiddenAddressError, `all: ${all}`);
      assert.match(error.message, /localhost resolves to a private address \(127\.0\.0\.1\)/);
    }
  });

  it('hands public addresses on in the shape the socket asked for', async () => {
    assert.deepEqual(await lookUp('1.1.1.1', true), [null, [{ address: '1.1.1.1', family: 4 }], undefined]);
    assert.deepEqual(await lookUp('2606:4700::1111', false), [null, '2606:4700::1111', 6]);
  });
});

function lookUp(hostname: string, all: boolean): Promise<[Error | null, string | LookupAddress[], number | undefined]> {
  return new Promise((resolve) => guardedLookup(hostname, { all }, (error, address, family) => resolve([error, address, family])));
}
