import { itemGuid, itemHtml, itemTitle } from './feed-item.presenter';
import { FeedItem, FeedMeta } from './feed-item.types';
import { escapeXml as x } from './xml.util';

/** RSS 2.0 (with atom:link rel=self, as validators ask). */
export function renderRss(meta: FeedMeta, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) =>
      `<item><title>${x(itemTitle(item))}</title><link>${x(item.url)}</link>` +
      `<guid isPermaLink="false">${x(itemGuid(item))}</guid>` +
      `<pubDate>${item.matchedAt.toUTCString()}</pubDate>` +
      item.themes.map((theme) => `<category>${x(theme)}</category>`).join('') +
      `<description>${x(itemHtml(item))}</description></item>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${x(meta.title)}</title><link>${x(meta.homeUrl)}</link>` +
    `<description>${x(meta.description)}</description><language>fr</language>` +
    `<lastBuildDate>${meta.updated.toUTCString()}</lastBuildDate>` +
    `<atom:link href="${x(meta.selfUrl)}" rel="self" type="application/rss+xml"/>` +
    `${entries.join('')}</channel></rss>\n`
  );
}
