import { parisDate } from '@app/common';

export function toReferenceDate(reference: Date | string | undefined): Date {
  if (reference === undefined) return new Date();
  const date =
    typeof reference === 'string'
      ? new Date(reference.length === 10 ? `${reference}T12:00:00Z` : reference)
      : reference;
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`Invalid reference date: ${String(reference)}`);
  return date;
}

export function isValidIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100) return null;
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDay(value) ? value : null;
}

/**
 * A machine date as sources give it (YYYY-MM-DD, YYYYMMDD, ISO date-time with offset, RFC 822)
 * to the Paris calendar day; null when it is not one. "2019-07-07T22:00:00Z" is the 8th in Paris.
 */
export function machineDateToParisDay(value: string): string | null {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return isValidIsoDay(trimmed) ? trimmed : null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return isoDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // Some feeds write "2022-07-28T11: 40: 47+02: 00" with stray spaces.
  const cleaned = trimmed.replace(/:\s+/g, ':');
  if (
    !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(cleaned) &&
    !/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{2,4}/.test(cleaned)
  ) {
    return null;
  }
  const date = new Date(cleaned);
  if (Number.isNaN(date.getTime())) return null;
  const day = parisDate(date);
  return isValidIsoDay(day) && Number(day.slice(0, 4)) >= 1990 ? day : null;
}
