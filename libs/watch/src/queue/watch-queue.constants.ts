/**
 * The watch's background work as pg-boss queues (pg-boss keeps its own schema, `pgboss`). A
 * worker's tick only enqueues the two singleton jobs; they fan out into batch jobs that any
 * free worker runs.
 */
export const WatchJobName = {
  /** Reads the calls changed since the cursor and enqueues their matching batches (singleton). */
  MatchChanges: 'watch-match-changes',
  /** Matches one batch of calls against the profiles that may want them. */
  MatchCalls: 'watch-match-calls',
  /** Re-matches every profile of an id range against the open calls (thesaurus change). */
  RematchProfiles: 'watch-rematch-profiles',
  /** Leases the due digest subjects and enqueues their batches (singleton). */
  DigestTick: 'watch-digest-tick',
  /** Renders and sends the digests of one batch of subjects. */
  DigestBatch: 'watch-digest-batch',
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
