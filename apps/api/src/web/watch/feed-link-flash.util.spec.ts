import { openFeedLinkFlash, sealFeedLinkFlash } from './feed-link-flash.util';

describe('feed link flash', () => {
  const flash = { profileId: 'p', tokenId: 't', token: 'secret-feed-token' };

  it('item 6: opens with the session that sealed it, and only with it', () => {
    const sealed = sealFeedLinkFlash('session-a', flash);
    expect(sealed).not.toContain('secret');
    expect(openFeedLinkFlash('session-a', sealed)).toEqual(flash);
    expect(openFeedLinkFlash('session-b', sealed)).toBeNull();
    expect(openFeedLinkFlash(undefined, sealed)).toBeNull();
  });

  it('item 6: refuses a tampered or truncated flash', () => {
    const sealed = sealFeedLinkFlash('session-a', flash);
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(openFeedLinkFlash('session-a', flipped)).toBeNull();
    expect(openFeedLinkFlash('session-a', sealed.slice(0, 20))).toBeNull();
    expect(openFeedLinkFlash('session-a', 'not base64 at all!')).toBeNull();
  });
});
