import { mulDivFloor } from './money.util';

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
