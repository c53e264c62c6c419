/** Injection token of the database URL, for clients that open their own pool (the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/** Injection token of the process's part in the job queue: `worker` runs jobs, `producer` only enqueues. */
export const JOB_ROLE = Symbol('JOB_ROLE');

/** Seconds between two maintenance passes of the job queue (workers only): dead workers' jobs are retried then. */
export const JOB_MAINTENANCE_SECONDS = Symbol('JOB_MAINTENANCE_SECONDS');
