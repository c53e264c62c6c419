import { CronTime } from 'cron';
import { SOURCE_TIME_ZONE } from '../source/source.types';

/**
 * The first occurrence of `schedule` (cron, Europe/Paris) after `since` (the source's last
 * run, or its creation), if it has come by `now`; null when the source is not due yet. That
 * occurrence names the window: however many workers tick, a source has one job per window.
 * A worker down for days does not catch up run by run: the source runs once, then waits for
 * its next occurrence.
 */
export function dueOccurrence(schedule: string, since: Date, now: Date): Date | null {
  const next = new CronTime(schedule, SOURCE_TIME_ZONE)
    .getNextDateFrom(since, SOURCE_TIME_ZONE)
    .toJSDate();
  return next.getTime() <= now.getTime() ? next : null;
}
