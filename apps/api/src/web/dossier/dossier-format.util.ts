import { frenchDate } from '../french-format.util';

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

/** « juin 2027 » from `2027-06` (or a date in that month); '' when it is not one. */
export function frenchMonth(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})/.exec(value ?? '');
  const index = match ? Number(match[2]) - 1 : -1;
  if (!match || index < 0 || index > 11) return '';
  return `${MONTH_NAMES[index]} ${match[1]}`;
}

/**
 * The treasury library words its warnings for every client (« 12 000,00 € », « en 2027-06 »,
 * « le 2027-03-15 »); a page writes them as the rest of the page does: « 12 000 € »,
 * « en juin 2027 », « le 15 mars 2027 ».
 */
export function frenchWarningText(message: string): string {
  return message
    .replace(/(\d),00(\u00a0€)/g, '$1$2')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date: string) => frenchDate(date) || date)
    .replace(/\b(\d{4}-(?:0[1-9]|1[0-2]))\b(?!-\d)/g, (month: string) => frenchMonth(month));
}
