import type { IsoDate, Month } from './treasury.types';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Months as integers (year × 12 + month − 1) so month arithmetic is plain addition. */
export type MonthIndex = number;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_RE.test(value);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Accepts `YYYY-MM` or `YYYY-MM-DD`; callers validate first. */
export function toMonthIndex(value: Month | IsoDate): MonthIndex {
  // Read digit by digit: the projection parses thousands of months and slicing allocates.
  const y0 = value.charCodeAt(0) - 48;
  const y1 = value.charCodeAt(1) - 48;
  const y2 = value.charCodeAt(2) - 48;
  const y3 = value.charCodeAt(3) - 48;
  const m0 = value.charCodeAt(5) - 48;
  const m1 = value.charCodeAt(6) - 48;
  if (isDigit(y0) && isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(m0) && isDigit(m1))
    return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + m0 * 10 + m1 - 1;
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

/** A digit's value (charCode − 48); NaN past the end of a text fails too. */
function isDigit(value: number): boolean {
  return value >= 0 && value <= 9;
}

/** The decimal number written in `text[from, to)`, or −1 when a character there is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DD` as the number YYYYMMDD, which orders like the date; callers validate first. */
export function toDateNumber(date: IsoDate): number {
  return digitsAt(date, 0, 4) * 10_000 + digitsAt(date, 5, 7) * 100 + digitsAt(date, 8, 10);
}

export function daysInMonth(index: MonthIndex): number {
  const month = index % 12;
  if (month !== 1) return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
  const year = Math.floor(index / 12);
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The last day of a month as YYYYMMDD (see `toDateNumber`). */
export function lastDayNumber(index: MonthIndex): number {
  return Math.floor(index / 12) * 10_000 + ((index % 12) + 1) * 100 + daysInMonth(index);
}

export function lastDayOfMonth(index: MonthIndex): IsoDate {
  return `${fromMonthIndex(index)}-${daysInMonth(index)}`;
}

export function fromMonthIndex(index: MonthIndex): Month {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
