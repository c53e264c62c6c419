/** Whether this process runs jobs (worker: also expires the jobs of dead workers) or only enqueues them (api, CLI). */
export type JobRole = 'producer' | 'worker';

export interface EnqueueOptions {
  /**
   * The job's id (a UUID): enqueuing the same id again adds nothing, whoever enqueues. A source's
   * schedule window derives its id from (source, window), so every worker may enqueue it.
   */
  id?: string;
  /**
   * At most one job of this queue (and `key`) per slot of this many seconds, whoever enqueues:
   * every worker's cron may tick, one job results.
   */
  slotSeconds?: number;
  /** Separates the slots (a source id); the queue name when absent. */
  key?: string;
  /**
   * A job still active after this long is failed and retried (its worker is presumed dead);
   * the queue's JOB_EXPIRE_SECONDS when absent.
   */
  expireInSeconds?: number;
  /** Retries after a failure; 1 when absent, 0 when a retry would be wrong (a manual run). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay at each retry. */
  retryBackoff?: boolean;
}

export interface WorkOptions {
  /** Jobs of this queue run at the same time in this process. */
  concurrency?: number;
  /** How often an idle lane asks for a job; 2 s when absent. */
  pollingIntervalSeconds?: number;
}

/** What /health and the Sources page show of one kind of background job. */
export interface BackgroundTaskStatus {
  /** The pg-boss queue name, e.g. `classification-score`. */
  task: string;
  /** Last job that finished, completed or failed. */
  lastRunAt: Date | null;
  lastDurationMs: number | null;
  lastOutcome: 'completed' | 'failed' | null;
  /** Last failure (message only, credentials redacted) and when. */
  lastError: string | null;
  lastErrorAt: Date | null;
  queued: number;
  active: number;
}
