import { vigieMetrics } from '@app/common';
import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL, JOB_ROLE } from '../persistence.tokens';
import type { EnqueueOptions, JobRole, WorkOptions } from './background-job.types';
import { ensureQueue } from './ensure-queue.util';

/** A job whose worker vanished (kill -9, lost machine) is failed and retried after this long. */
const DEFAULT_EXPIRE_SECONDS = 15 * 60;
const STOP_TIMEOUT_MS = 15_000;

/**
 * The one way background work runs (issue 16, item 1): every periodic or bulk task is a pg-boss
 * job. Crons (any number of workers) only `enqueue`, with a slot that keeps one job per period;
 * `work` binds a handler that whichever worker is free runs. Each finished job stays in pg-boss's
 * own tables, which is what BackgroundTaskStatusService reads: a new queue shows on /health and
 * the Sources page without registering anywhere. One pg-boss per process, started lazily (the
 * api connects only when it first enqueues or reads).
 */
@Injectable()
export class BackgroundJobService implements OnApplicationShutdown {
  private readonly logger = new Logger(BackgroundJobService.name);
  private starting: Promise<PgBoss> | null = null;
  private readonly created = new Map<string, Promise<void>>();

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Optional() @Inject(JOB_ROLE) private readonly role: JobRole = 'producer',
  ) {}

  /** Returns the job id, or null when the slot already has its job. */
  async enqueue(
    queue: string,
    data: object = {},
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const boss = await this.queue(queue);
    return boss.send(queue, data, {
      ...(options.slotSeconds
        ? { singletonKey: options.key ?? queue, singletonSeconds: options.slotSeconds }
        : {}),
      retryLimit: options.retryLimit ?? 1,
      expireInSeconds: options.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
    });
  }

  /** Runs `handler` for each job of `queue`; a throw fails the job (retried up to its limit). */
  async work<T extends object>(
    queue: string,
    handler: (data: T) => Promise<unknown>,
    options: WorkOptions = {},
  ): Promise<void> {
    const boss = await this.queue(queue);
    for (let lane = 0; lane < (options.concurrency ?? 1); lane++) {
      await boss.work<T>(
        queue,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) await vigieMetrics.timeJob(queue, () => handler(job.data));
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

  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.start();
    let created = this.created.get(name);
    if (!created) {
      created = ensureQueue(boss, name).catch((error: Error) => {
        this.created.delete(name);
        throw error;
      });
      this.created.set(name, created);
    }
    await created;
    return boss;
  }

  private start(): Promise<PgBoss> {
    this.starting ??= this.open().catch((error: Error) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async open(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 3,
      schedule: false,
      supervise: this.role === 'worker',
      application_name: `vigie-jobs-${this.role}`,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    return boss;
  }
}
