import { VigieConfig } from '@app/config';
import { IngestionQueueService } from '@app/ingestion';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

const TICK_JOB = 'ingestion-tick';

/**
 * The tick only enqueues: each enabled source whose cron schedule (Europe/Paris) is due gets
 * one job for that window, whichever worker ticks first. Every minute in production;
 * INGESTION_TICK_SECONDS makes it faster for tests.
 */
@Injectable()
export class IngestionScheduleCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestionScheduleCron.name);
  private ticking = false;

  constructor(
    private readonly queue: IngestionQueueService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: VigieConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.INGESTION_TICK_SECONDS;
    const expression = seconds === 60 ? '0 * * * * *' : `*/${seconds} * * * * *`;
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => this.tick(),
      timeZone: 'Europe/Paris',
    });
    this.scheduler.addCronJob(TICK_JOB, job);
    job.start();
  }

  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const added = await this.queue.enqueueDue();
      if (added.length)
        this.logger.log(
          `Enqueued ${added.map((job) => `${job.sourceId}@${job.window}`).join(', ')}`,
        );
    } catch (error) {
      this.logger.error(`Ingestion tick failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
