import type { NormalisedCall } from '../call/normalised-call';
import type { Fetcher } from '../fetch/fetcher.types';
import type { IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition, SourceKind } from '../source/source.types';
import type { TokenCache } from './source-auth.util';

/**
 * A page as last fetched, kept between runs: validators for the next conditional request, a
 * hash of the body, and the few facts derived from it that let a run carry on without it. Never
 * the body itself: at a thousand sources the state is rewritten often and must stay small.
 */
export interface PageState {
  etag: string | null;
  lastModified: string | null;
  /** Hash of the body: a server that ignores validators but sends the same bytes is unchanged too. */
  hash: string;
  /** A listing, feed or API page: the items it listed, in order. */
  items?: ListedItem[];
  /** A paginated listing: the page read after this one (null: the last). */
  next?: string | null;
  /** A call's own page: the documents it links to, re-checked on their own when it is unchanged. */
  documents?: string[];
}

/** What a listing page said of one item, enough to know on a 304 whether it changed. */
export interface ListedItem {
  /** The call's external id. */
  id: string;
  /** Its own page, when the source follows links. */
  url?: string;
  /** Hash of the listing's summary of it (a card, a feed item), when its own page is followed. */
  hash?: string;
  /** It gave no call last time (an unreadable page, no title): read it again in full. */
  retry?: true;
}

/** What a source's previous run left: JSON-serialisable, kept by the caller between runs. */
export interface ConnectorState {
  pages: Record<string, PageState>;
}

/**
 * Calls the source still lists, unchanged since the last run (their pages answered 304 or the
 * same bytes): the caller marks them seen and moves their status with the calendar, with no body
 * read or parsed. Nothing looks withdrawn because a page did not change.
 */
export interface StillListed {
  kind: 'still-listed';
  sourceId: string;
  externalIds: string[];
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

export type ConnectorOutput = NormalisedCall | ConnectorItemError | StillListed;

export interface ConnectorRunStats {
  sourceId: string;
  /** HTTP requests made (listing, detail, documents). */
  requests: number;
  /** Of which answered 304 Not Modified. */
  notModified: number;
  bytes: number;
  pages: number;
  calls: number;
  /** Calls yielded as still listed (unchanged pages), not rebuilt. */
  stillListed: number;
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

/** The per-run context every connector works through: the last run's state, the next one, counting. */
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
  /** Yields each call, unchanged calls or error in source order; throws only on programming errors. */
  run(context: ConnectorContext): AsyncIterable<ConnectorOutput>;
}

export function isConnectorError(output: ConnectorOutput): output is ConnectorItemError {
  return (output as ConnectorItemError).kind === 'error';
}

export function isStillListed(output: ConnectorOutput): output is StillListed {
  return (output as StillListed).kind === 'still-listed';
}

export function isCall(output: ConnectorOutput): output is NormalisedCall {
  return !isConnectorError(output) && !isStillListed(output);
}
