import type { RunTrigger } from '../run/source-run-report.types';

export interface RunSourceJob {
  sourceId: string;
  trigger: RunTrigger;
  /** The schedule occurrence the job is for (ISO), null for a manual or recovery run. */
  window: string | null;
}

/** Manual runs (API): at most one per source in this many seconds. */
export const MANUAL_RUN_SLOT_SECONDS = 60;
