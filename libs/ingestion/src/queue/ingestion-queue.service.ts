import { DATABASE_URL, ensureQueue, Source } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import { dueOccurrence } from './due-occurrence.util';
import {
  INGESTION_QUEUE,
  JOB_EXPIRE_SECONDS,
  MANUAL_RUN_SLOT_SECONDS,
  STOP_TIMEOUT_MS,
  type RunSourceJob,
} from './ingestion-queue.constants';
import { jobIdFor } from './job-id.util';

export type QueueRole = 'producer' | 'worker';

/**
 * Source runs as jobs in PostgreSQL (pg-boss 10). Producers (api, worker ticks) only enqueue;
 * workers consume. The job of a schedule window has an id derived from (source, window), so
 * any number of workers on any number of machines enqueue it once and run it once.
 */
@Injectable()
export class IngestionQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(IngestionQueueService.name);
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
  ) {}

  /** Starts pg-boss (first call wins); only workers run its maintenance (expiring jobs of dead workers). */
  start(role: QueueRole = 'producer'): Promise<PgBoss> {
    this.starting ??= this.open(role).catch((error: Error) => {
      this.starting = null;
      throw new IngestionException(
        IngestionExceptionCode.QUEUE_UNAVAILABLE,
        `Job queue unavailable: ${error.message}`,
      );
    });
    return this.starting;
  }

  /**
   * Enqueues every enabled source whose schedule is due; returns the jobs actually added.
   * Schedules run on real time, not on the Clock's calendar: the last run is stamped by the
   * database, and a pinned calendar (tests, demos) must not stop the crawls from coming due.
   */
  async enqueueDue(now = new Date()): Promise<RunSourceJob[]> {
    const boss = await this.start();
    const sources = await this.dataSource.getRepository(Source).find({ where: { enabled: true } });
    const added: RunSourceJob[] = [];
    for (const source of sources) {
      const window = dueOccurrence(source.schedule, source.lastRunAt ?? source.createdAt, now);
      if (!window) continue;
      const job: RunSourceJob = {
        sourceId: source.id,
        trigger: 'schedule',
        window: window.toISOString(),
      };
      const id = await boss.send(INGESTION_QUEUE, job, {
        id: jobIdFor(`${source.id}@${job.window}`),
        retryLimit: 1,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      });
      if (id) added.push(job);
    }
    return added;
  }

  /** A run now (admin API): at most one per source and minute; returns the job id or null if one is already queued. */
  async enqueueNow(sourceId: string): Promise<string | null> {
    const boss = await this.start();
    return boss.send(
      INGESTION_QUEUE,
      { sourceId, trigger: 'api', window: null } satisfies RunSourceJob,
      {
        singletonKey: sourceId,
        singletonSeconds: MANUAL_RUN_SLOT_SECONDS,
        retryLimit: 0,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      },
    );
  }

  /** Re-runs a source whose run was interrupted; every restarting worker may ask, one job results. */
  async enqueueRecovery(sourceId: string, interruptedRunId: string): Promise<string | null> {
    const boss = await this.start();
    return boss.send(
      INGESTION_QUEUE,
      { sourceId, trigger: 'recovery', window: null } satisfies RunSourceJob,
      {
        id: jobIdFor(`recover:${interruptedRunId}`),
        retryLimit: 0,
        expireInSeconds: JOB_EXPIRE_SECONDS,
      },
    );
  }

  /** Consumes jobs, `concurrency` at a time in this process. */
  async consume(
    concurrency: number,
    handler: (job: RunSourceJob) => Promise<unknown>,
  ): Promise<void> {
    const boss = await this.start('worker');
    for (let lane = 0; lane < concurrency; lane++) {
      await boss.work<RunSourceJob>(
        INGESTION_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data);
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    this.starting = null;
    await boss
      ?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS })
      .catch((error: Error) => this.logger.warn(`pg-boss stop: ${error.message}`));
  }

  private async open(role: QueueRole): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 4,
      schedule: false,
      supervise: role === 'worker',
      application_name: `vigie-ingestion-${role}`,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    await ensureQueue(boss, INGESTION_QUEUE);
    return boss;
  }
}
