import { BackgroundJobService, JobName, Source, type EnqueueOptions } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import { dueOccurrence } from './due-occurrence.util';
import { MANUAL_RUN_SLOT_SECONDS, type RunSourceJob } from './ingestion-queue.constants';
import { jobIdFor } from './job-id.util';

/**
 * Source runs as `ingestion-run-source` jobs (BackgroundJobService). Producers (api, the
 * schedule job) only enqueue; workers consume. The job of a schedule window has an id derived
 * from (source, window), so any number of workers on any number of machines enqueue it once and
 * run it once.
 */
@Injectable()
export class IngestionQueueService {
  constructor(
    private readonly jobs: BackgroundJobService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Enqueues every enabled source whose schedule is due; returns the jobs actually added.
   * Schedules run on real time, not on the Clock's calendar: the last run is stamped by the
   * database, and a pinned calendar (tests, demos) must not stop the crawls from coming due.
   */
  async enqueueDue(now = new Date()): Promise<RunSourceJob[]> {
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
      const id = await this.send(job, { id: jobIdFor(`${source.id}@${job.window}`) });
      if (id) added.push(job);
    }
    return added;
  }

  /** A run now (admin API): at most one per source and minute; returns the job id or null if one is already queued. */
  enqueueNow(sourceId: string): Promise<string | null> {
    return this.send(
      { sourceId, trigger: 'api', window: null },
      { key: sourceId, slotSeconds: MANUAL_RUN_SLOT_SECONDS, retryLimit: 0 },
    );
  }

  /** Re-runs a source whose run was interrupted; every restarting worker may ask, one job results. */
  enqueueRecovery(sourceId: string, interruptedRunId: string): Promise<string | null> {
    return this.send(
      { sourceId, trigger: 'recovery', window: null },
      { id: jobIdFor(`recover:${interruptedRunId}`), retryLimit: 0 },
    );
  }

  /** Consumes jobs, `concurrency` at a time in this process (workers only). */
  consume(concurrency: number, handler: (job: RunSourceJob) => Promise<unknown>): Promise<void> {
    return this.jobs.work<RunSourceJob>(JobName.INGESTION_RUN_SOURCE, handler, {
      concurrency,
      pollingIntervalSeconds: 1,
    });
  }

  /** A queue that cannot be reached is a 503 for the api (QUEUE_UNAVAILABLE), not a 500. */
  private async send(job: RunSourceJob, options: EnqueueOptions): Promise<string | null> {
    try {
      return await this.jobs.enqueue(JobName.INGESTION_RUN_SOURCE, job, options);
    } catch (error) {
      throw new IngestionException(
        IngestionExceptionCode.QUEUE_UNAVAILABLE,
        `Job queue unavailable: ${(error as Error).message}`,
      );
    }
  }
}
