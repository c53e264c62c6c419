import { frenchishText, PROPERTY_RUNS, unicodeText } from '@app/testing';
import fc from 'fast-check';
import { extractDeadlines, parseFrenchDate } from './deadline.extractor';

const REFERENCE = '2026-12-07';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day: "2027-02-30" would pass the pattern but is not one. */
function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

const anyText = () => fc.oneof(frenchishText(), fc.string({ maxLength: 200 }), unicodeText());

describe('French date extraction (property)', () => {
  it('extractDeadlines never throws and gives only real ISO days and HH:mm times', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const result = extractDeadlines(text, { referenceDate: REFERENCE });
        expect(typeof result.rolling).toBe('boolean');
        expect(result.opensAt === null || isIsoDay(result.opensAt)).toBe(true);
        for (const deadline of result.deadlines) {
          expect(isIsoDay(deadline.date)).toBe(true);
          if (deadline.time !== undefined)
            expect(deadline.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        }
        const dates = result.deadlines.map((deadline) => deadline.date);
        expect([...dates].sort()).toEqual(dates);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('parseFrenchDate never throws and gives null or a real ISO day', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const result = parseFrenchDate(text, { referenceDate: REFERENCE });
        if (result === null) return;
        expect(isIsoDay(result.date)).toBe(true);
        if (result.time !== undefined) expect(result.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
