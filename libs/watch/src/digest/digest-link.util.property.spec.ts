import { PROPERTY_RUNS, unicodeText } from '@app/testing';
import fc from 'fast-check';
import { publicBaseUrl } from '@app/config';
import { generateLinkToken, hashLinkToken, looksLikeLinkToken } from './digest-link.util';

describe('digest link tokens (property)', () => {
  it('lets only 43 URL-safe characters reach the database, whatever the path holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), unicodeText(60)), (text) => {
        expect(looksLikeLinkToken(text)).toBe(/^[A-Za-z0-9_-]{43}$/.test(text));
        expect(hashLinkToken(text)).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('accepts every token it generates, each different', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constant(null), () => {
        const token = generateLinkToken();
        expect(looksLikeLinkToken(token)).toBe(true);
        expect(seen.has(token)).toBe(false);
        seen.add(token);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('builds links from PUBLIC_URL or the listening address, never with a trailing slash', () => {
    fc.assert(
      fc.property(
        // PUBLIC_URL as config validation lets it through: scheme, host, optional path.
        fc.option(
          fc
            .tuple(
              fc.constantFrom('http', 'https'),
              fc.constantFrom('vigie.example.org', 'localhost:8080', '127.0.0.1', '[::1]:3000'),
              fc.constantFrom('', '/', '//', '/vigie', '/vigie/', '/a/b/'),
            )
            .map(([scheme, host, path]) => `${scheme}://${host}${path}`),
        ),
        fc.constantFrom('0.0.0.0', '127.0.0.1', '::', 'vigie.local', '::1'),
        fc.integer({ min: 1, max: 65535 }),
        (publicUrl, host, port) => {
          const base = publicBaseUrl({
            PUBLIC_URL: publicUrl ?? undefined,
            HOST: host,
            PORT: port,
          });
          expect(base.endsWith('/')).toBe(false);
          expect(() => new URL(`${base}/desabonnement/${'a'.repeat(43)}`)).not.toThrow();
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
