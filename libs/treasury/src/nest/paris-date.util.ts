import type { IsoDate, Month } from '../treasury.types';

/** Today's date in Europe/Paris, whatever the server's time zone. */
export function todayInParis(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(now);
}

export function currentMonthInParis(now: Date = new Date()): Month {
  return todayInParis(now).slice(0, 7);
}
