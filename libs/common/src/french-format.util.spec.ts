import { formatAmountRange, formatEuros, formatPercent } from './french-format.util';

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

describe('formatAmountRange', () => {
  it('writes a call’s amounts as a French phrase', () => {
    expect(formatAmountRange(1_000_000, 7_200_000)).toBe(
      'de 10\u202f000\u00a0€ à 72\u202f000\u00a0€',
    );
    expect(formatAmountRange(null, 7_200_000)).toBe('jusqu’à 72\u202f000\u00a0€');
    expect(formatAmountRange(500_000, null)).toBe('à partir de 5\u202f000\u00a0€');
    expect(formatAmountRange(null, null)).toBeNull();
    expect(formatPercent(0.823)).toBe('82\u00a0%');
  });
});
