/** Postgres advisory lock key shared by every worker: only its holder scores at a time. */
export const SCORING_LOCK = 4_242_001;

/** At most one scoring job per this many seconds, whatever the number of workers. */
export const CLASSIFICATION_SLOT_SECONDS = 30;
