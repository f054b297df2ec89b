// Which IP addresses an import may not reach without --allow-private: loopback, private networks, link-local,
// carrier-grade NAT, multicast, reserved and unspecified ranges, in IPv4 and IPv6, and IPv4 addresses dressed
// as IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), so no spelling of 127.0.0.1 slips by.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

const V4_RANGES: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const V6_RANGES: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const v4 = new BlockList();
for (const [address, prefix] of V4_RANGES) v4.addSubnet(address, prefix, 'ipv4');
const v6 = new BlockList();
for (const [address, prefix] of V6_RANGES) v6.addSubnet(address, prefix, 'ipv6');

/** True when `address` (an IP literal, IPv6 with or without brackets) may not be fetched by default. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return v4.check(bare, 'ipv4');
  if (!isIPv6(bare)) return true; // not an address at all: refuse rather than guess
  const embedded = embeddedIPv4(bare);
  if (embedded) return v4.check(embedded, 'ipv4');
  return v6.check(bare, 'ipv6');
}

/** The IPv4 address inside a mapped, NAT64 or 6to4 IPv6 address, if it is one. */
export function embeddedIPv4(address: string): string | undefined {
  const groups = expandIPv6(address);
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (mapped || nat64) return toIPv4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return toIPv4(groups[1], groups[2]);
  return undefined;
}

const toIPv4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/** Eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function expandIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = part(head);
  const back = part(tail);
  const groups =
    tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}
