import type { FieldChange } from './call-diff.util';

/** What an upsert did to the stored call. */
export type UpsertOutcome = 'created' | 'source_added' | 'changed' | 'unchanged' | 'reappeared';

export interface UpsertResult {
  callId: string;
  outcome: UpsertOutcome;
  changes: FieldChange[];
}

export interface UpsertOptions {
  /** "Today" in Europe/Paris (YYYY-MM-DD) for the status and next deadline; default now. */
  today?: string;
}

export interface MissingOutcome {
  /** call_source rows of the source not seen in the run (their missing_runs went up). */
  missing: number;
  /** Calls that became withdrawn. */
  withdrawn: number;
}

/** Two unseen successful runs and the source no longer lists the call. */
export const MISSING_RUNS_BEFORE_WITHDRAWN = 2;
