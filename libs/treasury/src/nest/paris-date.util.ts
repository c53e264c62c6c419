import type { IsoDate, Month } from '../treasury.types';

// Built once: creating an Intl formatter costs far more than formatting with it.
const PARIS_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' });

/** Today's date in Europe/Paris, whatever the server's time zone. */
export function todayInParis(now: Date = new Date()): IsoDate {
  return PARIS_DATE.format(now);
}

export function currentMonthInParis(now: Date = new Date()): Month {
  return todayInParis(now).slice(0, 7);
}
