import type { FeedVersion } from '@app/watch';
import { FeedVersionCache } from './feed-version.cache';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const DAY = '2027-03-15';

const version = (etag: string, organisationId = 'org-a'): FeedVersion => ({
  tokenId: 'token-id',
  organisationId,
  profileId: 'profile-id',
  title: 'Veille',
  etag,
  lastModified: new Date('2027-03-14T10:00:00Z'),
});

function listeningCache(): FeedVersionCache {
  const cache = new FeedVersionCache();
  cache.setListening(true);
  return cache;
}

describe('FeedVersionCache', () => {
  it('answers with what it was told, for that token, format and Paris day only', () => {
    const cache = listeningCache();
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toMatchObject({
      etag: '"v1"',
      lastModified: 'Sun, 14 Mar 2027 10:00:00 GMT',
    });
    expect(cache.lookup(TOKEN, 'ics', DAY)).toBeNull();
    expect(cache.lookup(TOKEN, 'rss', '2027-03-16')).toBeNull();
  });

  it("drops an organisation's feeds when it is notified, and only those", () => {
    const cache = listeningCache();
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"a"', 'org-a'), DAY);
    cache.remember(cache.ticket(), `${TOKEN}b`, 'rss', version('"b"', 'org-b'), DAY);
    cache.invalidate(['org-a']);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
    expect(cache.lookup(`${TOKEN}b`, 'rss', DAY)?.etag).toBe('"b"');
  });

  it('does not keep a version read while a change to its organisation was notified', () => {
    const cache = listeningCache();
    const ticket = cache.ticket();
    cache.invalidate(['org-a']); // committed while the version query ran
    cache.remember(ticket, TOKEN, 'rss', version('"stale"', 'org-a'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();

    const other = cache.ticket();
    cache.invalidate(['org-b']);
    cache.remember(other, TOKEN, 'rss', version('"fresh"', 'org-a'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)?.etag).toBe('"fresh"');
  });

  it('is bypassed while not listening, and comes back empty', () => {
    const cache = listeningCache();
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v1"'), DAY);
    const inFlight = cache.ticket();
    cache.setListening(false);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"while down"'), DAY);
    cache.setListening(true);
    expect(cache.size).toBe(0);
    cache.remember(inFlight, TOKEN, 'rss', version('"from before"'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
  });

  it('refuses tickets from before a flush, forgets revoked tokens', () => {
    const cache = listeningCache();
    const ticket = cache.ticket();
    cache.flush();
    cache.remember(ticket, TOKEN, 'rss', version('"v1"'), DAY);
    expect(cache.size).toBe(0);
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"v2"'), DAY);
    cache.remember(cache.ticket(), TOKEN, 'json', version('"v2"'), DAY);
    cache.forget(TOKEN);
    expect(cache.size).toBe(0);
  });

  it('stays correct when it stops tracking who changed when', () => {
    const cache = listeningCache();
    const ticket = cache.ticket();
    for (let i = 0; i < 10_001; i++) cache.invalidate([`org-${i}`]);
    cache.remember(ticket, TOKEN, 'rss', version('"old"', 'org-0'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)).toBeNull();
    cache.remember(cache.ticket(), TOKEN, 'rss', version('"new"', 'org-0'), DAY);
    expect(cache.lookup(TOKEN, 'rss', DAY)?.etag).toBe('"new"');
  });
});
