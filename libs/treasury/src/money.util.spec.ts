import { formatEuros, mulDivFloor } from './money.util';

describe('formatEuros', () => {
  it.each([
    [0, '0\u00a0€'],
    [5, '0,05\u00a0€'],
    [99_999, '999,99\u00a0€'],
    [100_000, '1\u202f000\u00a0€'],
    [100_001, '1\u202f000,01\u00a0€'],
    [100_010, '1\u202f000,10\u00a0€'],
    [1_234_567, '12\u202f345,67\u00a0€'],
    [100_000_050, '1\u202f000\u202f000,50\u00a0€'],
    [-4_840_000, '−48\u202f400\u00a0€'],
    [-1_000_007_001, '−10\u202f000\u202f070,01\u00a0€'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(formatEuros(cents)).toBe(text);
  });
});

describe('mulDivFloor', () => {
  it.each([
    [7_200_000, 12_000_000, 12_000_000, 7_200_000],
    [720_000, 200_000, 1_200_000, 120_000],
    [1, 2, 3, 0],
    [100_001, 8_000, 10_000, 80_000],
    // Products beyond 2^53 are computed exactly, not rounded.
    [10_000_000_000, 9_999_999_999, 10_000_000_000, 9_999_999_999],
    [9_007_199_254_740_991, 3, 7, 3_860_228_252_031_853],
  ])('floor(%i × %i / %i) = %i', (a, b, c, expected) => {
    expect(mulDivFloor(a, b, c)).toBe(expected);
  });

  it('agrees with exact integer arithmetic for products just below 2^53', () => {
    for (let c = 2; c < 2_000; c += 37) {
      for (const a of [94_906_265, 94_906_263, 67_108_863]) {
        const b = Math.floor(Number.MAX_SAFE_INTEGER / a);
        expect(mulDivFloor(a, b, c)).toBe(Number((BigInt(a) * BigInt(b)) / BigInt(c)));
      }
    }
  });
});
