import {
  frenchAmount,
  frenchAmountRange,
  frenchDate,
  frenchDuration,
  frenchDateTime,
  frenchMonthOf,
  frenchPercent,
} from './french-format.util';

// Intl inserts narrow/no-break spaces; tests compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('french-format.util', () => {
  it('writes calendar dates the French way, whatever the time zone', () => {
    expect(frenchDate('2027-03-15')).toBe('15 mars 2027');
    expect(frenchDate('2027-01-01')).toBe('1er janvier 2027');
    expect(frenchDate('2027-01-11')).toBe('11 janvier 2027');
    expect(frenchDate(null)).toBe('');
    expect(frenchDate('pas une date')).toBe('');
  });

  it('shows instants in Paris time', () => {
    expect(plain(frenchDateTime(new Date('2027-03-14T23:30:00Z')))).toBe('15 mars 2027 à 00:30');
  });

  it('writes amounts from cents with French grouping and the euro sign after', () => {
    expect(plain(frenchAmount(7_200_000))).toBe('72 000 €');
    expect(plain(frenchAmount(123_456))).toBe('1 234,56 €');
    expect(frenchAmount(null)).toBe('');
  });

  it('describes amount ranges', () => {
    expect(plain(frenchAmountRange(500_000, 7_200_000))).toBe('de 5 000 € à 72 000 €');
    expect(plain(frenchAmountRange(null, 7_200_000))).toBe('jusqu’à 72 000 €');
    expect(plain(frenchAmountRange(500_000, null))).toBe('à partir de 5 000 €');
    expect(frenchAmountRange(null, null)).toBe('');
  });

  it('formats a score as a percentage', () => {
    expect(plain(frenchPercent(0.874))).toBe('87 %');
  });

  it('writes the month of a month or of a date, and nothing for no value', () => {
    expect(frenchMonthOf('2027-06')).toBe('juin 2027');
    expect(frenchMonthOf('2027-03-15')).toBe('mars 2027');
    expect(frenchMonthOf(null)).toBe('');
    expect(frenchMonthOf('bientôt')).toBe('');
    expect(frenchMonthOf('2027-13')).toBe('');
  });
});

describe(frenchDuration.name, () => {
  it('says how long a background task took the French way', () => {
    expect(frenchDuration(null)).toBe('—');
    expect(frenchDuration(350)).toBe('350 ms');
    expect(frenchDuration(1_234)).toBe('1,2 s');
    expect(frenchDuration(185_000)).toBe('3 min 05 s');
  });
});
