import type { NormalisedCall } from '../call/normalised-call';
import type { Fetcher } from '../fetch/fetcher.types';
import type { IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition, SourceKind } from '../source/source.types';

/** A page as last fetched: validators for the next conditional request and its decoded body. */
export interface CachedPage {
  etag: string | null;
  lastModified: string | null;
  /** Decoded body (or extracted text, for a PDF), reused when the server answers 304. */
  text: string;
}

/**
 * What a source's previous run left: JSON-serialisable, kept by the caller between runs.
 * A 304 reuses the cached body, so an unchanged source costs headers only and still yields
 * every call (nothing looks withdrawn).
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
}

/** The per-run context every connector works through: fetching with the cache, counting. */
export interface ConnectorContext {
  source: SourceDefinition;
  fetcher: Fetcher;
  options: Required<Omit<ConnectorOptions, 'referenceDate'>> & Pick<ConnectorOptions, 'referenceDate'>;
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
