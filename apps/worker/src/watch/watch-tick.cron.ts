import { VigieConfig } from '@app/config';
import { WatchJobName, WatchQueueService } from '@app/watch';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

const TICK_JOB = 'watch-tick';

/**
 * Every WATCH_TICK_SECONDS, only enqueues: the matching of the calls changed since the last pass
 * and the digest tick, one job each per slot whichever worker ticks first. The work itself runs
 * in WatchJobConsumer, on any free worker.
 */
@Injectable()
export class WatchTickCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(WatchTickCron.name);

  constructor(
    private readonly queue: WatchQueueService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: VigieConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.WATCH_TICK_SECONDS;
    const expression =
      seconds < 60 ? `*/${seconds} * * * * *` : `0 */${Math.round(seconds / 60)} * * * *`;
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => this.tick(),
      timeZone: 'Europe/Paris',
    });
    this.scheduler.addCronJob(TICK_JOB, job);
    job.start();
    void this.tick();
  }

  async tick(): Promise<void> {
    try {
      await this.queue.enqueueTick(WatchJobName.MatchChanges);
      await this.queue.enqueueTick(WatchJobName.DigestTick);
    } catch (error) {
      this.logger.error(`Watch tick not enqueued: ${(error as Error).message}`);
    }
  }
}
