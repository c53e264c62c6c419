import type { ImpactIssue } from './impact.exception';

/** A CSV's header names, French first (what a spreadsheet export carries), then English. */
const COLUMNS: Record<string, 'indicator' | 'from' | 'to' | 'count' | 'note'> = {
  indicateur: 'indicator',
  indicator: 'indicator',
  debut: 'from',
  début: 'from',
  from: 'from',
  mois: 'from',
  fin: 'to',
  to: 'to',
  nombre: 'count',
  count: 'count',
  note: 'note',
  commentaire: 'note',
};
/** The French column name of each field, used in per-line messages. */
export const CSV_FIELD_NAMES: Record<string, string> = {
  indicator: 'indicateur',
  from: 'debut',
  to: 'fin',
  count: 'nombre',
  note: 'note',
  '': 'ligne',
};
const MAX_CSV_BYTES = 1_000_000;

export interface ParsedActivityCsv {
  /** Rows as entries, counts still as typed when they are not numbers (the checker says so). */
  rows: Record<string, unknown>[];
  /** File line (1 = header) of each row. */
  lineOf: number[];
  issues: ImpactIssue[];
}

/**
 * Reads an activity CSV as a spreadsheet exports it: `;` or `,` separated (whichever the header
 * uses), quotes, a BOM, CRLF. Columns: indicateur;debut;fin;nombre[;note]; `fin` may be empty
 * (one month). Blank lines are skipped; every other line becomes one entry, or one error.
 */
export function parseActivityCsv(text: string): ParsedActivityCsv {
  const issues: ImpactIssue[] = [];
  if (Buffer.byteLength(text, 'utf8') > MAX_CSV_BYTES)
    return {
      rows: [],
      lineOf: [],
      issues: [{ path: 'csv', message: 'fichier de plus de 1 Mo', messageEn: 'file over 1 MB' }],
    };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.split(';').length >= header.split(',').length ? ';' : ',';
  const names = splitLine(header, separator).map((n) => n.trim().toLowerCase().normalize('NFC'));
  const fields = names.map((n) => COLUMNS[n]);
  for (const required of ['indicator', 'from', 'count'] as const) {
    if (!fields.includes(required))
      issues.push({
        path: 'line[1]',
        message: `ligne 1 : colonne « ${CSV_FIELD_NAMES[required]} » manquante (en-tête attendu : indicateur;debut;fin;nombre;note)`,
        messageEn: `line 1: column "${required}" missing (expected header: indicateur;debut;fin;nombre;note)`,
      });
  }
  if (issues.length > 0) return { rows: [], lineOf: [], issues };
  const rows: Record<string, unknown>[] = [];
  const lineOf: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = splitLine(line, separator);
    const row: Record<string, unknown> = {};
    fields.forEach((field, c) => {
      if (!field) return;
      const cell = (cells[c] ?? '').trim();
      if (cell === '') return;
      row[field] = field === 'count' ? toCount(cell) : cell;
    });
    rows.push(row);
    lineOf.push(i + 2);
  });
  return { rows, lineOf, issues };
}

/** « 12 », « 1 200 » (spaces as thousands) are numbers; anything else stays text so the checker names it. */
function toCount(cell: string): unknown {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  return /^-?\d+$/.test(compact) ? Number(compact) : cell;
}

function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
