import { BackgroundJobService, JobName } from '@app/persistence';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLASSIFICATION_SLOT_SECONDS } from './classification.constants';

/**
 * Asks for a scoring pass at start, then every 30 s. It only enqueues: every worker ticks, the
 * slot keeps one job per 30 s, and whichever worker is free runs it (ClassificationConsumer).
 */
@Injectable()
export class ClassificationCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClassificationCron.name);

  constructor(private readonly jobs: BackgroundJobService) {}

  onApplicationBootstrap(): void {
    // Not awaited: a database still starting must not delay the worker's start.
    void this.tick();
  }

  @Cron('*/30 * * * * *', { name: 'classification', timeZone: 'Europe/Paris' })
  async tick(): Promise<string | null> {
    try {
      return await this.jobs.enqueue(
        JobName.CLASSIFICATION,
        {},
        { slotSeconds: CLASSIFICATION_SLOT_SECONDS },
      );
    } catch (error) {
      this.logger.error(`Scoring not enqueued: ${(error as Error).message}`);
      return null;
    }
  }
}
