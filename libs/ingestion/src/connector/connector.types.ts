import type { CallDraft } from '../call/call-draft.types';
import type { NormalisedCall } from '../call/normalised-call';
import type { Fetcher } from '../fetch/fetcher.types';
import type { IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition, SourceKind } from '../source/source.types';
import type { TokenCache } from './source-auth.util';

/**
 * A page as last fetched: validators for the next conditional request and what a 304 needs
 * to stand in for the body. A call's own page keeps only the fields read from it (a few KB),
 * not its text: a crawl of thousands of pages must not hold them all in memory.
 */
export interface CachedPage {
  etag: string | null;
  lastModified: string | null;
  /** Decoded body of a page re-read on a 304 (feed, listing, API page), or a PDF's text. */
  text?: string;
  /** A call's own page: what was read from it, so a 304 skips the HTML altogether. */
  detail?: CachedDetail;
}

/** The fields a detail page gave and its document links (documents are re-checked on their own). */
export interface CachedDetail {
  fields: Partial<CallDraft>;
  documentLinks: Array<{ url: string; title: string }>;
}

/**
 * What a source's previous run left: JSON-serialisable, kept by the caller between runs.
 * A 304 reuses what was read from the page, so an unchanged source costs headers only and
 * still yields every call (nothing looks withdrawn).
 */
export interface ConnectorState {
  pages: Record<string, CachedPage>;
}

/** A failure that did not stop the run: one item (scope item) or the source itself (scope source). */
export interface ConnectorItemError {
  kind: 'error';
  scope: 'item' | 'source';
  sourceId: string;
  code: IngestionExceptionCode;
  message: string;
  url: string | null;
  externalId: string | null;
}

export type ConnectorOutput = NormalisedCall | ConnectorItemError;

export interface ConnectorRunStats {
  sourceId: string;
  /** HTTP requests made (listing, detail, documents). */
  requests: number;
  /** Of which answered 304 Not Modified. */
  notModified: number;
  bytes: number;
  pages: number;
  calls: number;
  itemErrors: number;
  /** Set when the whole source failed (bad listing, loop); calls seen before it stand. */
  sourceError: string | null;
  documents: number;
  /** Linked documents that could not be read (the call is kept, without their text). */
  documentErrors: string[];
}

export interface ConnectorOptions {
  /** "Today" for year inference and statuses; default now. */
  referenceDate?: Date | string;
  /** Caps on linked PDF documents. */
  maxDocumentBytes?: number;
  maxDocumentPages?: number;
  maxDocumentsPerCall?: number;
  /** Where the secrets named by `auth.secretEnv` are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Tokens obtained by exchange; default the process's (memory only). */
  tokens?: TokenCache;
  /** Clock for token expiry (epoch ms); default Date.now. */
  now?: () => number;
}

/** The per-run context every connector works through: fetching with the cache, counting. */
export interface ConnectorContext {
  source: SourceDefinition;
  fetcher: Fetcher;
  options: Required<Omit<ConnectorOptions, 'referenceDate' | 'env' | 'tokens' | 'now'>> &
    Pick<ConnectorOptions, 'referenceDate' | 'env' | 'tokens' | 'now'>;
  stats: ConnectorRunStats;
  previous: ConnectorState;
  next: ConnectorState;
}

export interface Connector {
  readonly kind: SourceKind;
  /** Yields each call or error in source order; throws only on programming errors. */
  run(context: ConnectorContext): AsyncIterable<ConnectorOutput>;
}

export function isConnectorError(output: ConnectorOutput): output is ConnectorItemError {
  return (output as ConnectorItemError).kind === 'error';
}
