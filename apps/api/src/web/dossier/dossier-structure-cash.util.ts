import {
  projectTreasury,
  TreasuryWarningCode,
  type FundingRules,
  type Month,
  type RecurringFlowInput,
  type TreasuryProjection,
  type TreasuryWarning,
} from '@app/treasury';
import { monthIndex, monthOf } from './dossier-projection.util';

/** A cash curve reduced to what adds up: the balance it opens with and each month's net flow. */
export interface CashSeries {
  from: Month;
  openingCents: number;
  netCents: number[];
}

const CASH_CODES: ReadonlySet<TreasuryWarningCode> = new Set([
  TreasuryWarningCode.CASH_NEGATIVE,
  TreasuryWarningCode.CASH_BELOW_THRESHOLD,
]);

export function cashSeries(projection: TreasuryProjection): CashSeries {
  return {
    from: projection.months[0]?.month ?? '',
    openingCents: projection.months[0]?.openingCents ?? 0,
    netCents: projection.months.map((m) => m.inflowsCents - m.outflowsCents),
  };
}

/**
 * Two curves over the same months, added (sign 1) or one taken from the other (sign −1):
 * cash plans are sums of movements, so a dossier's own plan adds to or leaves the structure's.
 */
export function combine(base: CashSeries, other: CashSeries, sign: 1 | -1): CashSeries {
  return {
    from: base.from,
    openingCents: base.openingCents + sign * other.openingCents,
    netCents: base.netCents.map((net, i) => net + sign * (other.netCents[i] ?? 0)),
  };
}

/**
 * The structure's cash warnings for a curve, worded by the treasury library itself: the curve is
 * replayed as one-month flows, so the messages are the ones the treasury page shows.
 */
export function cashWarnings(
  series: CashSeries,
  minimumCashCents: number,
  rules: FundingRules,
  asOf: string,
): { warnings: TreasuryWarning[]; peakNeed: TreasuryProjection['peakNeed'] } {
  const first = monthIndex(series.from);
  const recurring: RecurringFlowInput[] = [];
  series.netCents.forEach((net, i) => {
    if (net === 0) return;
    const month = monthOf(first + i);
    recurring.push({
      label: 'Solde du mois',
      direction: net > 0 ? 'in' : 'out',
      amountCents: Math.abs(net),
      fromMonth: month,
      toMonth: month,
    });
  });
  const replay = projectTreasury({
    settings: {
      openingBalanceCents: series.openingCents,
      openingMonth: series.from,
      recurring,
      minimumCashCents,
    },
    applications: [],
    rules,
    from: series.from,
    months: series.netCents.length,
    asOf,
    validate: false,
  });
  return {
    warnings: replay.warnings.filter((w) => CASH_CODES.has(w.code)),
    peakNeed: replay.peakNeed,
  };
}
