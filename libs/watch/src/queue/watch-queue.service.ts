import { VigieConfig } from '@app/config';
import { BackgroundJobService } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { WATCH_BATCH_RETRY_LIMIT, WatchJobName } from './watch-queue.constants';

/**
 * The watch's jobs (BackgroundJobService): ticks enqueue, workers consume. The two fan-out jobs
 * carry a singleton key per tick slot (and their queues keep one waiting job, policy `short`),
 * so any number of workers ticking enqueue one each; a batch job whose worker vanished expires
 * after WATCH_JOB_LEASE_SECONDS and is retried by another worker (the work is idempotent:
 * matches are upserts, mails have delivery rows).
 */
@Injectable()
export class WatchQueueService {
  constructor(
    private readonly jobs: BackgroundJobService,
    private readonly config: VigieConfig,
  ) {}

  /** Enqueues a fan-out job once per tick slot, whichever worker ticks first. */
  enqueueTick(name: WatchJobName): Promise<string | null> {
    return this.jobs.enqueue(
      name,
      {},
      {
        slotSeconds: this.config.WATCH_TICK_SECONDS,
        retryLimit: 0,
        expireInSeconds: this.config.WATCH_JOB_LEASE_SECONDS,
      },
    );
  }

  /** Enqueues batch jobs in one insert; retried by another worker if one dies. */
  enqueueBatches<T extends object>(name: WatchJobName, payloads: T[]): Promise<void> {
    return this.jobs.enqueueMany(name, payloads, {
      retryLimit: WATCH_BATCH_RETRY_LIMIT,
      retryDelaySeconds: 1,
      retryBackoff: true,
      expireInSeconds: this.config.WATCH_JOB_LEASE_SECONDS,
    });
  }

  /** Runs `handler` on each job of `name`, `concurrency` at a time in this process (workers only). */
  consume<T extends object>(
    name: WatchJobName,
    concurrency: number,
    handler: (data: T) => Promise<unknown>,
  ): Promise<void> {
    return this.jobs.work<T>(name, handler, { concurrency, pollingIntervalSeconds: 1 });
  }
}
