/** Postgres advisory lock key shared by every worker: only its holder scores at a time. */
export const SCORING_LOCK = 4_242_001;
