import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { PaginationSpec } from '../source/source.types';
import type { ConnectorContext } from './connector.types';
import { readPath } from './dot-path.util';
import { parseJson } from './error-page.util';
import { fetchPage } from './page-fetch.util';
import { PaginationGuard } from './pagination.guard';
import { sourceRequest } from './source-request.util';

export interface JsonPage {
  url: string;
  items: unknown[];
}

/**
 * Every page of a paginated JSON API, by page number, offset or next link. Stops on an empty
 * page, a short page, the stated total, or the guard (same URL twice, maxPages).
 */
export async function* jsonPages(
  context: ConnectorContext,
  spec: PaginationSpec,
  /** The first page's URL when it is not the source's own (an added filter). */
  startUrl: string = context.source.url,
): AsyncIterable<JsonPage> {
  const guard = new PaginationGuard(context.source);
  const size = spec.size ?? null;
  let index = spec.type === 'page' ? (spec.start ?? 1) : 0;
  let url: string | null = firstUrl(startUrl, spec, index);
  let seenItems = 0;
  while (url) {
    guard.visit(url);
    const page = await fetchPage(
      context,
      sourceRequest(context.source, url, { accept: 'application/json' }),
    );
    context.stats.pages++;
    const body = parseJson(page.text, url);
    const items = readPath(body, spec.items ?? '');
    if (!Array.isArray(items)) {
      throw new IngestionException(
        IngestionExceptionCode.MALFORMED_PAYLOAD,
        `${url}: no array of items at "${spec.items ?? '(top level)'}"`,
        { url, path: spec.items ?? '' },
      );
    }
    yield { url, items };
    seenItems += items.length;
    const total = spec.total ? Number(readPath(body, spec.total)) : NaN;
    if (spec.type === 'none' || items.length === 0) return;
    if (Number.isFinite(total) && seenItems >= total) return;
    if (spec.type === 'next') {
      const next = readPath(body, spec.next ?? 'next');
      url = typeof next === 'string' && next !== '' ? new URL(next, url).toString() : null;
      continue;
    }
    if (size !== null && items.length < size) return;
    index += spec.type === 'page' ? 1 : items.length;
    url = withParams(startUrl, spec, index);
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
