/**
 * Every pg-boss queue of Vigie, in one place (style guide §10). A new task picks a name here
 * and calls BackgroundJobService.work(name, handler) in a worker and .enqueue(name, …) from its
 * cron; the status page lists whatever queue exists, nothing else to register.
 */
export const JobName = {
  /** Scores calls that are new, changed, or scored by another classifier version. */
  CLASSIFICATION: 'classification-score',
  /** Enqueues the sources whose schedule is due (one crawl job per source and window). */
  INGESTION_SCHEDULE: 'ingestion-schedule',
  /** Crawls one source (schedule window, manual run, or re-run of an interrupted run). */
  INGESTION_RUN_SOURCE: 'ingestion-run-source',
  /** Deletes dead workers' heartbeats, old run records and expired shared crawler state. */
  HOUSEKEEPING: 'housekeeping-purge',
  /** Deletes expired sessions, old sign-in links and sign-in counts. */
  ACCOUNT_PURGE: 'account-purge',
  /** Reads the calls changed since the cursor and enqueues their matching batches (fan-out). */
  WATCH_MATCH_CHANGES: 'watch-match-changes',
  /** Matches one batch of calls against the profiles that may want them. */
  WATCH_MATCH_CALLS: 'watch-match-calls',
  /** Re-matches every profile of an id range against the open calls (thesaurus change). */
  WATCH_REMATCH_PROFILES: 'watch-rematch-profiles',
  /** Leases the due digest subjects and enqueues their batches (fan-out). */
  WATCH_DIGEST_TICK: 'watch-digest-tick',
  /** Renders and sends the digests of one batch of subjects. */
  WATCH_DIGEST_BATCH: 'watch-digest-batch',
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

/**
 * pg-boss queue policy: `short` keeps at most one job waiting, so a tick while a fan-out waits
 * adds nothing. Every other queue is `standard`. Applied when a queue is created.
 */
export const SHORT_QUEUES: ReadonlySet<string> = new Set<string>([
  JobName.WATCH_MATCH_CHANGES,
  JobName.WATCH_DIGEST_TICK,
]);

/**
 * A job still active after this long is failed and retried: its worker is presumed dead (kill
 * -9, lost machine). Per queue, the default otherwise; the watch's queues take their lease from
 * WATCH_JOB_LEASE_SECONDS (configuration) instead.
 */
export const DEFAULT_JOB_EXPIRE_SECONDS = 15 * 60;
export const JOB_EXPIRE_SECONDS: Readonly<Partial<Record<JobName, number>>> = {
  /** A crawl may be long; its run is closed as interrupted when the job is retried. */
  [JobName.INGESTION_RUN_SOURCE]: 30 * 60,
  [JobName.INGESTION_SCHEDULE]: 5 * 60,
  /** A purge is a few indexed deletes. */
  [JobName.ACCOUNT_PURGE]: 5 * 60,
};

/** How long a stopping process waits for its jobs in progress before pg-boss gives up on them. */
export const JOB_STOP_TIMEOUT_MS = 15_000;
