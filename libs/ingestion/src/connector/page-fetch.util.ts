import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { FetchRequest, FetchResponse } from '../fetch/fetcher.types';
import type { CachedDetail, CachedPage, ConnectorContext } from './connector.types';

export interface FetchedPage {
  url: string;
  text: string;
  body: Buffer | null;
  contentType: string | null;
  notModified: boolean;
  /** On a 304: the cache entry that stands in for the body. */
  cached?: CachedPage;
}

/** What the caller reuses on a 304: the text (default) or a detail page's fields. */
export type CacheUse = 'text' | 'detail';

/**
 * GET (or POST) through the fetcher with the validators of the last run; a 304 gives back the
 * cached entry. Non-2xx statuses and transport failures become IngestionExceptions naming the URL.
 */
export async function fetchPage(
  context: ConnectorContext,
  request: FetchRequest,
  use: CacheUse = 'text',
): Promise<FetchedPage> {
  const cacheable = (request.method ?? 'GET') === 'GET';
  const cached = cacheable ? usableCache(context.previous.pages[request.url], use) : undefined;
  let response: FetchResponse;
  try {
    response = await context.fetcher.fetch({
      ...request,
      ...(cached ? { conditional: { etag: cached.etag, lastModified: cached.lastModified } } : {}),
    });
  } catch (error) {
    context.stats.requests++;
    if (error instanceof IngestionException) throw error;
    throw new IngestionException(
      IngestionExceptionCode.FETCH_FAILED,
      `Fetching ${request.url} failed: ${(error as Error).message}`,
      {
        url: request.url,
      },
    );
  }
  context.stats.requests++;
  context.stats.bytes += response.bytes;
  if (response.notModified && cached) {
    context.stats.notModified++;
    context.next.pages[request.url] = cached;
    return {
      url: request.url,
      text: cached.text ?? '',
      body: null,
      contentType: null,
      notModified: true,
      cached,
    };
  }
  if (response.status < 200 || response.status >= 300) {
    throw new IngestionException(
      IngestionExceptionCode.HTTP_ERROR,
      `${request.url} answered HTTP ${response.status}`,
      {
        url: request.url,
        status: response.status,
      },
    );
  }
  if (cacheable && (response.etag || response.lastModified)) {
    context.next.pages[request.url] = {
      etag: response.etag,
      lastModified: response.lastModified,
      text: response.text,
    };
  }
  return {
    url: response.url || request.url,
    text: response.text,
    body: response.body,
    contentType: response.contentType,
    notModified: false,
  };
}

/** A conditional request only pays off when the entry holds what the caller will reuse. */
function usableCache(entry: CachedPage | undefined, use: CacheUse): CachedPage | undefined {
  if (!entry) return undefined;
  if (entry.text !== undefined) return entry;
  return use === 'detail' && entry.detail ? entry : undefined;
}

/** Replaces a page's cached text by what was read from it (a detail page's fields). */
export function cacheDetail(context: ConnectorContext, url: string, detail: CachedDetail): void {
  const entry = context.next.pages[url];
  if (entry)
    context.next.pages[url] = { etag: entry.etag, lastModified: entry.lastModified, detail };
}

/** Remembers derived text (a PDF's) under the URL's validators, for reuse on a 304. */
export function cacheDerivedText(context: ConnectorContext, url: string, text: string): void {
  const entry = context.next.pages[url];
  if (entry) context.next.pages[url] = { ...entry, text };
}
