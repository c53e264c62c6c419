import { VigieConfig } from '@app/config';
import { Source, SourceRun, type SourceRunError } from '@app/persistence';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { emptyConnectorState, runSource } from '../connector/connector.registry';
import {
  isConnectorError,
  isStillListed,
  type ConnectorRunStats,
  type ConnectorState,
} from '../connector/connector.types';
import { isPageState } from '../connector/page-fetch.util';
import { Clock } from '@app/common';
import { toReferenceDate } from '../extract/paris-date.util';
import type { Fetcher } from '../fetch/fetcher.types';
import { PgPolitenessStore } from '../fetch/pg-politeness.store';
import type { PoliteFetcher } from '../fetch/polite-fetcher';
import { waitingForSecretMessage, waitsForSecret } from '../connector/source-auth.util';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import type { SourceDefinition } from '../source/source.types';
import { CallStoreService } from '../store/call-store.service';
import { emptySeenBatch } from '../store/call-store.types';
import { createCrawlerFetcher } from './crawler-fetcher.util';
import { readAhead } from './read-ahead.util';
import type { RunOptions, RunTrigger, SourceRunReport } from './source-run-report.types';
import { tryLockSource } from './source-lock.util';

/** Reasons kept per run: enough to diagnose, bounded so a broken source cannot bloat the table. */
const MAX_STORED_ERRORS = 50;
/** Sightings of unchanged calls written together: one UPDATE per table instead of one per call. */
const SEEN_BATCH_SIZE = 250;
const INTERRUPTED =
  'interrompu : le processus qui collectait cette source s’est arrêté avant la fin';

/**
 * Runs a source now: connector → call store, with the run recorded and the source's health
 * updated. One process at a time per source (advisory lock); a failure of one source never
 * touches another, nor the calls already stored.
 */
