import { formatEuros } from './money.util';
import type { TreasuryMonth, TreasuryWarning } from './treasury-projection.types';
import type { TreasurySettings } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';

interface Episode {
  first: TreasuryMonth;
  lowest: TreasuryMonth;
  length: number;
}

/**
 * One warning per episode (consecutive months) rather than per month: an accountant acts on
 * "from June, down to −48 k€ in December", not on twelve identical lines.
 */
export function cashWarnings(
  months: TreasuryMonth[],
  settings: TreasurySettings,
): TreasuryWarning[] {
  const warnings: TreasuryWarning[] = [];
  for (const episode of episodes(months, (m) => m.closingCents < 0)) {
    const need = -episode.lowest.closingCents;
    warnings.push({
      code: TreasuryWarningCode.CASH_NEGATIVE,
      severity: 'critical',
      month: episode.first.month,
      applicationId: null,
      fundingLineId: null,
      amountCents: need,
      message: `La trésorerie devient négative en ${episode.first.month} pendant ${episode.length} mois et descend à ${formatEuros(-need)} en ${episode.lowest.month} : avant cette date, demandez les avances prévues, un relais de subvention (Dailly) ou une garantie France Active (projection indicative, pas un conseil financier).`,
    });
  }
  const threshold = settings.minimumCashCents;
  if (threshold <= 0) return warnings;
  for (const episode of episodes(
    months,
    (m) => m.closingCents >= 0 && m.closingCents < threshold,
  )) {
    const shortfall = threshold - episode.lowest.closingCents;
    warnings.push({
      code: TreasuryWarningCode.CASH_BELOW_THRESHOLD,
      severity: 'warning',
      month: episode.first.month,
      applicationId: null,
      fundingLineId: null,
      amountCents: shortfall,
      message: `La trésorerie passe sous le seuil de sécurité de ${formatEuros(threshold)} en ${episode.first.month} (point bas ${formatEuros(episode.lowest.closingCents)} en ${episode.lowest.month}) : relancez les financeurs pour les versements attendus et décalez si possible les dépenses non urgentes.`,
    });
  }
  return warnings;
}

function episodes(months: TreasuryMonth[], inside: (m: TreasuryMonth) => boolean): Episode[] {
  const found: Episode[] = [];
  let current: Episode | null = null;
  for (const month of months) {
    if (!inside(month)) {
      current = null;
      continue;
    }
    if (!current) {
      current = { first: month, lowest: month, length: 0 };
      found.push(current);
    }
    current.length++;
    if (month.closingCents < current.lowest.closingCents) current.lowest = month;
  }
  return found;
}
