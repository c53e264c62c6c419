import { formatAmountRange } from '@app/common';
import { itemGuid, itemHtml, itemText, itemTitle } from './feed-item.presenter';
import { FeedItem, FeedMeta } from './feed-item.types';

/** JSON Feed 1.1; Vigie's structured facts travel in the `_vigie` extension of each item. */
export function renderJsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    language: 'fr',
    items: items.map((item) => ({
      id: itemGuid(item),
      url: item.url,
      title: itemTitle(item),
      content_html: itemHtml(item),
      content_text: itemText(item),
      date_published: item.matchedAt.toISOString(),
      date_modified: item.callUpdatedAt.toISOString(),
      tags: item.themes,
      _vigie: {
        call_id: item.callId,
        score: item.score,
        themes: item.themes,
        reasons: item.reasons,
        deadline: item.nextDeadline,
        rolling: item.rolling,
        amount_min_cents: item.amountMinCents,
        amount_max_cents: item.amountMaxCents,
        amount: formatAmountRange(item.amountMinCents, item.amountMaxCents),
        change: item.changeSummary,
        annotation: item.pick?.annotation ?? null,
        joint_bid: item.pick?.jointBid ?? null,
      },
    })),
  });
}
