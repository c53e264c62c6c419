import { isMonth } from '@app/treasury';
import type { ImpactIssue } from './impact.exception';

/** A count no structure reaches in one entry: a typo, not activity. */
export const MAX_ACTIVITY_COUNT = 10_000_000;
const MAX_NOTE = 500;
/** Entries one request or file may carry: several years of monthly figures for every indicator. */
export const MAX_ENTRIES = 2_000;

export interface ActivityEntryInput {
  indicator: string;
  from: string;
  to: string;
  count: number;
  note?: string;
}

export interface EntryContext {
  /** Every key an entry may use: catalogue, organisation, and the dossier's own targets. */
  knownIndicators: ReadonlySet<string>;
  operationStart: string;
  operationEnd: string;
}

/**
 * Checks entries as received (JSON `entries[i]`, or a CSV's line `i`): a known indicator, a
 * whole non-negative count, months inside the operation. `at(i, field)` names the field the way
 * its source does, so a CSV error reads « ligne 4, nombre ».
 */
export function checkActivityEntries(
  raw: unknown,
  context: EntryContext,
  at: (index: number, field: string) => string = (i, f) => `entries[${i}].${f}`,
): { entries: ActivityEntryInput[]; issues: ImpactIssue[] } {
  const issues: ImpactIssue[] = [];
  if (!Array.isArray(raw)) {
    issues.push({
      path: 'entries',
      message: 'une liste est attendue',
      messageEn: 'expected a list',
    });
    return { entries: [], issues };
  }
  if (raw.length === 0)
    issues.push({ path: 'entries', message: 'aucune ligne', messageEn: 'no entry' });
  if (raw.length > MAX_ENTRIES)
    issues.push({
      path: 'entries',
      message: `au plus ${MAX_ENTRIES} lignes`,
      messageEn: `at most ${MAX_ENTRIES} entries`,
    });
  const start = context.operationStart.slice(0, 7);
  const end = context.operationEnd.slice(0, 7);
  const entries: ActivityEntryInput[] = [];
  raw.forEach((item: unknown, i) => {
    const issue = (field: string, message: string, messageEn: string) =>
      issues.push({ path: at(i, field), message, messageEn });
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issue('', 'un objet est attendu', 'expected an object');
      return;
    }
    const row = item as Record<string, unknown>;
    const before = issues.length;
    if (typeof row.indicator !== 'string' || row.indicator.trim() === '')
      issue('indicator', 'indicateur manquant', 'indicator missing');
    else if (!context.knownIndicators.has(row.indicator.trim()))
      issue(
        'indicator',
        `indicateur inconnu « ${row.indicator} » (voir GET /api/indicators)`,
        `unknown indicator "${row.indicator}" (see GET /api/indicators)`,
      );
    const count = row.count;
    if (typeof count !== 'number' || !Number.isInteger(count))
      issue('count', 'un nombre entier est attendu', 'expected a whole number');
    else if (count < 0) issue('count', 'ne peut pas être négatif', 'must not be negative');
    else if (count > MAX_ACTIVITY_COUNT)
      issue('count', `au plus ${MAX_ACTIVITY_COUNT}`, `at most ${MAX_ACTIVITY_COUNT}`);
    const from = row.from;
    const to = row.to ?? row.from;
    let monthsOk = true;
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!isMonth(value)) {
        issue(field, 'mois attendu au format AAAA-MM', 'expected a month YYYY-MM');
        monthsOk = false;
      } else if (value < start || value > end) {
        issue(
          field,
          `hors de la période de l’opération (${start} à ${end})`,
          `outside the operation (${start} to ${end})`,
        );
        monthsOk = false;
      }
    }
    if (monthsOk && (from as string) > (to as string))
      issue('to', 'la fin précède le début', 'ends before it starts');
    if (
      row.note !== undefined &&
      row.note !== null &&
      (typeof row.note !== 'string' || row.note.length > MAX_NOTE)
    )
      issue(
        'note',
        `texte de ${MAX_NOTE} caractères au plus`,
        `text of at most ${MAX_NOTE} characters`,
      );
    if (issues.length > before) return;
    entries.push({
      indicator: (row.indicator as string).trim(),
      from: from as string,
      to: to as string,
      count: count as number,
      ...(typeof row.note === 'string' && row.note.trim() !== '' ? { note: row.note.trim() } : {}),
    });
  });
  return { entries, issues };
}
