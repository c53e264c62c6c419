import type { SourceRunError } from '@app/persistence';

export type RunTrigger = 'schedule' | 'cli' | 'api' | 'recovery' | 'demo';

/** What one run of one source did, as the CLI prints it and the worker logs it. */
export interface SourceRunReport {
  sourceId: string;
  /** null when the run was skipped. */
  runId: string | null;
  /** skipped: another process was crawling this source at that moment. */
  status: 'succeeded' | 'failed' | 'skipped';
  /** Why a skipped run did not happen when it is not a concurrent crawl (French): it waits for its token. */
  skippedReason?: string;
  fetched: number;
  /** New calls, and calls another source had already brought (grouped, see `sourceAdded`). */
  created: number;
  sourceAdded: number;
  changed: number;
  unchanged: number;
  reappeared: number;
  withdrawn: number;
  failed: number;
  /** The source-level failure (bad feed, error page, loop…), null when the run went through. */
  sourceError: string | null;
  errors: SourceRunError[];
  requests: number;
  notModified: number;
  bytes: number;
}

export interface RunOptions {
  /** "Today" for statuses and year inference (tests); default now. */
  referenceDate?: string;
}
