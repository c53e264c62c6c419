import { PROPERTY_RUNS, unicodeText } from '@app/testing';
import fc from 'fast-check';
import {
  apiKeyDisplayPrefix,
  apiKeyLooksValid,
  generateApiKey,
  hashApiKey,
  sameHash,
} from './api-key.util';

const anyText = () => fc.oneof(fc.string({ maxLength: 80 }), unicodeText(80));

describe('API key parsing (property)', () => {
  it('accepts only "vigie_" and 43 URL-safe characters, whatever it is given', () => {
    fc.assert(
      fc.property(anyText(), (presented) => {
        expect(apiKeyLooksValid(presented)).toBe(/^vigie_[A-Za-z0-9_-]{43}$/.test(presented));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('accepts every key it generates, and shows only its prefix', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const key = generateApiKey();
        expect(apiKeyLooksValid(key)).toBe(true);
        expect(apiKeyDisplayPrefix(key)).toBe(key.slice(0, 12));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('hashes any text to 64 hex digits, peppered or not, and compares hashes without throwing', () => {
    fc.assert(
      fc.property(
        anyText(),
        fc.option(fc.string({ minLength: 1 })),
        anyText(),
        (key, pepper, other) => {
          const hash = hashApiKey(key, pepper ?? undefined);
          expect(hash).toMatch(/^[0-9a-f]{64}$/);
          expect(sameHash(hash, hashApiKey(key, pepper ?? undefined))).toBe(true);
          // A stored hash compared with anything (odd length, not hex) is simply not equal.
          expect(sameHash(hash, other)).toBe(other === hash);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
