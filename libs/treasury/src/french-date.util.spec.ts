import { frenchDate } from '@app/common';
import { frenchMonth } from './french-date.util';
import { toMonthIndex } from './month.util';

describe('French months and dates in messages', () => {
  it.each([
    ['2027-06', 'juin 2027'],
    ['2026-01', 'janvier 2026'],
    ['2026-08', 'août 2026'],
    ['2029-12', 'décembre 2029'],
  ])('writes the month %s as « %s »', (month, text) => {
    expect(frenchMonth(toMonthIndex(month))).toBe(text);
  });

  it.each([
    ['2027-03-15', '15 mars 2027'],
    ['2027-03-01', '1er mars 2027'],
    ['2026-02-09', '9 février 2026'],
    ['2026-12-31', '31 décembre 2026'],
  ])('writes the date %s as « %s »', (date, text) => {
    expect(frenchDate(date)).toBe(text);
  });
});
