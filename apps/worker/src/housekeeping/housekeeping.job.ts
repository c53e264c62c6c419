import { BackgroundJobService, JobName } from '@app/persistence';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { HOUSEKEEPING_SLOT_SECONDS } from './housekeeping.constants';
import { HousekeepingService } from './housekeeping.service';

/**
 * The `housekeeping-purge` job: every worker's cron enqueues each quarter of an hour, the slot
 * keeps one job, whichever worker is free runs it.
 */
@Injectable()
export class HousekeepingJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(HousekeepingJob.name);

  constructor(
    private readonly jobs: BackgroundJobService,
    private readonly housekeeping: HousekeepingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(JobName.HOUSEKEEPING, () => this.run());
  }

  @Cron('30 */15 * * * *', { name: 'housekeeping', timeZone: 'Europe/Paris' })
  async tick(): Promise<string | null> {
    try {
      return await this.jobs.enqueue(
        JobName.HOUSEKEEPING,
        {},
        { slotSeconds: HOUSEKEEPING_SLOT_SECONDS },
      );
    } catch (error) {
      this.logger.error(`Housekeeping not enqueued: ${(error as Error).message}`);
      return null;
    }
  }

  async run(): Promise<void> {
    const counts = await this.housekeeping.purge();
    if (Object.values(counts).some((count) => count > 0))
      this.logger.log(`Housekeeping: ${JSON.stringify(counts)}`);
  }
}
