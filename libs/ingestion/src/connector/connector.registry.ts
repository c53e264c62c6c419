import type { Fetcher } from '../fetch/fetcher.types';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition, SourceKind } from '../source/source.types';
import { AidesTerritoiresConnector } from './aides-territoires.source';
import type {
  Connector,
  ConnectorContext,
  ConnectorOptions,
  ConnectorOutput,
  ConnectorRunStats,
  ConnectorState,
} from './connector.types';
import { sourceError } from './connector-output.util';
import { EuSediaConnector } from './eu-sedia.source';
import { HtmlConnector } from './html.source';
import { JsonConnector } from './json.source';
import { OpendatasoftConnector } from './opendatasoft.source';
import { RssConnector } from './rss.source';
import { AuthorisingFetcher, secretOf, waitingForSecretMessage } from './source-auth.util';

const CONNECTORS: Record<SourceKind, Connector> = {
  rss: new RssConnector(),
  opendatasoft: new OpendatasoftConnector(),
  json: new JsonConnector(),
  html: new HtmlConnector(),
  'aides-territoires': new AidesTerritoiresConnector(),
  'eu-sedia': new EuSediaConnector(),
};

export function connectorFor(kind: SourceKind): Connector {
  const connector = CONNECTORS[kind];
  if (!connector) {
    throw new IngestionException(
      IngestionExceptionCode.UNKNOWN_SOURCE_KIND,
      `No connector for kind "${String(kind)}"`,
      { kind },
    );
  }
  return connector;
}

export function emptyConnectorState(): ConnectorState {
  return { pages: {} };
}

const DEFAULT_OPTIONS = {
  maxDocumentBytes: 10 * 1024 * 1024,
  maxDocumentPages: 20,
  maxDocumentsPerCall: 3,
};

/**
 * One run of a source: iterate it for calls and errors, then read `stats` and `state`
 * (the state to pass to the next run: validators, hashes and item keys of the pages seen).
 */
export class ConnectorRun implements AsyncIterable<ConnectorOutput> {
  readonly stats: ConnectorRunStats;
  private readonly context: ConnectorContext;
  private started = false;
  /** The source's secret variable is unset: the run yields one AUTH_MISSING error and fetches nothing. */
  private readonly missingSecret: boolean;

  constructor(
    source: SourceDefinition,
    fetcher: Fetcher,
    previous: ConnectorState,
    options: ConnectorOptions,
  ) {
    this.stats = {
      sourceId: source.id,
      requests: 0,
      notModified: 0,
      bytes: 0,
      pages: 0,
      calls: 0,
      stillListed: 0,
      itemErrors: 0,
      sourceError: null,
      documents: 0,
      documentErrors: [],
    };
    const env = options.env ?? process.env;
    const secret = secretOf(source, env);
    this.missingSecret = !!source.auth && secret === null;
    this.context = {
      source,
      fetcher:
        source.auth && secret !== null
          ? new AuthorisingFetcher(
              fetcher,
              source.auth,
              secret,
              options.tokens,
              options.now,
              new URL(source.url).origin,
            )
          : fetcher,
      stats: this.stats,
      previous: previous ?? emptyConnectorState(),
      next: emptyConnectorState(),
      options: { ...DEFAULT_OPTIONS, ...options },
    };
  }

  /** Pages fetched in this run; pages no longer linked are dropped. */
  get state(): ConnectorState {
    return this.context.next;
  }

  [Symbol.asyncIterator](): AsyncIterator<ConnectorOutput> {
    if (this.started)
      throw new Error(`Run of source ${this.context.source.id} can be iterated once`);
    this.started = true;
    if (this.missingSecret) return this.waitingForSecret()[Symbol.asyncIterator]();
    return connectorFor(this.context.source.kind).run(this.context)[Symbol.asyncIterator]();
  }

  private async *waitingForSecret(): AsyncIterable<ConnectorOutput> {
    const auth = this.context.source.auth!;
    yield sourceError(
      this.context,
      new IngestionException(IngestionExceptionCode.AUTH_MISSING, waitingForSecretMessage(auth), {
        secretEnv: auth.secretEnv,
      }),
      null,
    );
  }

  /** Iterates to the end and returns everything (tests, small sources). */
  async collect(): Promise<ConnectorOutput[]> {
    const outputs: ConnectorOutput[] = [];
    for await (const output of this) outputs.push(output);
    return outputs;
  }
}

export function runSource(
  source: SourceDefinition,
  fetcher: Fetcher,
  state: ConnectorState = emptyConnectorState(),
  options: ConnectorOptions = {},
): ConnectorRun {
  return new ConnectorRun(source, fetcher, state, options);
}
