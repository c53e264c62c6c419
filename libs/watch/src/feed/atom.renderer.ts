import { itemGuid, itemHtml, itemTitle } from './feed-item.presenter';
import { FeedItem, FeedMeta } from './feed-item.types';
import { escapeXml as x } from './xml.util';

/** Atom 1.0 (RFC 4287). */
export function renderAtom(meta: FeedMeta, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) =>
      `<entry><id>urn:${x(itemGuid(item))}</id><title>${x(itemTitle(item))}</title>` +
      `<link rel="alternate" href="${x(item.url)}"/>` +
      `<updated>${item.matchedAt.toISOString()}</updated>` +
      item.themes.map((theme) => `<category term="${x(theme)}"/>`).join('') +
      `<content type="html">${x(itemHtml(item))}</content></entry>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">` +
    `<id>urn:vigie:feed:${x(meta.id)}</id><title>${x(meta.title)}</title>` +
    `<subtitle>${x(meta.description)}</subtitle>` +
    `<updated>${meta.updated.toISOString()}</updated>` +
    `<link rel="self" type="application/atom+xml" href="${x(meta.selfUrl)}"/>` +
    `<link rel="alternate" href="${x(meta.homeUrl)}"/><author><name>Vigie</name></author>` +
    `${entries.join('')}</feed>\n`
  );
}
