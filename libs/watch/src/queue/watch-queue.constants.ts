import { JobName } from '@app/persistence';

/**
 * The watch's background work, by its queues in JobName (the one list of queue names). A
 * worker's tick only enqueues the two fan-out jobs; they fan out into batch jobs that any free
 * worker runs.
 */
export const WatchJobName = {
  /** Reads the calls changed since the cursor and enqueues their matching batches (singleton). */
  MatchChanges: JobName.WATCH_MATCH_CHANGES,
  /** Matches one batch of calls against the profiles that may want them. */
  MatchCalls: JobName.WATCH_MATCH_CALLS,
  /** Re-matches every profile of an id range against the open calls (thesaurus change). */
  RematchProfiles: JobName.WATCH_REMATCH_PROFILES,
  /** Leases the due digest subjects and enqueues their batches (singleton). */
  DigestTick: JobName.WATCH_DIGEST_TICK,
  /** Renders and sends the digests of one batch of subjects. */
  DigestBatch: JobName.WATCH_DIGEST_BATCH,
} as const;

export type WatchJobName = (typeof WatchJobName)[keyof typeof WatchJobName];

export interface MatchCallsJob {
  callIds: string[];
}

export interface RematchProfilesJob {
  fromId: string;
  toId: string;
}

export interface DigestBatchJob {
  subjectKeys: string[];
}

/** More changed calls than this re-match by profile ranges instead (a full re-score). */
export const FULL_REMATCH_THRESHOLD = 20_000;
/** Profile id ranges of a full re-match: one job each, spread over the workers. */
export const REMATCH_RANGES = 16;
/** Subjects leased by one digest tick at most; the rest wait for the next tick. */
export const DIGEST_TICK_LIMIT = 5_000;
/** Jobs of one kind a worker runs at once. */
export const WATCH_JOB_CONCURRENCY = 2;
/** A failed batch job is retried this often, after 1 s, 2 s, 4 s… (matches are upserts, mails have delivery rows). */
export const WATCH_BATCH_RETRY_LIMIT = 5;
