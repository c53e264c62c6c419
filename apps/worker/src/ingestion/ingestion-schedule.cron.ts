import { VigieConfig } from '@app/config';
import { IngestionQueueService, SourceCrawlService } from '@app/ingestion';
import { BackgroundJobService, JobName } from '@app/persistence';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

const TICK_JOB = 'ingestion-tick';

/**
 * Crawl scheduling as the `ingestion-schedule` job: every INGESTION_TICK_SECONDS each worker's
 * cron enqueues it, the slot keeps one per tick, and whichever worker is free runs it: each
 * enabled source whose cron schedule (Europe/Paris) is due gets one crawl job for that window.
 */
@Injectable()
export class IngestionScheduleCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestionScheduleCron.name);

  constructor(
    private readonly queue: IngestionQueueService,
    private readonly crawler: SourceCrawlService,
    private readonly jobs: BackgroundJobService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: VigieConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seconds = this.config.INGESTION_TICK_SECONDS;
    const expression = seconds === 60 ? '0 * * * * *' : `*/${seconds} * * * * *`;
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => void this.tick(),
      timeZone: 'Europe/Paris',
    });
    this.scheduler.addCronJob(TICK_JOB, job);
    job.start();
    await this.jobs.work(JobName.INGESTION_SCHEDULE, () => this.run(), {
      pollingIntervalSeconds: Math.min(2, seconds),
    });
  }

  async tick(): Promise<string | null> {
    try {
      return await this.jobs.enqueue(
        JobName.INGESTION_SCHEDULE,
        {},
        { slotSeconds: this.config.INGESTION_TICK_SECONDS },
      );
    } catch (error) {
      this.logger.error(`Ingestion tick not enqueued: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Enqueues the due sources, and re-runs at once the runs of a worker that died; a throw fails
   * the job, shown on /health, and the next tick tries again.
   */
  async run(): Promise<void> {
    for (const { sourceId, runId } of await this.crawler.orphanedRuns()) {
      if (await this.queue.enqueueRecovery(sourceId, runId))
        this.logger.warn(`Source ${sourceId}: its worker died during run ${runId}; re-running it`);
    }
    const added = await this.queue.enqueueDue();
    if (added.length)
      this.logger.log(`Enqueued ${added.map((job) => `${job.sourceId}@${job.window}`).join(', ')}`);
  }
}