@Injectable()
export class SourceCrawlService implements OnApplicationShutdown {
  private readonly logger = new Logger(SourceCrawlService.name);
  private fetcher: Fetcher | null = null;
  /** Where sources' secrets are read (auth.secretEnv); replaced in tests. */
  private env: NodeJS.ProcessEnv = process.env;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CallStoreService,
    private readonly config: VigieConfig,
    private readonly clock: Clock,
  ) {}

  /** Replaces the environment the sources' secrets are read from (tests). */
  useEnv(env: NodeJS.ProcessEnv): void {
    this.env = env;
  }

  /** Replaces the polite fetcher (tests, benchmarks). */
  useFetcher(fetcher: Fetcher): void {
    this.fetcher = fetcher;
  }

  async runSource(
    sourceId: string,
    trigger: RunTrigger,
    options: RunOptions = {},
  ): Promise<SourceRunReport> {
    const source = await this.dataSource.getRepository(Source).findOne({ where: { id: sourceId } });
    if (!source)
      throw new IngestionException(
        IngestionExceptionCode.SOURCE_NOT_FOUND,
        `Source "${sourceId}" not found`,
        { sourceId },
      );
    const definition = source.definition as unknown as SourceDefinition;
    // No secret, no crawl: nothing is fetched, no failing run recorded, the stored calls stay.
    if (waitsForSecret(definition, this.env)) {
      const reason = waitingForSecretMessage(definition.auth!);
      this.logger.log(`Source ${sourceId}: skipped, ${reason}`);
      return { ...skippedReport(sourceId), skippedReason: reason };
    }
    const lock = await tryLockSource(this.dataSource, sourceId);
    if (!lock) return skippedReport(sourceId);
    try {
      await this.closeInterruptedRuns(sourceId);
      return await this.crawl(source, trigger, options);
    } finally {
      await lock.release();
    }
  }

  /** Runs enabled sources (or the one given, enabled or not) a few at a time; politeness is per host anyway. */
  async runAll(
    trigger: RunTrigger,
    options: RunOptions & {
      sourceId?: string;
      concurrency?: number;
      /** Told as each source finishes (the CLI's progress line); `done` counts finished ones. */
      onReport?: (report: SourceRunReport, done: number, total: number) => void;
    } = {},
  ): Promise<SourceRunReport[]> {
    const sources = options.sourceId
      ? [
          await this.dataSource
            .getRepository(Source)
            .findOneOrFail({ where: { id: options.sourceId } })
            .catch(() => {
              throw new IngestionException(
                IngestionExceptionCode.SOURCE_NOT_FOUND,
                `Source "${options.sourceId}" not found`,
                { sourceId: options.sourceId },
              );
            }),
        ]
      : await this.dataSource
          .getRepository(Source)
          .find({ where: { enabled: true }, order: { id: 'ASC' } });
    const reports: SourceRunReport[] = new Array(sources.length);
    let next = 0;
    let done = 0;
    const lane = async () => {
      while (next < sources.length) {
        const index = next++;
        reports[index] = await this.runSource(sources[index].id, trigger, options);
        options.onReport?.(reports[index], ++done, sources.length);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency ?? 4, sources.length) }, lane),
    );
    return reports;
  }

  /** Sources with a run left `running` (a killed process): the worker re-runs them at start. */
  async interruptedSources(): Promise<Array<{ sourceId: string; runId: string }>> {
    const rows: Array<{ source_id: string; id: string }> = await this.dataSource.query(
      `SELECT DISTINCT ON (source_id) source_id, id FROM source_run WHERE status = 'running' ORDER BY source_id, started_at DESC`,
    );
    return rows.map((row) => ({ sourceId: row.source_id, runId: row.id }));
  }

  /**
   * Runs left `running` by a process that died (kill -9, lost machine) while others live: the
   * source's advisory lock went with the dead process's connection, so a `running` run whose
   * lock is free has no one crawling it. Any worker may ask; it re-runs them without waiting
   * for the dead job's expiry (issue 16, faults).
   */
  async orphanedRuns(): Promise<Array<{ sourceId: string; runId: string }>> {
    const orphaned: Array<{ sourceId: string; runId: string }> = [];
    for (const run of await this.interruptedSources()) {
      const lock = await tryLockSource(this.dataSource, run.sourceId);
      if (!lock) continue;
      try {
        // Still `running` while we hold the lock: its owner is gone (a live one updates it before unlocking).
        const [{ running }] = await this.dataSource.query(
          `SELECT count(*)::int AS running FROM source_run WHERE id = $1 AND status = 'running'`,
          [run.runId],
        );
        if (running > 0) orphaned.push(run);
      } finally {
        await lock.release();
      }
    }
    return orphaned;
  }

  async onApplicationShutdown(): Promise<void> {
    const fetcher = this.fetcher as Partial<PoliteFetcher> | null;
    await fetcher?.close?.().catch(() => undefined);
  }

  private async crawl(
    source: Source,
    trigger: RunTrigger,
    options: RunOptions,
  ): Promise<SourceRunReport> {
    const startedAt = new Date();
    const runs = this.dataSource.getRepository(SourceRun);
    const run = await runs.save(
      runs.create({ sourceId: source.id, status: 'running', trigger, startedAt }),
    );
    const report = emptyReport(source.id, run.id);
    const seen = new Set<string>();
    const seenBatch = emptySeenBatch();
    const today = options.referenceDate ?? this.clock.today();
    const previous = connectorStateOf(source.connectorState);
    /** Calls on unchanged pages, marked seen together (and before markMissing). */
    let stillListed: string[] = [];
    /** A call the store could not take (unknown, withdrawn, failed to store): read all next time. */
    let readAllNextTime = false;
    const flushStillListed = async () => {
      if (stillListed.length === 0) return;
      const ids = stillListed;
      stillListed = [];
      const outcome = await this.store.markStillListed(source.id, ids, new Date(), { today });
      report.unchanged += outcome.seen;
      if (outcome.needFullRead.length) readAllNextTime = true;
    };
    const connectorRun = runSource(
      source.definition as unknown as SourceDefinition,
      this.crawlerFetcher(),
      previous,
      {
        referenceDate: options.referenceDate ? toReferenceDate(options.referenceDate) : undefined,
        env: this.env,
      },
    );
    try {
      for await (const output of readAhead(connectorRun)) {
        if (isStillListed(output)) {
          for (const id of output.externalIds) seen.add(id);
          report.fetched += output.externalIds.length;
          stillListed.push(...output.externalIds);
          if (stillListed.length >= SEEN_BATCH_SIZE) await flushStillListed();
          continue;
        }
        if (isConnectorError(output)) {
          if (output.externalId) seen.add(output.externalId);
          if (output.scope === 'source') report.sourceError = `${output.code}: ${output.message}`;
          else report.failed++;
          pushError(report, {
            code: output.code,
            message: output.message,
            url: output.url,
            externalId: output.externalId,
          });
          continue;
        }
        seen.add(output.externalId);
        report.fetched++;
        try {
          const result = await this.store.upsert(source.id, output, new Date(), {
            today,
            seen: seenBatch,
            runStartedAt: startedAt,
          });
          report[countOf(result.outcome)]++;
          if (seenBatch.linkIds.length >= SEEN_BATCH_SIZE) await this.store.flushSeen(seenBatch);
        } catch (error) {
          report.failed++;
          readAllNextTime = true;
          pushError(report, {
            code: 'STORE_FAILED',
            message: (error as Error).message,
            url: output.url,
            externalId: output.externalId,
          });
        }
      }
    } catch (error) {
      // Connectors throw only on programming errors; the run still ends recorded, as failed.
      report.sourceError = `${IngestionExceptionCode.FETCH_FAILED}: ${(error as Error).message}`;
      pushError(report, {
        code: IngestionExceptionCode.FETCH_FAILED,
        message: (error as Error).message,
      });
    }
    copyStats(report, connectorRun.stats);
    await this.store.flushSeen(seenBatch);
    try {
      await flushStillListed();
    } catch (error) {
      // Not marked seen: these calls must not count as missing either, so no withdrawal this run.
      report.sourceError = `STORE_FAILED: ${(error as Error).message}`;
      pushError(report, { code: 'STORE_FAILED', message: (error as Error).message });
    }
    if (!report.sourceError) {
      const missing = await this.store.markMissing(source.id, seen, startedAt);
      report.withdrawn = missing.withdrawn;
    }
    report.status = report.sourceError ? 'failed' : 'succeeded';
    await this.finish(source, run.id, report, startedAt, nextState());
    /** What the next run starts from; an empty state makes it read every page in full. */
    function nextState(): ConnectorState {
      if (readAllNextTime) return emptyConnectorState();
      return report.sourceError
        ? { pages: { ...previous.pages, ...connectorRun.state.pages } }
        : connectorRun.state;
    }
    this.logger.log(
      `Source ${source.id}: ${report.status}, ${report.fetched} fetched, ${report.created} new, ${report.changed} changed`,
    );
    return report;
  }

  private async finish(
    source: Source,
    runId: string,
    report: SourceRunReport,
    startedAt: Date,
    state: ConnectorState,
  ): Promise<void> {
    const finishedAt = new Date();
    // An unchanged source costs no rewrite of its state (jsonb rows are rewritten whole).
    const serialised = JSON.parse(JSON.stringify(state)) as ConnectorState;
    const stateChanged = !isDeepStrictEqual(serialised, source.connectorState);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(SourceRun, { id: runId }, {
        status: report.status === 'succeeded' ? 'succeeded' : 'failed',
        finishedAt,
        fetched: report.fetched,
        createdCount: report.created + report.sourceAdded,
        changedCount: report.changed + report.reappeared,
        unchangedCount: report.unchanged,
        withdrawnCount: report.withdrawn,
        failedCount: report.failed,
        requests: report.requests,
        notModified: report.notModified,
        bytes: report.bytes,
        errors: report.errors,
      } as QueryDeepPartialEntity<SourceRun>);
      const health = report.sourceError
        ? {
            lastError: report.sourceError,
            lastErrorAt: finishedAt,
            consecutiveFailures: source.consecutiveFailures + 1,
          }
        : {
            lastSuccessAt: finishedAt,
            consecutiveFailures: 0,
            lastItemCount: report.fetched,
            // Zero calls from a source that used to have some: most likely its pages changed shape.
            layoutSuspect:
              report.fetched === 0 && ((source.lastItemCount ?? 0) > 0 || source.layoutSuspect),
          };
      await manager.update(Source, { id: source.id }, {
        lastRunAt: startedAt,
        ...(stateChanged ? { connectorState: serialised } : {}),
        ...health,
      } as unknown as QueryDeepPartialEntity<Source>);
    });
  }

  /** Only called under the source's lock: nobody alive is running these. */
  private async closeInterruptedRuns(sourceId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE source_run SET status = 'failed', finished_at = now(), errors = errors || $2::jsonb
        WHERE source_id = $1 AND status = 'running'`,
      [sourceId, JSON.stringify([{ code: 'INTERRUPTED', message: INTERRUPTED }])],
    );
  }

  private crawlerFetcher(): Fetcher {
    this.fetcher ??= createCrawlerFetcher(this.config, new PgPolitenessStore(this.dataSource));
    return this.fetcher;
  }
}

function countOf(
  outcome: string,
): 'created' | 'sourceAdded' | 'changed' | 'unchanged' | 'reappeared' {
  switch (outcome) {
    case 'created':
      return 'created';
    case 'source_added':
      return 'sourceAdded';
    case 'changed':
    case 'moved':
      return 'changed';
    case 'reappeared':
      return 'reappeared';
    default:
      return 'unchanged';
  }
}

function pushError(report: SourceRunReport, error: SourceRunError): void {
  if (report.errors.length < MAX_STORED_ERRORS) report.errors.push(error);
}

function copyStats(report: SourceRunReport, stats: ConnectorRunStats): void {
  report.requests = stats.requests;
  report.notModified = stats.notModified;
  report.bytes = stats.bytes;
  if (!report.sourceError && stats.sourceError) report.sourceError = stats.sourceError;
}

/** The stored state, without entries this version cannot use (whole bodies from before hashes). */
function connectorStateOf(value: unknown): ConnectorState {
  const pages = (value as Partial<ConnectorState> | null)?.pages;
  if (!pages || typeof pages !== 'object') return emptyConnectorState();
  return {
    pages: Object.fromEntries(Object.entries(pages).filter(([, page]) => isPageState(page))),
  };
}

function emptyReport(sourceId: string, runId: string | null): SourceRunReport {
  return {
    sourceId,
    runId,
    status: 'succeeded',
    fetched: 0,
    created: 0,
    sourceAdded: 0,
    changed: 0,
    unchanged: 0,
    reappeared: 0,
    withdrawn: 0,
    failed: 0,
    sourceError: null,
    errors: [],
    requests: 0,
    notModified: 0,
    bytes: 0,
  };
}

function skippedReport(sourceId: string): SourceRunReport {
  return { ...emptyReport(sourceId, null), status: 'skipped' };
}
