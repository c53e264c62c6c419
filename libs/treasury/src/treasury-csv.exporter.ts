import { exportRows, type TreasuryExportScope } from './treasury-export-row.util';
import type { TreasuryProjection } from './treasury-projection.types';

const HEADER = ['Mois', 'Solde début', 'Encaissements', 'Décaissements', 'Solde fin'];

/**
 * The monthly plan as French spreadsheets open it without an import dialog: `;` separator,
 * comma decimals, UTF-8 with BOM, CRLF line ends. Amounts in euros with two decimals.
 */
export function treasuryToCsv(
  projection: TreasuryProjection,
  scope: TreasuryExportScope = 'structure',
): string {
  const rows = exportRows(projection, scope).map((r) =>
    [
      r.month,
      euros(r.openingCents),
      euros(r.inflowsCents),
      euros(r.outflowsCents),
      euros(r.closingCents),
    ].join(';'),
  );
  return `\uFEFF${[HEADER.join(';'), ...rows].join('\r\n')}\r\n`;
}

/** Exact decimal text from integer cents (no float): -840000 → "-8400,00". */
function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
