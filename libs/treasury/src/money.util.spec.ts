import { formatEuros } from './money.util';

describe('formatEuros', () => {
  it.each([
    [0, '0,00\u00a0€'],
    [5, '0,05\u00a0€'],
    [99_999, '999,99\u00a0€'],
    [100_000, '1\u202f000,00\u00a0€'],
    [1_234_567, '12\u202f345,67\u00a0€'],
    [100_000_050, '1\u202f000\u202f000,50\u00a0€'],
    [-4_840_000, '−48\u202f400,00\u00a0€'],
    [-1_000_007_001, '−10\u202f000\u202f070,01\u00a0€'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(formatEuros(cents)).toBe(text);
  });
});
