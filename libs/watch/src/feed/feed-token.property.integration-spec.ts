import { createTestApp, PROPERTY_RUNS, TestApp, unicodeText } from '@app/testing';
import { OrganisationService } from '@app/tenancy';
import fc from 'fast-check';
import { DigestConsentService } from '../digest/digest-consent.service';
import { WatchException, WatchExceptionCode } from '../watch.exception';
import { FeedTokenService } from './feed-token.service';
import { FeedService } from './feed.service';

const NOW = new Date('2027-03-01T08:00:00Z');

/** Tokens from URLs, on the real database: the feed or a clean « not found », nothing else. */
describe('feed and digest link tokens (property)', () => {
  let testApp: TestApp;
  let realToken: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    const created = await testApp.app.get(OrganisationService).create({
      name: 'Mednum63',
      kind: 'collectif',
      territory: ['63'],
    });
    realToken = (await testApp.app.get(FeedTokenService).issue(created.organisation.id, null))
      .token;
  });
  afterAll(() => testApp.close());

  const presented = () =>
    fc.oneof(
      fc.string({ maxLength: 120 }),
      unicodeText(120),
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      fc.nat().map((i) => {
        const at = i % realToken.length;
        return (
          realToken.slice(0, at) + (realToken[at] === 'A' ? 'B' : 'A') + realToken.slice(at + 1)
        );
      }),
    );

  it('answers FEED_NOT_FOUND for any token but a real one', async () => {
    const feeds = testApp.app.get(FeedService);
    await fc.assert(
      fc.asyncProperty(
        presented(),
        fc.constantFrom('rss', 'atom', 'json', 'ics' as const),
        async (token, format) => {
          const error = await feeds.version(token, format, NOW).then(
            () => null,
            (thrown: unknown) => thrown,
          );
          expect(error).toBeInstanceOf(WatchException);
          expect((error as WatchException).code).toBe(WatchExceptionCode.FEED_NOT_FOUND);
        },
      ),
      { numRuns: Math.round(PROPERTY_RUNS / 3) },
    );
    await expect(feeds.version(realToken, 'rss', NOW)).resolves.toMatchObject({
      title: 'Mednum63',
    });
  });

  it('finds no confirmation nor unsubscribe link for an unknown token, and never throws', async () => {
    const consents = testApp.app.get(DigestConsentService);
    await fc.assert(
      fc.asyncProperty(presented(), async (token) => {
        expect(await consents.consentLink(token, NOW)).toBeNull();
        expect(await consents.confirm(token, NOW)).toBeNull();
        expect(await consents.unsubscribeLink(token)).toBeNull();
        expect(await consents.unsubscribe(token, NOW)).toBeNull();
      }),
      { numRuns: Math.round(PROPERTY_RUNS / 3) },
    );
  });
});
