import { BackgroundJobService, JobName } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ACCOUNT_PURGE_SLOT_SECONDS } from './account-purge-queue.constants';

/**
 * The account clean-up as the `account-purge` job (BackgroundJobService): crons only enqueue
 * (one job per slot, through a singleton key), workers consume. The api never purges, so it
 * never connects for it.
 */
@Injectable()
export class AccountPurgeQueueService {
  constructor(private readonly jobs: BackgroundJobService) {}

  /** Returns the job id, or null when this slot's purge is already queued. */
  enqueue(): Promise<string | null> {
    return this.jobs.enqueue(
      JobName.ACCOUNT_PURGE,
      {},
      { slotSeconds: ACCOUNT_PURGE_SLOT_SECONDS },
    );
  }

  /** Runs the queued purges (workers only). */
  consume(handler: () => Promise<unknown>): Promise<void> {
    return this.jobs.work(JobName.ACCOUNT_PURGE, () => handler(), { pollingIntervalSeconds: 5 });
  }
}
