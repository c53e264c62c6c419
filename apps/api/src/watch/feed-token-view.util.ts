import type { FeedToken } from '@app/persistence';
import { feedUrls, type IssuedFeedToken } from '@app/watch';
import type { FeedTokenView, IssuedFeedTokenView } from './watch-view.dto';

/** A stored token as listed: its prefix only, the secret is never shown again. */
export const feedTokenView = (token: FeedToken): FeedTokenView => ({
  id: token.id,
  prefix: token.tokenPrefix,
  createdAt: token.createdAt.toISOString(),
});

/** A token just issued: shown this once, inside its feed addresses on the public base URL. */
export const issuedFeedTokenView = (
  issued: IssuedFeedToken,
  baseUrl: string,
): IssuedFeedTokenView => ({
  id: issued.id,
  token: issued.token,
  prefix: issued.prefix,
  feeds: feedUrls(baseUrl, issued.token),
});
