/** A worker whose heartbeat is older than this is dead (it beats every minute): its row goes. */
export const DEAD_WORKER_AFTER_MINUTES = 10;

/** Source runs are kept this long; each source's latest run is always kept (the Sources page shows it). */
export const SOURCE_RUN_KEPT_DAYS = 90;

/** Shared crawler state unused for this long is dropped (it is rebuilt on the next request). */
export const CRAWLER_STATE_KEPT_DAYS = 1;

/** One housekeeping job per this many seconds, whatever the number of workers. */
export const HOUSEKEEPING_SLOT_SECONDS = 15 * 60;
