import { isIP } from 'node:net';

/**
 * Address classification for outbound webhooks (SSRF): which addresses a
 * receiver may not have. Private, loopback, link-local, multicast,
 * unspecified, shared (CGNAT), documentation, benchmarking, reserved and
 * translation ranges, for IPv4 and IPv6; an IPv4-mapped (::ffff:a.b.c.d) or
 * NAT64 address is judged as the IPv4 address inside it. Checked after DNS
 * resolution, on the address the socket really connects to.
 */

interface Range {
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly bits: number;
  readonly name: string;
}

const V4: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network (unspecified)'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved (and broadcast)'],
];

const V6: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'IETF protocol assignments (Teredo and others)'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

const RANGES: Range[] = [
  ...V4.map(([a, bits, name]): Range => ({ family: 4, base: parseIp(a)!.value, bits, name })),
  ...V6.map(([a, bits, name]): Range => ({ family: 6, base: parseIp(a)!.value, bits, name })),
];

const MAPPED_PREFIX = 0xffffn << 32n; // ::ffff:0:0/96
const NAT64_PREFIX = parseIp('64:ff9b::')!.value; // 64:ff9b::/96, the well-known NAT64 prefix
const LOW_32 = (1n << 32n) - 1n;

/** An IP address as a number, or null when `address` is not one. */
export function parseIp(address: string): { family: 4 | 6; value: bigint } | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return { family: 4, value: bare.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n) };
  if (family !== 6) return null;
  let text = bare.split('%')[0].toLowerCase();
  // A trailing dotted IPv4 (::ffff:127.0.0.1) becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIp(dotted[1])!.value;
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === null ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return { family: 6, value: groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n) };
}

/**
 * Why a receiver may not have this address (a range's name), or null when
 * it is a public unicast address. Anything that does not parse is refused.
 *
 * @example
 * forbiddenAddressReason('127.0.0.1');        // 'loopback'
 * forbiddenAddressReason('::ffff:10.0.0.1');  // 'private'
 * forbiddenAddressReason('203.0.114.10');     // null
 */
export function forbiddenAddressReason(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) return 'not an IP address';
  if (ip.family === 6 && (ip.value >> 32n === MAPPED_PREFIX >> 32n || ip.value >> 32n === NAT64_PREFIX >> 32n)) {
    // The IPv4 address inside decides (a mapped loopback is still loopback).
    return v4Reason(ip.value & LOW_32);
  }
  if (ip.family === 4) return v4Reason(ip.value);
  for (const range of RANGES) {
    if (range.family === 6 && ip.value >> BigInt(128 - range.bits) === range.base >> BigInt(128 - range.bits)) return range.name;
  }
  return null;
}

function v4Reason(value: bigint): string | null {
  for (const range of RANGES) {
    if (range.family === 4 && value >> BigInt(32 - range.bits) === range.base >> BigInt(32 - range.bits)) return range.name;
  }
  return null;
}
