import type { DigestFrequency } from '@app/persistence';
import { addDays, parisDate } from '@app/common';

/** ISO 8601 week of a calendar date: "2027-W14" (weeks start on Monday; week 1 holds a Thursday). */
export function isoWeek(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The idempotence key of a digest: one per subject and Paris week (or day). */
export function digestPeriod(frequency: Exclude<DigestFrequency, 'none'>, now: Date): string {
  const today = parisDate(now);
  return frequency === 'daily' ? today : isoWeek(today);
}

/** How far back a digest looks for news. */
export function digestWindowStart(frequency: Exclude<DigestFrequency, 'none'>, now: Date): Date {
  return new Date(now.getTime() - (frequency === 'daily' ? 1 : 7) * 86_400_000);
}

/** The instant a Paris calendar day starts (23:00 or 22:00 UTC the day before). */
function parisMidnight(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  for (const hours of [1, 2, 0]) {
    const candidate = new Date(utcMidnight - hours * 3600_000);
    if (
      parisDate(candidate) === isoDate &&
      parisDate(new Date(candidate.getTime() - 1)) !== isoDate
    )
      return candidate;
  }
  return new Date(utcMidnight);
}

/** When the next period starts: the next Paris midnight (daily) or the next Monday's (weekly). */
export function nextPeriodStart(frequency: Exclude<DigestFrequency, 'none'>, now: Date): Date {
  const today = parisDate(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return parisMidnight(addDays(today, frequency === 'daily' ? 1 : 7 - weekday));
}
