import { VigieConfig } from '@app/config';
import { DATABASE_URL } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { WatchJobName } from './watch-queue.constants';

const STOP_TIMEOUT_MS = 15_000;

/**
 * The watch's jobs in PostgreSQL (pg-boss 10): ticks enqueue, workers consume. The two fan-out
 * jobs carry a singleton key per tick slot, so any number of workers ticking enqueue one each;
 * a batch job whose worker vanished expires after WATCH_JOB_LEASE_SECONDS and is retried by
 * another worker (the work is idempotent: matches are upserts, mails have delivery rows).
 */
@Injectable()
export class WatchQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(WatchQueueService.name);
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly config: VigieConfig,
  ) {}

  /** Enqueues a fan-out job once per tick slot, whichever worker ticks first. */
  async enqueueTick(name: WatchJobName): Promise<string | null> {
    const boss = await this.start();
    return boss.send(
      name,
      {},
      {
        singletonKey: name,
        singletonSeconds: this.config.WATCH_TICK_SECONDS,
        retryLimit: 0,
        expireInSeconds: this.config.WATCH_JOB_LEASE_SECONDS,
      },
    );
  }

  /** Enqueues batch jobs in one insert; retried by another worker if one dies. */
  async enqueueBatches<T extends object>(name: WatchJobName, payloads: T[]): Promise<void> {
    if (payloads.length === 0) return;
    const boss = await this.start();
    await boss.insert(
      payloads.map((data) => ({
        name,
        data,
        retryLimit: 5,
        retryDelay: 1,
        retryBackoff: true,
        expireInSeconds: this.config.WATCH_JOB_LEASE_SECONDS,
      })),
    );
  }

  /** Runs `handler` on each job of `name`, `concurrency` at a time in this process. */
  async consume<T extends object>(
    name: WatchJobName,
    concurrency: number,
    handler: (data: T) => Promise<unknown>,
  ): Promise<void> {
    const boss = await this.start('worker');
    for (let lane = 0; lane < concurrency; lane++) {
      await boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }

  /** Jobs of these kinds waiting or running (the benchmark waits for none). */
  async pending(names: WatchJobName[]): Promise<number> {
    const boss = await this.start();
    let total = 0;
    for (const name of names) total += await boss.getQueueSize(name, { before: 'completed' });
    return total;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    this.starting = null;
    await boss
      ?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS })
      .catch((error: Error) => this.logger.warn(`pg-boss stop: ${error.message}`));
  }

  private start(role: 'producer' | 'worker' = 'producer'): Promise<PgBoss> {
    this.starting ??= this.open(role).catch((error: Error) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async open(role: 'producer' | 'worker'): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 4,
      schedule: false,
      supervise: role === 'worker',
      application_name: `vigie-watch-${role}`,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    for (const name of Object.values(WatchJobName)) {
      if (await boss.getQueue(name)) continue;
      // Two processes may create it at once: the loser's error is harmless if the queue exists.
      // The fan-outs queue at most one job ('short'): a tick while one waits adds nothing.
      const policy =
        name === WatchJobName.MatchChanges || name === WatchJobName.DigestTick
          ? 'short'
          : 'standard';
      await boss.createQueue(name, { name, policy }).catch(async (error: Error) => {
        if (!(await boss.getQueue(name))) throw error;
      });
    }
    return boss;
  }
}
