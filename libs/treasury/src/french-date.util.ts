import type { MonthIndex } from './month.util';
import type { IsoDate } from './treasury.types';

const MONTH_NAMES = [
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
];

/** « juin 2027 ». */
export function frenchMonth(index: MonthIndex): string {
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}

/** "2027-03-15" → « 15 mars 2027 »; the first of the month is « 1er mars 2027 », as French writes it. */
export function frenchDate(date: IsoDate): string {
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
