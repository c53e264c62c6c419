import type { RunTrigger } from '../run/source-run-report.types';

/** The pg-boss queue of source runs (pg-boss keeps its own schema, `pgboss`). */
export const INGESTION_QUEUE = 'ingestion-run-source';

export interface RunSourceJob {
  sourceId: string;
  trigger: RunTrigger;
  /** The schedule occurrence the job is for (ISO), null for a manual or recovery run. */
  window: string | null;
}

/** A job whose worker vanished is retried after this long (its run is then closed as interrupted). */
export const JOB_EXPIRE_SECONDS = 30 * 60;
/** Manual runs (API): at most one per source in this many seconds. */
export const MANUAL_RUN_SLOT_SECONDS = 60;
/** How long a stopping worker waits for the runs in progress. */
export const STOP_TIMEOUT_MS = 15_000;
