import {
  addDays,
  daysBetween,
  frenchDate,
  frenchMonth,
  parisDate,
  parisMonth,
} from './paris-calendar.util';

describe('Paris calendar', () => {
  it('reads the day in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris (UTC+1 in winter).
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(parisMonth(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07');
  });

  it('counts calendar days across month ends, leap days and clock changes', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-04-01', '2027-03-01')).toBe(-31);
  });

  it('writes dates and months as French does', () => {
    expect(frenchDate('2027-03-15')).toBe('15 mars 2027');
    expect(frenchDate('2027-08-01')).toBe('1er août 2027');
    expect(frenchMonth('2027-06')).toBe('juin 2027');
    expect(frenchMonth('2027-12')).toBe('décembre 2027');
  });

  it('leaves what is not a date or a month as it is', () => {
    expect(frenchDate('2027-13-01')).toBe('2027-13-01');
    expect(frenchMonth('juin 2027')).toBe('juin 2027');
  });
});
