import { MAX_AMOUNT_CENTS, MAX_YEAR, MIN_YEAR } from './funding-kind.constants';
import { isIsoDate, isMonth } from './month.util';
import type { ValidationIssue, ValidationIssueCode } from './validation-issue.types';

export type InputRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is InputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects field-level issues so one answer lists every field at fault, not just the first. */
export class InputChecker {
  readonly issues: ValidationIssue[] = [];

  add(path: string, code: ValidationIssueCode, message: string, messageEn: string): void {
    this.issues.push({ path, code, message, messageEn });
  }

  required(path: string, value: unknown): boolean {
    if (value !== undefined && value !== null) return true;
    this.add(path, 'REQUIRED', 'Champ obligatoire.', 'This field is required.');
    return false;
  }

  text(path: string, value: unknown): value is string {
    if (!this.required(path, value)) return false;
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.add(path, 'NOT_A_TEXT', 'Doit être un texte non vide.', 'Must be a non-empty text.');
    return false;
  }

  /** Integer cents between 0 and 100 M€. */
  amount(path: string, value: unknown): value is number {
    if (!this.required(path, value)) return false;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(
        path,
        'NOT_AN_INTEGER',
        'Montant en centimes entiers attendu (ex. 150000 pour 1 500 €).',
        'Expected whole cents (e.g. 150000 for €1,500).',
      );
      return false;
    }
    if (value < 0) {
      this.add(
        path,
        'NEGATIVE',
        'Le montant ne peut pas être négatif.',
        'The amount cannot be negative.',
      );
      return false;
    }
    if (value > MAX_AMOUNT_CENTS) {
      this.add(
        path,
        'TOO_LARGE',
        'Montant invraisemblable (plus de 100 M€) : vérifiez qu’il est bien en centimes.',
        'Implausible amount (over €100M): check it is in cents.',
      );
      return false;
    }
    return true;
  }

  integerBetween(path: string, value: unknown, min: number, max: number): value is number {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NOT_AN_INTEGER', 'Nombre entier attendu.', 'Expected a whole number.');
      return false;
    }
    return this.between(path, value, min, max);
  }

  numberBetween(path: string, value: unknown, min: number, max: number): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(
        path,
        'OUT_OF_RANGE',
        `Nombre entre ${min} et ${max} attendu.`,
        `Expected a number between ${min} and ${max}.`,
      );
      return false;
    }
    return this.between(path, value, min, max);
  }

  month(path: string, value: unknown): value is string {
    if (!this.required(path, value)) return false;
    if (isMonth(value)) return this.year(path, value);
    this.add(
      path,
      'BAD_MONTH',
      'Mois attendu au format AAAA-MM (ex. 2026-03).',
      'Expected a month as YYYY-MM (e.g. 2026-03).',
    );
    return false;
  }

  date(path: string, value: unknown): value is string {
    if (!this.required(path, value)) return false;
    if (isIsoDate(value)) return this.year(path, value);
    this.add(
      path,
      'BAD_DATE',
      'Date attendue au format AAAA-MM-JJ (ex. 2026-03-31).',
      'Expected a date as YYYY-MM-DD (e.g. 2026-03-31).',
    );
    return false;
  }

  monthOrDate(path: string, value: unknown): value is string {
    if (!this.required(path, value)) return false;
    if (isMonth(value) || isIsoDate(value)) return this.year(path, value);
    this.add(
      path,
      'BAD_MONTH',
      'Mois (AAAA-MM) ou date (AAAA-MM-JJ) attendu.',
      'Expected a month (YYYY-MM) or a date (YYYY-MM-DD).',
    );
    return false;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): value is T {
    if (!this.required(path, value)) return false;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    this.add(
      path,
      'UNKNOWN_VALUE',
      `Valeur inconnue « ${String(value)} » ; valeurs possibles : ${allowed.join(', ')}.`,
      `Unknown value "${String(value)}"; expected one of ${allowed.join(', ')}.`,
    );
    return false;
  }

  list(path: string, value: unknown): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.add(path, 'NOT_A_LIST', 'Liste attendue.', 'Expected a list.');
    return false;
  }

  record(path: string, value: unknown): value is InputRecord {
    if (!this.required(path, value)) return false;
    if (isRecord(value)) return true;
    this.add(path, 'NOT_A_LIST', 'Objet attendu.', 'Expected an object.');
    return false;
  }

  /** A well-formed month or date whose year is within MIN_YEAR–MAX_YEAR. */
  private year(path: string, value: string): boolean {
    if (isYearInRange(value)) return true;
    this.add(
      path,
      'OUT_OF_RANGE',
      `L’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.`,
      `The year must be between ${MIN_YEAR} and ${MAX_YEAR}.`,
    );
    return false;
  }

  private between(path: string, value: number, min: number, max: number): boolean {
    if (value >= min && value <= max) return true;
    this.add(
      path,
      'OUT_OF_RANGE',
      `Doit être compris entre ${min} et ${max}.`,
      `Must be between ${min} and ${max}.`,
    );
    return false;
  }
}

/** True when a `YYYY-MM…` text's year is within MIN_YEAR–MAX_YEAR. */
export function isYearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
