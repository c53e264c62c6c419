import { FRENCH_MONTH_NAMES } from '@app/common';
import { type EurosReading, parseEuros, readEuros } from '../form-value.util';

/** Axis labels: the abbreviations French typography uses (« janv. », « juil. »). */
const SHORT_MONTH_NAMES = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** « juin » from `2027-06`. */
export function shortFrenchMonth(month: string): string {
  return SHORT_MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month;
}

/** « 20 k€ », « −1,5 M€ », « 800 € »: axis ticks that fit a phone. */
export function compactEuros(cents: number): string {
  const euros = cents / 100;
  const sign = euros < 0 ? '−' : '';
  const abs = Math.abs(euros);
  if (abs >= 1_000_000) return `${sign}${trimDecimals(abs / 1_000_000)} M€`;
  if (abs >= 1_000) return `${sign}${trimDecimals(abs / 1_000)} k€`;
  return `${sign}${INTEGER.format(abs)} €`;
}

function trimDecimals(value: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value);
}

/**
 * A month as people type it: « 2027-06 », « 06/2027 », « 6/2027 », « juin 2027 » (any case,
 * accents optional) → `2027-06`; null otherwise.
 */
export function parseMonth(value: string): string | null {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const iso = MONTH_PATTERN.exec(text);
  if (iso) return text;
  const numeric = /^(\d{1,2})\s?[/.-]\s?(\d{4})$/.exec(text);
  if (numeric) return monthOf(Number(numeric[2]), Number(numeric[1]));
  const named = /^([\p{L}.]+) (\d{4})$/u.exec(text);
  if (!named) return null;
  const name = stripAccents(named[1].replace(/\.$/, ''));
  const index = FRENCH_MONTH_NAMES.findIndex((m) => stripAccents(m) === name);
  const short = SHORT_MONTH_NAMES.findIndex((m) => stripAccents(m.replace(/\.$/, '')) === name);
  const found = index >= 0 ? index : short;
  return found >= 0 ? monthOf(Number(named[2]), found + 1) : null;
}

/** Like `parseEuros`, a leading minus allowed (an overdrawn account). */
export function parseSignedEuros(value: string): number | null {
  const text = value.trim();
  const negative = /^[-−–]/.test(text);
  const cents = parseEuros(negative ? text.slice(1) : text);
  if (cents === null) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** Like `readEuros`, a leading minus allowed: the one euros message for the bank balance too. */
export function readSignedEuros(value: string): EurosReading {
  const text = value.trim();
  const negative = /^[-−–]/.test(text);
  const reading = readEuros(negative ? text.slice(1) : text);
  if (reading.error !== null || !negative || reading.cents === 0) return reading;
  return { cents: -reading.cents, error: null };
}

/** Cents as a form value a person can edit and `parseSignedEuros` reads back: « 30000 », « -1500,50 ». */
export function eurosInput(cents: number): string {
  const abs = Math.abs(cents);
  const decimals = abs % 100 === 0 ? '' : `,${String(abs % 100).padStart(2, '0')}`;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${decimals}`;
}

function monthOf(year: number, month: number): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
