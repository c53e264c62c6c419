/** Whether this process runs jobs (worker: also expires the jobs of dead workers) or only enqueues them (api, CLI). */
export type JobRole = 'producer' | 'worker';

export interface EnqueueOptions {
  /**
   * At most one job of this queue (and `key`) per slot of this many seconds, whoever enqueues:
   * every worker's cron may tick, one job results.
   */
  slotSeconds?: number;
  /** Separates the slots (a source id); the queue name when absent. */
  key?: string;
  /** A job still active after this long is failed and retried (its worker is presumed dead). */
  expireInSeconds?: number;
  retryLimit?: number;
}

export interface WorkOptions {
  /** Jobs of this queue run at the same time in this process. */
  concurrency?: number;
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
