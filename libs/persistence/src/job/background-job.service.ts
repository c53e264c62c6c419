import { vigieMetrics } from '@app/common';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL, JOB_MAINTENANCE_SECONDS, JOB_ROLE } from '../persistence.tokens';
import type { EnqueueOptions, JobRole, WorkOptions } from './background-job.types';
import { ensureQueue } from './ensure-queue.util';
import {
  DEFAULT_JOB_EXPIRE_SECONDS,
  JOB_EXPIRE_SECONDS,
  JOB_STOP_TIMEOUT_MS,
  type JobName,
} from './job-name.constants';

/** pg-boss's own pool: polls and job state changes only, the work itself uses TypeORM's pool. */
const POOL_SIZE = 4;

/**
 * The one way background work runs (issue 16, item 1), and the only owner of a pg-boss in a
 * process: every periodic or bulk task is a pg-boss job. Crons (any number of workers) only
 * `enqueue`, with a slot or an id that keeps one job per period or window; `work` binds a
 * handler that whichever worker is free runs. The domain queues (crawls, watch, account purge)
 * are thin services over this one, so a process opens one pool and, in a worker, runs one
 * maintenance loop. Each finished job stays in pg-boss's own tables, which is what
 * BackgroundTaskStatusService reads: a new queue shows on /health and the Sources page without
 * registering anywhere. Started lazily (the api connects only when it first enqueues).
 */
@Injectable()
export class BackgroundJobService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(BackgroundJobService.name);
  private starting: Promise<PgBoss> | null = null;
  private readonly created = new Map<string, Promise<void>>();
  private readonly handled = new Set<string>();
  /** Set at shutdown: a cron ticking while the process stops must not open a new pg-boss. */
  private stopped = false;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Optional() @Inject(JOB_ROLE) readonly role: JobRole = 'producer',
    @Optional()
    @Inject(JOB_MAINTENANCE_SECONDS)
    private readonly maintenanceSeconds: number | null = null,
  ) {}

  /** Returns the job id, or null when the slot (or the id) already has its job. */
  async enqueue(
    queue: string,
    data: object = {},
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const boss = await this.queue(queue);
    return boss.send(queue, data, {
      ...(options.id ? { id: options.id } : {}),
      ...jobOptions(queue, options),
    });
  }

  /** Enqueues one job per payload in one insert (the batches of a fan-out). */
  async enqueueMany(
    queue: string,
    payloads: object[],
    options: EnqueueOptions = {},
  ): Promise<void> {
    if (payloads.length === 0) return;
    const boss = await this.queue(queue);
    await boss.insert(
      payloads.map((data) => ({ name: queue, data, ...jobOptions(queue, options) })),
    );
  }

  /**
   * Runs `handler` for each job of `queue`, `concurrency` at a time in this process, timed in
   * the job metrics; a throw fails the job (retried up to its limit). Workers only, and one
   * handler per queue (style guide §10): more throughput is `concurrency`, not a second handler.
   */
  async work<T extends object>(
    queue: string,
    handler: (data: T) => Promise<unknown>,
    options: WorkOptions = {},
  ): Promise<void> {
    if (this.role !== 'worker')
      throw new Error(`Only a worker runs jobs (${queue} bound in a ${this.role} process)`);
    if (this.handled.has(queue)) throw new Error(`${queue} already has its handler`);
    this.handled.add(queue);
    const boss = await this.queue(queue).catch((error: Error) => {
      this.handled.delete(queue);
      throw error;
    });
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

  /** Stops before the other shutdown hooks: jobs in progress still have their database pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.onApplicationShutdown();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    this.starting = null;
    this.created.clear();
    this.handled.clear();
    await boss
      ?.stop({ graceful: true, wait: true, timeout: JOB_STOP_TIMEOUT_MS })
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
    if (this.stopped) return Promise.reject(new Error('The job queue is stopping'));
    this.starting ??= this.open().catch((error: Error) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async open(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: POOL_SIZE,
      schedule: false,
      // Maintenance (expiring the jobs of dead workers, archiving) runs in workers only.
      supervise: this.role === 'worker',
      ...(this.maintenanceSeconds ? { maintenanceIntervalSeconds: this.maintenanceSeconds } : {}),
      application_name: `vigie-jobs-${this.role}`,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    return boss;
  }
}

function jobOptions(queue: string, options: EnqueueOptions): Omit<PgBoss.JobInsert, 'name' | 'id'> {
  return {
    ...(options.slotSeconds
      ? { singletonKey: options.key ?? queue, singletonSeconds: options.slotSeconds }
      : {}),
    retryLimit: options.retryLimit ?? 1,
    ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
    ...(options.retryBackoff ? { retryBackoff: true } : {}),
    expireInSeconds:
      options.expireInSeconds ?? JOB_EXPIRE_SECONDS[queue as JobName] ?? DEFAULT_JOB_EXPIRE_SECONDS,
  };
}
