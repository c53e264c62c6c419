import fc from 'fast-check';
import { cidrContains, classifyAddress, isPublicAddress, parseCidr } from './ip-address.util';

/** Builds an IPv4 address inside `base/prefix` from a random host part. */
function ipv4In(base: [number, number, number, number], prefix: number): fc.Arbitrary<string> {
  const baseValue = base.reduce((acc, octet) => acc * 256 + octet, 0);
  const hostCount = 2 ** (32 - prefix);
  return fc.integer({ min: 0, max: hostCount - 1 }).map((host) => {
    const value = baseValue + host;
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
  });
}

const blockedIpv4 = fc.oneof(
  ipv4In([0, 0, 0, 0], 8),
  ipv4In([10, 0, 0, 0], 8),
  ipv4In([100, 64, 0, 0], 10),
  ipv4In([127, 0, 0, 0], 8),
  ipv4In([169, 254, 0, 0], 16),
  ipv4In([172, 16, 0, 0], 12),
  ipv4In([192, 168, 0, 0], 16),
  ipv4In([224, 0, 0, 0], 4),
  ipv4In([240, 0, 0, 0], 4),
);

// First octets whose whole /8 is ordinary routable space (no special-purpose block inside).
const publicFirstOctets = [
  ...range(1, 9),
  ...range(11, 99),
  ...range(101, 126),
  ...range(128, 168),
  ...range(170, 171),
  ...range(173, 191),
  ...range(193, 197),
  ...range(199, 202),
  ...range(204, 223),
];
const publicIpv4 = fc
  .tuple(fc.constantFrom(...publicFirstOctets), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((octets) => octets.join('.'));

const hexGroup = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const groups = (count: number) => fc.array(hexGroup, { minLength: count, maxLength: count });
const blockedIpv6 = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), groups(7))
    .map(([g, rest]) => [g.toString(16), ...rest].join(':')),
  fc
    .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), groups(7))
    .map(([g, rest]) => [g.toString(16), ...rest].join(':')),
  fc
    .tuple(fc.integer({ min: 0xff00, max: 0xffff }), groups(7))
    .map(([g, rest]) => [g.toString(16), ...rest].join(':')),
  blockedIpv4.map((v4) => `::ffff:${v4}`),
);
// 2400::/6, 2800::/6 and 2c00::/6: regional registries' global unicast space.
const publicIpv6 = fc
  .tuple(fc.integer({ min: 0x2400, max: 0x2fff }), groups(7))
  .map(([g, rest]) => [g.toString(16), ...rest].join(':'));

describe(classifyAddress.name, () => {
  it('refuses every address of the loopback, private, link-local, CGNAT, multicast and reserved IPv4 ranges', () => {
    fc.assert(fc.property(blockedIpv4, (address) => !isPublicAddress(address)));
  });

  it('allows ordinary public IPv4 addresses', () => {
    fc.assert(fc.property(publicIpv4, (address) => isPublicAddress(address)));
  });

  it('refuses unique-local, link-local, multicast and IPv4-mapped private IPv6 addresses', () => {
    fc.assert(fc.property(blockedIpv6, (address) => !isPublicAddress(address)));
  });

  it('allows global unicast IPv6 addresses', () => {
    fc.assert(fc.property(publicIpv6, (address) => isPublicAddress(address)));
  });

  it('judges an IPv4-mapped IPv6 address exactly like the IPv4 address it carries', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
      }),
    );
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.128.0.1', 'public'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:db8::1', 'documentation'],
    ['2a01:e0a:1::1', 'public'],
    ['93.184.216.34', 'public'],
    ['not-an-ip', 'invalid'],
  ])('classifies %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe(cidrContains.name, () => {
  it('matches addresses inside a block and not outside it', () => {
    expect(cidrContains('127.0.0.0/8', '127.0.0.20')).toBe(true);
    expect(cidrContains('127.0.0.0/8', '128.0.0.1')).toBe(false);
    expect(cidrContains('fd00::/8', 'fd00::42')).toBe(true);
    expect(cidrContains('127.0.0.1', '127.0.0.2')).toBe(false);
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 host', () => {
    expect(cidrContains('127.0.0.0/8', '::ffff:127.0.0.1')).toBe(true);
  });

  it('rejects malformed blocks', () => {
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/8/1')).toBeNull();
    expect(parseCidr('example.org')).toBeNull();
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
