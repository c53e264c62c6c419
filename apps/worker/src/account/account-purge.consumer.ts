import { AccountPurgeQueueService, AccountPurgeService } from '@app/account';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** Runs the queued account purges. */
@Injectable()
export class AccountPurgeConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountPurgeConsumer.name);

  constructor(
    private readonly queue: AccountPurgeQueueService,
    private readonly purge: AccountPurgeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.consume(() => this.run());
  }

  async run(): Promise<void> {
    const purged = await this.purge.purgeExpired();
    if (purged.sessions + purged.tokens + purged.throttles > 0) {
      this.logger.log(
        `Purged ${purged.sessions} expired sessions, ${purged.tokens} old links, ` +
          `${purged.throttles} sign-in counts`,
      );
    }
  }
}
