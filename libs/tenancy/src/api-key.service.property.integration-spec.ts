import { createTestApp, PROPERTY_RUNS, TestApp, unicodeText } from '@app/testing';
import fc from 'fast-check';
import { ApiKeyService } from './api-key.service';
import { OrganisationService } from './organisation.service';
import { TenancyException, TenancyExceptionCode } from './tenancy.exception';

/** Whatever is presented as a key, on the real database: a principal, or the one 401. */
describe('ApiKeyService.authenticate (property)', () => {
  let testApp: TestApp;
  let realKey: string;
  let organisationId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    const created = await testApp.app.get(OrganisationService).create({
      name: 'EPN de Thiers',
      kind: 'structure',
      territory: ['63'],
    });
    realKey = created.apiKey;
    organisationId = created.organisation.id;
  });
  afterAll(() => testApp.close());

  /** Near misses of the real key: one character changed, cut, padded, re-cased. */
  const nearMiss = () =>
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom('A', 'z', '-', '_', ' ', '\u0000', 'é', ''),
        fc.nat({ max: 3 }),
      )
      .map(([at, piece, kind]) => {
        const i = at % realKey.length;
        if (kind === 0) return realKey.slice(0, i) + piece + realKey.slice(i + 1);
        if (kind === 1) return realKey.slice(0, i);
        if (kind === 2) return ` ${realKey}${piece}`;
        return realKey.toUpperCase();
      })
      .filter((presented) => presented !== realKey);

  it('refuses anything but the real key with UNAUTHENTICATED, and never anything else', async () => {
    const service = testApp.app.get(ApiKeyService);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          unicodeText(80),
          fc.stringMatching(/^vigie_[A-Za-z0-9_-]{43}$/),
          nearMiss(),
        ),
        async (presented) => {
          const error = await service.authenticate(presented).then(
            () => null,
            (thrown: unknown) => thrown,
          );
          expect(error).toBeInstanceOf(TenancyException);
          expect((error as TenancyException).code).toBe(TenancyExceptionCode.UNAUTHENTICATED);
        },
      ),
      { numRuns: Math.round(PROPERTY_RUNS / 3) },
    );
    await expect(service.authenticate(realKey)).resolves.toMatchObject({ organisationId });
  });
});
