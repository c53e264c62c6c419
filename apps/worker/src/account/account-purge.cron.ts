import { AccountPurgeQueueService } from '@app/account';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';

/**
 * Every quarter of an hour, asks for one purge of expired sessions, links and sign-in counts.
 * It only enqueues: every worker ticks, the singleton key leaves one job per slot, and
 * whichever worker is free runs it (AccountPurgeConsumer).
 */
@Injectable()
export class AccountPurgeCron {
  private readonly logger = new Logger(AccountPurgeCron.name);

  constructor(private readonly queue: AccountPurgeQueueService) {}

  @Cron('0 */15 * * * *', { name: 'account-purge', timeZone: 'Europe/Paris' })
  async tick(): Promise<string | null> {
    try {
      return await this.queue.enqueue();
    } catch (error) {
      this.logger.error(`Account purge not enqueued: ${(error as Error).message}`);
      return null;
    }
  }
}
