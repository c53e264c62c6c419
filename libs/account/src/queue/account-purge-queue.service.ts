import { DATABASE_URL, ensureQueue } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import {
  ACCOUNT_PURGE_EXPIRE_SECONDS,
  ACCOUNT_PURGE_QUEUE,
  ACCOUNT_PURGE_SLOT_SECONDS,
} from './account-purge-queue.constants';

/**
 * The account clean-up as a pg-boss job: crons only enqueue (one job per slot, through a
 * singleton key), workers consume. Started lazily, so the api, which never purges, never
 * connects.
 */
@Injectable()
export class AccountPurgeQueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(AccountPurgeQueueService.name);
  private starting: Promise<PgBoss> | null = null;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  /** Returns the job id, or null when this slot's purge is already queued. */
  async enqueue(): Promise<string | null> {
    const boss = await this.start();
    return boss.send(
      ACCOUNT_PURGE_QUEUE,
      {},
      {
        singletonKey: ACCOUNT_PURGE_QUEUE,
        singletonSeconds: ACCOUNT_PURGE_SLOT_SECONDS,
        retryLimit: 1,
        expireInSeconds: ACCOUNT_PURGE_EXPIRE_SECONDS,
      },
    );
  }

  async consume(handler: () => Promise<unknown>): Promise<void> {
    const boss = await this.start('worker');
    await boss.work(ACCOUNT_PURGE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
      await handler();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    this.starting = null;
    await boss
      ?.stop({ graceful: true, wait: true, timeout: 10_000 })
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
      max: 2,
      schedule: false,
      supervise: role === 'worker',
      application_name: `vigie-account-purge-${role}`,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    await ensureQueue(boss, ACCOUNT_PURGE_QUEUE);
    return boss;
  }
}
