import { formatAmountRange, formatPercent } from '@app/common';
import { FeedItem } from '../feed/feed-item.types';

const HEADER = [
  'Titre',
  'Financeurs',
  'Date limite',
  'Montant',
  'Pertinence',
  'Thèmes',
  'Statut',
  'Note',
  'Lien',
];

/** Quotes when needed, and defuses formulas (=, +, -, @) a spreadsheet would run. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `;`-separated, UTF-8 with a BOM and CRLF: what a French spreadsheet opens without asking. */
export function renderMatchesCsv(items: readonly FeedItem[]): string {
  const rows = items.map((item) => [
    item.title,
    item.funders.join(', '),
    item.nextDeadline ?? (item.rolling ? 'au fil de l’eau' : ''),
    formatAmountRange(item.amountMinCents, item.amountMaxCents) ?? '',
    formatPercent(item.score),
    item.themeLabels.join(', '),
    item.status,
    item.pick?.annotation || item.notes || '',
    item.url,
  ]);
  return `\ufeff${[HEADER, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
