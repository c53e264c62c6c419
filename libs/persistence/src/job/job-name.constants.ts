/**
 * The pg-boss queues of Vigie's own periodic tasks, in one place. A new task picks a name here
 * (or anywhere: the status page lists whatever queue exists) and calls
 * BackgroundJobService.work(name, handler) in a worker and .enqueue(name, …) from its cron.
 * The crawl queue itself is `ingestion-run-source` (IngestionQueueService).
 */
export const JobName = {
  /** Scores calls that are new, changed, or scored by another classifier version. */
  CLASSIFICATION: 'classification-score',
  /** Enqueues the sources whose schedule is due (one crawl job per source and window). */
  INGESTION_SCHEDULE: 'ingestion-schedule',
  /** Deletes dead workers' heartbeats, old run records and expired shared crawler state. */
  HOUSEKEEPING: 'housekeeping-purge',
} as const;
