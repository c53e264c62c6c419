import { Workbook, type Worksheet } from 'exceljs';
import { applicationIdsOf, exportRows, type TreasuryExportRow } from './treasury-export-row.util';
import type { TreasuryProjection } from './treasury-projection.types';

/** Euros with the French display in a French spreadsheet (`1 234,56 €`), negatives in red. */
export const EURO_FORMAT = '#,##0.00 "€";[Red]-#,##0.00 "€"';

export interface TreasuryXlsxOptions {
  /** 'all' (default): the structure sheet, then one sheet per application; or only one application. */
  scope?: 'all' | 'structure' | { applicationId: string };
  /** Sheet names for applications (id → title); the id is used otherwise. */
  applicationTitles?: Record<string, string>;
}

const FIRST_DATA_ROW = 3;

/**
 * The plan de trésorerie as an accountant expects it: one row per month with real formulas
 * (opening = previous closing, closing = opening + inflows − outflows) so edits recalculate.
 * Cached results are written too, so a viewer that does not recalculate shows the same figures.
 */
export async function treasuryToXlsx(
  projection: TreasuryProjection,
  options: TreasuryXlsxOptions = {},
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Vigie';
  const scope = options.scope ?? 'all';
  const names = new Set<string>();
  if (scope === 'all' || scope === 'structure') {
    addPlanSheet(
      workbook,
      sheetName('Structure', names),
      'Plan de trésorerie – structure',
      exportRows(projection, 'structure'),
    );
  }
  const ids =
    scope === 'all'
      ? applicationIdsOf(projection)
      : typeof scope === 'object'
        ? [scope.applicationId]
        : [];
  for (const id of ids) {
    const title = options.applicationTitles?.[id] ?? id;
    addPlanSheet(
      workbook,
      sheetName(title, names),
      `Plan de trésorerie – ${title}`,
      exportRows(projection, { applicationId: id }),
    );
  }
  if (scope === 'all') addMovementSheet(workbook, projection, options.applicationTitles ?? {});
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addPlanSheet(
  workbook: Workbook,
  name: string,
  title: string,
  rows: TreasuryExportRow[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getRow(2).values = ['Mois', 'Solde début', 'Encaissements', 'Décaissements', 'Solde fin'];
  sheet.getRow(2).font = { bold: true };
  setColumns(sheet, [10, 16, 16, 16, 16]);
  rows.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    sheet.getCell(`A${r}`).value = row.month;
    sheet.getCell(`B${r}`).value =
      i === 0
        ? toEuros(row.openingCents)
        : { formula: `E${r - 1}`, result: toEuros(row.openingCents) };
    sheet.getCell(`C${r}`).value = toEuros(row.inflowsCents);
    sheet.getCell(`D${r}`).value = toEuros(row.outflowsCents);
    sheet.getCell(`E${r}`).value = {
      formula: `B${r}+C${r}-D${r}`,
      result: toEuros(row.closingCents),
    };
    for (const column of ['B', 'C', 'D', 'E']) sheet.getCell(`${column}${r}`).numFmt = EURO_FORMAT;
  });
}

function addMovementSheet(
  workbook: Workbook,
  projection: TreasuryProjection,
  titles: Record<string, string>,
): void {
  const sheet = workbook.addWorksheet('Mouvements');
  sheet.getRow(1).values = [
    'Mois',
    'Dossier',
    'Ligne de financement',
    'Libellé',
    'Encaissement',
    'Décaissement',
  ];
  sheet.getRow(1).font = { bold: true };
  setColumns(sheet, [10, 28, 20, 48, 16, 16]);
  for (const month of projection.months) {
    for (const line of month.lines) {
      const row = sheet.addRow([
        month.month,
        line.applicationId ? (titles[line.applicationId] ?? line.applicationId) : '',
        line.fundingLineId ?? '',
        line.label,
        line.direction === 'in' ? toEuros(line.amountCents) : null,
        line.direction === 'out' ? toEuros(line.amountCents) : null,
      ]);
      row.getCell(5).numFmt = EURO_FORMAT;
      row.getCell(6).numFmt = EURO_FORMAT;
    }
  }
}

function setColumns(sheet: Worksheet, widths: number[]): void {
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** Cents are exact integers; a spreadsheet holds euros, so the division happens only here. */
function toEuros(cents: number): number {
  return cents / 100;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique regardless of case. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Dossier';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
