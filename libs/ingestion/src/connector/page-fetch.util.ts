import { createHash } from 'node:crypto';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { FetchRequest, FetchResponse } from '../fetch/fetcher.types';
import type { ConnectorContext, PageState } from './connector.types';

export interface FetchedPage {
  url: string;
  /** The decoded body; empty on a 304. */
  text: string;
  body: Buffer | null;
  contentType: string | null;
  /** Same as at the last run: a 304, or the same bytes. `text` is empty on a 304 only. */
  unchanged: boolean;
  /** Validators and hash to remember for the next run. */
  etag: string | null;
  lastModified: string | null;
  hash: string;
}

/**
 * GET (or POST) through the fetcher. Given the page's last state (`since`), a GET carries its
 * validators: a caller passes it only when it can do without the body, since a 304 has none.
 * Non-2xx statuses and transport failures become IngestionExceptions naming the URL.
 */
export async function fetchPage(
  context: ConnectorContext,
  request: FetchRequest,
  since?: PageState,
): Promise<FetchedPage> {
  const conditional =
    since && (request.method ?? 'GET') === 'GET' && (since.etag || since.lastModified)
      ? { etag: since.etag, lastModified: since.lastModified }
      : undefined;
  let response: FetchResponse;
  try {
    response = await context.fetcher.fetch({ ...request, ...(conditional ? { conditional } : {}) });
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
  if (response.notModified && since && conditional) {
    context.stats.notModified++;
    return {
      url: request.url,
      text: '',
      body: null,
      contentType: null,
      unchanged: true,
      etag: response.etag ?? since.etag,
      lastModified: response.lastModified ?? since.lastModified,
      hash: since.hash,
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
  const hash = bodyHash(response);
  return {
    url: response.url || request.url,
    text: response.text,
    body: response.body,
    contentType: response.contentType,
    unchanged: since?.hash === hash,
    etag: response.etag,
    lastModified: response.lastModified,
    hash,
  };
}

/** 128 bits of SHA-256, enough to tell two versions of a page apart. */
function bodyHash(response: FetchResponse): string {
  const bytes = response.body?.length ? response.body : Buffer.from(response.text);
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/** Keeps a page's state for the next run (pages not remembered in a run are forgotten). */
export function rememberPage(
  context: ConnectorContext,
  url: string,
  page: Pick<FetchedPage, 'etag' | 'lastModified' | 'hash'>,
  facts: Omit<PageState, 'etag' | 'lastModified' | 'hash'> = {},
): void {
  context.next.pages[url] = {
    etag: page.etag,
    lastModified: page.lastModified,
    hash: page.hash,
    ...facts,
  };
}

/** A state entry this version can use (older ones held whole bodies and no hash: ignored). */
export function isPageState(value: unknown): value is PageState {
  return (
    typeof value === 'object' && value !== null && typeof (value as PageState).hash === 'string'
  );
}
