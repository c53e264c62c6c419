import { isIP } from 'node:net';

/** Why an address may or may not be fetched; only `public` is reachable without an allow-list entry. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

interface Range {
  /** Network address as a bigint (IPv4 in the low 32 bits). */
  network: bigint;
  prefix: number;
  kind: AddressClass | 'embedded-ipv4';
  /** For ranges that embed an IPv4 address: the bit offset of the IPv4 part from the right. */
  ipv4Shift?: number;
}

const IPV4_BITS = 32;
const IPV6_BITS = 128;

/** Order matters: the first matching range wins, so narrow ranges come before wide ones. */
const IPV4_RANGES: readonly Range[] = [
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
].map(([cidr, kind]) => toRange(cidr, kind as AddressClass));

const IPV6_RANGES: readonly Range[] = [
  toRange('::/128', 'unspecified'),
  toRange('::1/128', 'loopback'),
  // IPv4-mapped and NAT64 addresses reach the embedded IPv4 address: judge that one instead.
  { ...toRange('::ffff:0:0/96', 'embedded-ipv4'), ipv4Shift: 0 },
  { ...toRange('64:ff9b::/96', 'embedded-ipv4'), ipv4Shift: 0 },
  toRange('64:ff9b:1::/48', 'reserved'),
  toRange('::/96', 'reserved'),
  toRange('100::/64', 'reserved'),
  toRange('2001:db8::/32', 'documentation'),
  toRange('2001::/23', 'reserved'),
  // 6to4 carries the IPv4 address in bits 16–47.
  { ...toRange('2002::/16', 'embedded-ipv4'), ipv4Shift: 80 },
  toRange('fc00::/7', 'unique-local'),
  toRange('fe80::/10', 'link-local'),
  toRange('fec0::/10', 'private'),
  toRange('ff00::/8', 'multicast'),
];
/** Only 2000::/3 is allocated as global unicast; anything else left over is reserved. */
const IPV6_GLOBAL_UNICAST = toRange('2000::/3', 'public');

/** Classifies an IPv4 or IPv6 address (IPv6 may carry a zone id or an embedded dotted IPv4). */
export function classifyAddress(address: string): AddressClass {
  const parsed = parseAddress(address);
  if (!parsed) return 'invalid';
  return parsed.family === 4 ? classifyIpv4(parsed.value) : classifyIpv6(parsed.value);
}

/** True when the address may be fetched without an explicit allow-list entry. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

/** Whether `address` lies in `cidr` ("10.0.0.0/8", "fd00::/8"; a bare address means a single host). */
export function cidrContains(cidr: string, address: string): boolean {
  const range = parseCidr(cidr);
  const parsed = parseAddress(address);
  if (!range || !parsed) return false;
  if (range.family !== parsed.family) {
    // An IPv4-mapped IPv6 address is the IPv4 host for allow-list purposes.
    const mapped = parsed.family === 6 ? unmapIpv4(parsed.value) : null;
    return range.family === 4 && mapped !== null && inRange(mapped, range.range, IPV4_BITS);
  }
  return inRange(parsed.value, range.range, parsed.family === 4 ? IPV4_BITS : IPV6_BITS);
}

/** Parses "a.b.c.d/n" or "x::y/n"; null when it is not a CIDR block or a bare address. */
export function parseCidr(cidr: string): { family: 4 | 6; range: Range } | null {
  const [address, prefixText, extra] = cidr.trim().split('/');
  if (extra !== undefined) return null;
  const parsed = parseAddress(address);
  if (!parsed) return null;
  const bits = parsed.family === 4 ? IPV4_BITS : IPV6_BITS;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(bits)) || prefix > bits) return null;
  return { family: parsed.family, range: { network: parsed.value, prefix, kind: 'public' } };
}

/** Numeric form of an address, or null when the text is not an IP address. */
export function parseAddress(address: string): { family: 4 | 6; value: bigint } | null {
  const bare = address
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return { family: 4, value: parseIpv4(bare) };
  if (family === 6) return { family: 6, value: parseIpv6(bare) };
  return null;
}

function classifyIpv4(value: bigint): AddressClass {
  const range = IPV4_RANGES.find((candidate) => inRange(value, candidate, IPV4_BITS));
  return range ? (range.kind as AddressClass) : 'public';
}

function classifyIpv6(value: bigint): AddressClass {
  const range = IPV6_RANGES.find((candidate) => inRange(value, candidate, IPV6_BITS));
  if (range?.kind === 'embedded-ipv4') {
    return classifyIpv4((value >> BigInt(range.ipv4Shift ?? 0)) & 0xffffffffn);
  }
  if (range) return range.kind;
  return inRange(value, IPV6_GLOBAL_UNICAST, IPV6_BITS) ? 'public' : 'reserved';
}

function unmapIpv4(value: bigint): bigint | null {
  return value >> 32n === 0xffffn ? value & 0xffffffffn : null;
}

function inRange(value: bigint, range: Range, bits: number): boolean {
  const shift = BigInt(bits - range.prefix);
  return value >> shift === range.network >> shift;
}

function toRange(cidr: string, kind: AddressClass | 'embedded-ipv4'): Range {
  const [address, prefix] = cidr.split('/');
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`Bad built-in range ${cidr}`);
  return { network: parsed.value, prefix: Number(prefix), kind };
}

function parseIpv4(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(address: string): bigint {
  let text = address;
  // A trailing dotted IPv4 ("::ffff:10.0.0.1") stands for the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}
