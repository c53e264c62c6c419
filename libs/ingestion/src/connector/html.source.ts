import { sourceRequest } from './source-request.util';
import { load } from 'cheerio';
import type { CallDraft } from '../call/call-draft.types';
import { parseSelector } from '../source/selector.util';
import type { Connector, ConnectorContext, ConnectorOutput } from './connector.types';
import { callOrError, itemError, sourceError } from './connector-output.util';
import { fieldsFromSelectors, mergeDetail, readDetailPage } from './detail-page.util';
import { assertNotErrorPage } from './error-page.util';
import { fetchPage } from './page-fetch.util';
import { PaginationGuard } from './pagination.guard';
import { readOne, resolveUrl } from './selector-read.util';

/** A listing page (cards with links, next-page link) and each call's own page. */
export class HtmlConnector implements Connector {
  readonly kind = 'html' as const;

  async *run(context: ConnectorContext): AsyncIterable<ConnectorOutput> {
    const { source } = context;
    const listing = source.listing!;
    const guard = new PaginationGuard(source);
    let pageUrl: string | null = source.url;
    let first = true;
    while (pageUrl) {
      let drafts: CallDraft[];
      let nextUrl: string | null = null;
      try {
        guard.visit(pageUrl);
        // The entry's method, query and body go with the first listing page; `next` links carry them.
        const page = await fetchPage(
          context,
          first ? sourceRequest(source, pageUrl) : { url: pageUrl },
        );
        first = false;
        context.stats.pages++;
        const $ = load(page.text);
        assertNotErrorPage($, pageUrl);
        const cards = $(listing.item).toArray();
        const base = page.url;
        drafts = cards.map((card, index) => {
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
        nextUrl = nextHref ? resolveUrl(nextHref, base) : null;
      } catch (error) {
        yield sourceError(context, error, pageUrl);
        return;
      }
      for (const draft of drafts) yield await this.complete(context, draft);
      pageUrl = nextUrl;
    }
  }

  private async complete(context: ConnectorContext, draft: CallDraft): Promise<ConnectorOutput> {
    if (!context.source.follow || !draft.url) return callOrError(context, draft);
    try {
      const detail = await readDetailPage(context, draft.url);
      return callOrError(context, mergeDetail(draft, detail));
    } catch (error) {
      return itemError(context, error, draft.url, draft.externalId);
    }
  }
}
