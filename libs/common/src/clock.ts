import { parisDate, parisMonth } from './paris-calendar.util';

/**
 * Where "now" comes from for every decision that depends on the calendar: which calls are still
 * open, which deadlines are close, which digest period is due, where a treasury projection starts.
 * Production reads the system clock; tests and demos pin the calendar (`VIGIE_NOW`) so that no
 * test expires when its dates pass. Code that compares with now asks this provider (or takes
 * `now` as a parameter), never `new Date()` on its own.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Europe/Paris, `YYYY-MM-DD`. */
  today(): string {
    return parisDate(this.now());
  }

  /** This month in Europe/Paris, `YYYY-MM`. */
  month(): string {
    return parisMonth(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The calendar pinned at one instant, which then advances with real time: dates and periods are
 * those of the pinned day, while durations (retry delays, expiries, timeouts) stay true.
 */
export class PinnedClock extends Clock {
  private readonly startedAt = Date.now();

  constructor(private readonly pinnedAt: Date) {
    super();
  }

  now(): Date {
    return new Date(this.pinnedAt.getTime() + (Date.now() - this.startedAt));
  }
}

/** The clock for a process: pinned when `pinnedAt` (an ISO instant or date) is given. */
export function clockFor(pinnedAt: string | undefined): Clock {
  if (!pinnedAt) return new SystemClock();
  const instant = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(pinnedAt) ? `${pinnedAt}T12:00:00Z` : pinnedAt,
  );
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an ISO date or instant: ${pinnedAt}`);
  return new PinnedClock(instant);
}
