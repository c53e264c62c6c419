import { frenchDate, frenchMonthOf } from '../french-format.util';

/**
 * The treasury library words its warnings for every client (« 12 000,00 € », « en 2027-06 »,
 * « le 2027-03-15 »); a page writes them as the rest of the page does: « 12 000 € »,
 * « en juin 2027 », « le 15 mars 2027 ».
 */
export function frenchWarningText(message: string): string {
  return message
    .replace(/(\d),00(\u00a0€)/g, '$1$2')
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date: string) => frenchDate(date) || date)
    .replace(/\b(\d{4}-(?:0[1-9]|1[0-2]))\b(?!-\d)/g, (month: string) => frenchMonthOf(month));
}
