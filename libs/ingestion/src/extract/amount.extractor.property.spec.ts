import { frenchishText, PROPERTY_RUNS, unicodeText } from '@app/testing';
import fc from 'fast-check';
import { extractAmounts, toCents } from './amount.extractor';

/** Null, or whole cents a database bigint and a JavaScript number both hold exactly. */
const isCentsOrNull = (value: number | null | undefined) =>
  value === null || value === undefined || (Number.isSafeInteger(value) && value >= 0);

const anyText = () => fc.oneof(frenchishText(), fc.string({ maxLength: 200 }), unicodeText());

describe('French amount extraction (property)', () => {
  it('extractAmounts never throws and gives null or integer cents ≥ 0, min ≤ max, a 0–100 rate', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const amounts = extractAmounts(text);
        expect(isCentsOrNull(amounts.minCents)).toBe(true);
        expect(isCentsOrNull(amounts.maxCents)).toBe(true);
        expect(isCentsOrNull(amounts.envelopeCents)).toBe(true);
        if (amounts.minCents != null && amounts.maxCents != null) {
          expect(amounts.minCents).toBeLessThanOrEqual(amounts.maxCents);
        }
        if (amounts.ratePct != null) {
          expect(amounts.ratePct).toBeGreaterThanOrEqual(0);
          expect(amounts.ratePct).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('toCents gives null or integer cents ≥ 0 for any number text and unit', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^\d{1,25}([ .,]\d{1,3})*$/), fc.string({ maxLength: 30 })),
        fc.option(fc.constantFrom('€', 'k€', 'M€', 'Md€', 'millions d’euros', 'EUR', 'x')),
        (number, unit) => expect(isCentsOrNull(toCents(number, unit ?? undefined))).toBe(true),
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
