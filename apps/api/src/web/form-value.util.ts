import { MAX_AMOUNT_CENTS } from '@app/treasury';
import { frenchAmount } from './french-format.util';

/** A submitted form field as a string ('' when absent or not a string), length-capped. */
export function formText(body: unknown, name: string, maxLength = 500): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.slice(0, maxLength) : '';
}

/** A form's text fields, trimmed, each capped at its length: `{ cle: 80, libelle: 200 }`. */
export function trimmedFields<Name extends string>(
  body: unknown,
  maxLengths: Record<Name, number>,
): Record<Name, string> {
  const fields = {} as Record<Name, string>;
  for (const name of Object.keys(maxLengths) as Name[]) {
    fields[name] = formText(body, name, maxLengths[name]).trim();
  }
  return fields;
}

/** Only a local path may follow sign-in: never another site (open redirect). */
export function safeNextPath(value: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/tableau-de-bord';
}

/** « 5000 », « 5 000 », « 5000,50 € » → cents; null when it is not an amount. */
export function parseEuros(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/**
 * The one message every money field of the web forms gives when the amount is not a number of
 * euros: people type euros there, so nothing may speak of cents (the API, which takes cents, keeps
 * its own wording).
 */
export const EUROS_INVALID =
  'Montant invalide : écrivez un nombre d’euros, par exemple 12 500 ou 12 500,50.';

/** Same limit as the treasury's own checks, said in euros before the amount ever reaches them. */
export const EUROS_TOO_LARGE = `Montant trop élevé : ${frenchAmount(MAX_AMOUNT_CENTS)} au plus.`;

export type EurosReading = { cents: number; error: null } | { cents: null; error: string };

/** A money field as typed: its cents, or the one message in euros that says what is wrong. */
export function readEuros(value: string): EurosReading {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const match = /^(\d+)(\.\d{1,2})?$/.exec(cleaned);
  if (!match) return { cents: null, error: EUROS_INVALID };
  // A long run of digits is a (too) large amount, not a malformed one: say so rather than
  // lose precision reading it as a number.
  const euros = match[1].replace(/^0+(?=\d)/, '');
  if (euros.length > 12) return { cents: null, error: EUROS_TOO_LARGE };
  const cents = Math.round(Number(cleaned) * 100);
  return cents > MAX_AMOUNT_CENTS
    ? { cents: null, error: EUROS_TOO_LARGE }
    : { cents, error: null };
}
