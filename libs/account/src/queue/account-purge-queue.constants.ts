/**
 * One purge per this many seconds whatever the number of workers: every worker's cron enqueues
 * with the same singleton key, pg-boss keeps one job per slot.
 */
export const ACCOUNT_PURGE_SLOT_SECONDS = 15 * 60;
