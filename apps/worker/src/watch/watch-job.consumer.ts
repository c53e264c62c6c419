import { Clock } from '@app/common';
import {
  DIGEST_BATCH_SIZE,
  DIGEST_TICK_LIMIT,
  DigestBatchJob,
  DigestService,
  FULL_REMATCH_THRESHOLD,
  MATCH_CALL_BATCH,
  MatchCallsJob,
  REMATCH_RANGES,
  RematchProfilesJob,
  WATCH_JOB_CONCURRENCY,
  WatchJobName,
  WatchMatchService,
  WatchQueueService,
} from '@app/watch';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** Profile id ranges covering every UUID, by leading hex digits. */
export function profileIdRanges(count: number): RematchProfilesJob[] {
  const step = 0x100000000 / count;
  return Array.from({ length: count }, (_, index) => {
    const hex = (value: number) => Math.floor(value).toString(16).padStart(8, '0');
    return {
      fromId: `${hex(index * step)}-0000-0000-0000-000000000000`,
      toId: `${hex((index + 1) * step - 1)}-ffff-ffff-ffff-ffffffffffff`,
    };
  });
}

/** Runs the watch's jobs: the two fan-outs and their batches. */
@Injectable()
export class WatchJobConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(WatchJobConsumer.name);

  constructor(
    private readonly queue: WatchQueueService,
    private readonly matches: WatchMatchService,
    private readonly digests: DigestService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.consume(WatchJobName.MatchChanges, 1, () => this.matchChanges());
    await this.queue.consume<MatchCallsJob>(WatchJobName.MatchCalls, WATCH_JOB_CONCURRENCY, (job) =>
      this.matches.matchBatch(job.callIds, this.clock.now()),
    );
    await this.queue.consume<RematchProfilesJob>(WatchJobName.RematchProfiles, 1, (job) =>
      this.matches.refreshProfileRange(job.fromId, job.toId, this.clock.now()),
    );
    await this.queue.consume(WatchJobName.DigestTick, 1, () => this.digestTick());
    await this.queue.consume<DigestBatchJob>(
      WatchJobName.DigestBatch,
      WATCH_JOB_CONCURRENCY,
      async (job) => {
        const outcome = await this.digests.deliverBatch(job.subjectKeys, this.clock.now());
        if (outcome.sent || outcome.failed) this.logger.log(`digests: ${JSON.stringify(outcome)}`);
      },
    );
  }

  /**
   * The calls of the change log, as batch jobs; a change of nearly everything (a thesaurus change
   * re-scores every call) re-matches by profile ranges instead. They leave the log once their
   * batches are queued: those are durable and retried, so nothing is lost.
   */
  async matchChanges(): Promise<void> {
    // Marks first: the calls whose figure moved for an organisation are matched again with the
    // changed ones, so a « pas pour nous » leaves that organisation's watches on this pass.
    const moved = await this.matches.refreshFigures();
    const changed = await this.matches.changedCalls();
    const callIds = [...new Set([...changed.callIds, ...moved])];
    if (callIds.length > FULL_REMATCH_THRESHOLD) {
      await this.queue.enqueueBatches(
        WatchJobName.RematchProfiles,
        profileIdRanges(REMATCH_RANGES),
      );
    } else {
      const batches: MatchCallsJob[] = [];
      for (let start = 0; start < callIds.length; start += MATCH_CALL_BATCH) {
        batches.push({ callIds: callIds.slice(start, start + MATCH_CALL_BATCH) });
      }
      await this.queue.enqueueBatches(WatchJobName.MatchCalls, batches);
    }
    await this.matches.markTaken(changed);
  }

  /** Leases the due subjects (one statement when nothing is due) and queues their batches. */
  async digestTick(): Promise<void> {
    if (!this.digests.canSend) return;
    const now = this.clock.now();
    const due = await this.digests.claimDue(now, DIGEST_TICK_LIMIT);
    const batches: DigestBatchJob[] = [];
    for (let start = 0; start < due.subjectKeys.length; start += DIGEST_BATCH_SIZE) {
      batches.push({ subjectKeys: due.subjectKeys.slice(start, start + DIGEST_BATCH_SIZE) });
    }
    await this.queue.enqueueBatches(WatchJobName.DigestBatch, batches);
    if (due.consentsDue) await this.digests.sendConsents(now);
  }
}
