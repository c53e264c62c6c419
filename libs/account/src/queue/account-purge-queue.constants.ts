/** The pg-boss queue of the account clean-up (pg-boss keeps its own schema, `pgboss`). */
export const ACCOUNT_PURGE_QUEUE = 'account-purge';

/**
 * One purge per this many seconds whatever the number of workers: every worker's cron enqueues
 * with the same singleton key, pg-boss keeps one job per slot.
 */
export const ACCOUNT_PURGE_SLOT_SECONDS = 15 * 60;

/** A purge is a few indexed deletes; one still running after this is retried. */
export const ACCOUNT_PURGE_EXPIRE_SECONDS = 5 * 60;
