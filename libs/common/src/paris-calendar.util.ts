/** Every date users see or deadlines mean is a calendar day in Paris, whatever the server's zone. */
export const PARIS_TIME_ZONE = 'Europe/Paris';

// Built once: creating an Intl formatter costs far more than formatting with it.
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** The month names as French writes them in running text, January first. */
export const FRENCH_MONTH_NAMES: readonly string[] = FRENCH_MONTHS;

const ISO_DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar day in Paris at `instant` ("2027-04-30"). */
export function parisDate(instant: Date): string {
  return PARIS_DAY.format(instant);
}

/** The month in Paris at `instant` ("2027-04"). */
export function parisMonth(instant: Date): string {
  return parisDate(instant).slice(0, 7);
}

/** "2027-04-30" + n calendar days (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * "2027-03-15" → « 15 mars 2027 »; the first of the month is « 1er mars 2027 », as French
 * writes it. Anything that is not a calendar day comes back unchanged.
 */
export function frenchDate(isoDate: string): string {
  const match = ISO_DAY.exec(isoDate);
  if (!match) return isoDate;
  const day = Number(match[3]);
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** "2027-06" → « juin 2027 »; anything that is not a month comes back unchanged. */
export function frenchMonth(isoMonth: string): string {
  const match = ISO_MONTH.exec(isoMonth);
  return match ? `${FRENCH_MONTHS[Number(match[2]) - 1]} ${match[1]}` : isoMonth;
}
