import type { FieldChange } from './call-diff.util';

/** What an upsert did to the stored call. */
export type UpsertOutcome =
  | 'created'
  | 'source_added'
  | 'changed'
  | 'unchanged'
  | 'reappeared'
  /** Same call, same content, at another address of its source (its site moved). */
  | 'moved';

export interface UpsertResult {
  callId: string;
  outcome: UpsertOutcome;
  changes: FieldChange[];
}

export interface UpsertOptions {
  /** "Today" in Europe/Paris (YYYY-MM-DD) for the status and next deadline; default now. */
  today?: string;
  /**
   * When given, an unchanged call's sighting is queued here instead of written at once; the
   * caller writes the queue with `CallStoreService.flushSeen` (before `markMissing`).
   */
  seen?: SeenBatch;
  /**
   * When the crawl this sighting belongs to started (default: the sighting itself). A sighting
   * of the source already seen since then is another call, never the old address of this one.
   */
  runStartedAt?: Date;
}

/** Sightings of unchanged calls waiting to be written in one statement per table. */
export interface SeenBatch {
  linkIds: string[];
  callIds: string[];
  /** The latest sighting queued. */
  seenAt: Date | null;
}

export function emptySeenBatch(): SeenBatch {
  return { linkIds: [], callIds: [], seenAt: null };
}

export interface MissingOutcome {
  /** call_source rows of the source not seen in the run (their missing_runs went up). */
  missing: number;
  /** Calls that became withdrawn. */
  withdrawn: number;
}

export interface StillListedOutcome {
  /** Sightings marked seen. */
  seen: number;
  /** External ids the store has no listed call for: the source's pages must be read in full. */
  needFullRead: string[];
}

/** Two unseen successful runs and the source no longer lists the call. */
export const MISSING_RUNS_BEFORE_WITHDRAWN = 2;
