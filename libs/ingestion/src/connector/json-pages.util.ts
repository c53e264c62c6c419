import type { CallDraft } from '../call/call-draft.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { PaginationSpec } from '../source/source.types';
import type { ConnectorContext, ConnectorOutput } from './connector.types';
import { readPath } from './dot-path.util';
import { parseJson } from './error-page.util';
import { readListingPage } from './listing-page.util';
import { PaginationGuard } from './pagination.guard';
import { sourceRequest } from './source-request.util';

export interface JsonListingOptions {
  /** The first page's URL when it is not the source's own (an added filter). */
  startUrl?: string;
  /** Checks the first page's items (an empty answer that means a wrong filter); throws to stop. */
  checkFirst?: (items: unknown[], url: string) => void;
}

/**
 * The calls of every page of a paginated JSON API, by page number, offset or next link. Stops on
 * an empty page, a short page, the stated total, or the guard (same URL twice, maxPages). An
 * unchanged page gives its items as still listed and the next page it led to last time.
 */
export async function* jsonListing(
  context: ConnectorContext,
  spec: PaginationSpec,
  toDraft: (record: unknown, pageUrl: string, position: number) => CallDraft,
  options: JsonListingOptions = {},
): AsyncGenerator<ConnectorOutput> {
  const startUrl = options.startUrl ?? context.source.url;
  const guard = new PaginationGuard(context.source);
  const size = spec.size ?? null;
  let index = spec.type === 'page' ? (spec.start ?? 1) : 0;
  let url: string | null = firstUrl(startUrl, spec, index);
  let seenItems = 0;
  let first = true;
  while (url) {
    guard.visit(url);
    const pageUrl: string = url;
    const at = { index, seenItems, first };
    const step = yield* readListingPage(
      context,
      sourceRequest(context.source, pageUrl, { accept: 'application/json' }),
      (page) => {
        const body = parseJson(page.text, pageUrl);
        const items = readPath(body, spec.items ?? '');
        if (!Array.isArray(items)) {
          throw new IngestionException(
            IngestionExceptionCode.MALFORMED_PAYLOAD,
            `${pageUrl}: no array of items at "${spec.items ?? '(top level)'}"`,
            { url: pageUrl, path: spec.items ?? '' },
          );
        }
        if (at.first) options.checkFirst?.(items, pageUrl);
        return {
          drafts: items.map((record, i) => toDraft(record, pageUrl, at.seenItems + i)),
          next: nextUrl(body, items.length, pageUrl),
        };
      },
    );
    first = false;
    seenItems += step.items;
    index += spec.type === 'page' ? 1 : step.items;
    url = step.next;
  }

  function nextUrl(body: unknown, count: number, pageUrl: string): string | null {
    if (spec.type === 'none' || count === 0) return null;
    const total = spec.total ? Number(readPath(body, spec.total)) : NaN;
    if (Number.isFinite(total) && seenItems + count >= total) return null;
    if (spec.type === 'next') {
      const next = readPath(body, spec.next ?? 'next');
      return typeof next === 'string' && next !== '' ? new URL(next, pageUrl).toString() : null;
    }
    if (size !== null && count < size) return null;
    return withParams(startUrl, spec, index + (spec.type === 'page' ? 1 : count));
  }
}

function firstUrl(base: string, spec: PaginationSpec, index: number): string {
  return spec.type === 'page' || spec.type === 'offset'
    ? withParams(base, spec, index)
    : withSize(base, spec);
}

function withParams(base: string, spec: PaginationSpec, index: number): string {
  const url = new URL(withSize(base, spec));
  url.searchParams.set(spec.param!, String(index));
  return url.toString();
}

function withSize(base: string, spec: PaginationSpec): string {
  if (!spec.sizeParam || spec.size === undefined) return base;
  const url = new URL(base);
  url.searchParams.set(spec.sizeParam, String(spec.size));
  return url.toString();
}
