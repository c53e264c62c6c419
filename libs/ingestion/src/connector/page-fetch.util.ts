import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { FetchRequest, FetchResponse } from '../fetch/fetcher.types';
import type { ConnectorContext } from './connector.types';

export interface FetchedPage {
  url: string;
  text: string;
  body: Buffer | null;
  contentType: string | null;
  notModified: boolean;
}

/**
 * GET (or POST) through the fetcher with the validators of the last run; a 304 gives back the
 * cached text. Non-2xx statuses and transport failures become IngestionExceptions naming the URL.
 */
export async function fetchPage(context: ConnectorContext, request: FetchRequest): Promise<FetchedPage> {
  const cacheable = (request.method ?? 'GET') === 'GET';
  const cached = cacheable ? context.previous.pages[request.url] : undefined;
  let response: FetchResponse;
  try {
    response = await context.fetcher.fetch({
      ...request,
      ...(cached ? { conditional: { etag: cached.etag, lastModified: cached.lastModified } } : {}),
    });
  } catch (error) {
    context.stats.requests++;
    if (error instanceof IngestionException) throw error;
    throw new IngestionException(IngestionExceptionCode.FETCH_FAILED, `Fetching ${request.url} failed: ${(error as Error).message}`, {
      url: request.url,
    });
  }
  context.stats.requests++;
  context.stats.bytes += response.bytes;
  if (response.notModified && cached) {
    context.stats.notModified++;
    context.next.pages[request.url] = cached;
    return { url: request.url, text: cached.text, body: null, contentType: null, notModified: true };
  }
  if (response.status < 200 || response.status >= 300) {
    throw new IngestionException(IngestionExceptionCode.HTTP_ERROR, `${request.url} answered HTTP ${response.status}`, {
      url: request.url,
      status: response.status,
    });
  }
  if (cacheable && (response.etag || response.lastModified)) {
    context.next.pages[request.url] = { etag: response.etag, lastModified: response.lastModified, text: response.text };
  }
  return { url: response.url || request.url, text: response.text, body: response.body, contentType: response.contentType, notModified: false };
}

/** Remembers derived text (a PDF's) under the URL's validators, for reuse on a 304. */
export function cacheDerivedText(context: ConnectorContext, url: string, text: string): void {
  const entry = context.next.pages[url];
  if (entry) context.next.pages[url] = { ...entry, text };
}
