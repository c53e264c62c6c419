import { sourceRequest } from './source-request.util';
import { load } from 'cheerio';
import type { CallDraft } from '../call/call-draft.types';
import { parseSelector } from '../source/selector.util';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { sourceError } from './connector-output.util';
import { fieldsFromSelectors } from './detail-page.util';
import { assertNotErrorPage } from './error-page.util';
import { readListingPage, type ListedPage } from './listing-page.util';
import type { FetchedPage } from './page-fetch.util';
import type { FetchRequest } from '../fetch/fetcher.types';
import { PaginationGuard } from './pagination.guard';
import { readOne, resolveUrl } from './selector-read.util';

/** A listing page (cards with links, next-page link) and each call's own page. */
export class HtmlConnector implements Connector {
  readonly kind = 'html' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const { source } = context;
    const guard = new PaginationGuard(source);
    let pageUrl: string | null = source.url;
    let first = true;
    while (pageUrl) {
      try {
        guard.visit(pageUrl);
        // The entry's method, query and body go with the first listing page; `next` links carry them.
        const request: FetchRequest = first ? sourceRequest(source, pageUrl) : { url: pageUrl };
        first = false;
        const url: string = pageUrl;
        const step = yield* readListingPage(context, request, (page) =>
          parseListing(context, page, url),
        );
        pageUrl = step.next;
      } catch (error) {
        yield sourceError(context, error, pageUrl);
        return;
      }
    }
  }
}

/** The cards of one listing page (each call's summary and link) and its next-page link. */
function parseListing(context: ConnectorContext, page: FetchedPage, pageUrl: string): ListedPage {
  const listing = context.source.listing!;
  const $ = load(page.text);
  assertNotErrorPage($, pageUrl);
  const base = page.url;
  const drafts = $(listing.item)
    .toArray()
    .map((card, index): CallDraft => {
      const cardNode = $(card);
      const linkSelector = listing.link ?? (cardNode.is('a') ? '@href' : 'a@href');
      const href = readOne($, linkSelector, cardNode);
      const url = href ? resolveUrl(href, base) : null;
      const fields = fieldsFromSelectors($, listing.fields ?? {}, cardNode, base);
      return {
        externalId: url ?? `${pageUrl}#${index}`,
        url,
        title: null,
        ...fields,
        extraTexts: [cardNode.text().replace(/\s+/g, ' ').trim()],
      };
    });
  const nextHref = listing.next
    ? readOne(
        $,
        listing.next.includes('@') ? listing.next : `${parseSelector(listing.next).css}@href`,
      )
    : null;
  return { drafts, next: nextHref ? resolveUrl(nextHref, base) : null };
}
