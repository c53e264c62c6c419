import { formatAmountRange, formatEuros, formatPercent, frenchMonth } from '@app/common';

const DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * « 15 mars 2027 », « 1er mars 2027 ». A calendar date (YYYY-MM-DD) is read at noon UTC so that no time zone can
 * move it to the day before or after.
 */
export function frenchDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  // French writes the first of the month as an ordinal: « 1er mars 2027 ».
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date).replace(/^1 /, '1er ');
}

/** « 15 mars 2027 à 09:30 », Paris time. */
export function frenchDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date);
}

/** « 72 000 € » from integer cents, or '' (the one money writing: `formatEuros`, @app/common). */
export function frenchAmount(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatEuros(cents);
}

/** « de 5 000 € à 72 000 € », « jusqu’à 72 000 € », « à partir de 5 000 € » or ''. */
export function frenchAmountRange(minCents: number | null, maxCents: number | null): string {
  return formatAmountRange(minCents, maxCents) ?? '';
}

/** « 87 % » from a score in [0, 1] (`formatPercent`, @app/common). */
export function frenchPercent(score: number): string {
  return formatPercent(score);
}

/** « juin 2027 » from `2027-06` or a date in that month; '' when there is none. */
export function frenchMonthOf(value: string | null | undefined): string {
  const month = (value ?? '').slice(0, 7);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? frenchMonth(month) : '';
}

/** « 1,2 s », « 350 ms », « 3 min 05 s »: how long a task's last run took. */
export function frenchDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}
