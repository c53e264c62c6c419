import type { MonthIndex } from './month.util';
import { TreasuryWarningCode } from './treasury-warning-code.enum';
import type { TreasuryWarningLog } from './treasury-warning.log';
import { WarningVariant } from './warning-message.builder';

/**
 * One warning per episode (consecutive months) rather than per month: an accountant acts on
 * "from June, down to −48 k€ in December", not on twelve identical lines. `closing[i]` is the
 * closing balance of month `firstMonth + i`.
 */
export function recordCashWarnings(
  closing: readonly number[],
  firstMonth: MonthIndex,
  minimumCashCents: number,
  log: TreasuryWarningLog,
  bridgeMaxTermMonths = Infinity,
): void {
  // Negative: p1 months, p2 month of the lowest balance; UntilEnd when it does not recover
  // within the projection (its length is then the projection's, not the episode's).
  forEachEpisode(closing, -Infinity, 0, (first, lowest, length, untilEnd) => {
    log.add(
      TreasuryWarningCode.CASH_NEGATIVE,
      'critical',
      null,
      -1,
      -1,
      firstMonth + first,
      -closing[lowest],
      untilEnd ? WarningVariant.UntilEnd : WarningVariant.Default,
      length,
      firstMonth + lowest,
      0,
    );
    // Rule 11: the Dailly that CASH_NEGATIVE suggests is shorter than the spell. p1 months, p2
    // month of the lowest balance, amount the bridge needed; UntilEnd: at least that long.
    if (length > bridgeMaxTermMonths)
      log.add(
        TreasuryWarningCode.BRIDGE_TOO_SHORT,
        'critical',
        null,
        -1,
        -1,
        firstMonth + first,
        -closing[lowest],
        untilEnd ? WarningVariant.NegativeSpellUntilEnd : WarningVariant.NegativeSpell,
        length,
        firstMonth + lowest,
        0,
      );
  });
  if (minimumCashCents <= 0) return;
  // Below the threshold: p1 the threshold, p2 the lowest balance, p3 its month. Negative months
  // belong to the episode: its lowest point is the true one, not the last one above zero.
  forEachEpisode(closing, -Infinity, minimumCashCents, (first, lowest, _length, untilEnd) =>
    log.add(
      TreasuryWarningCode.CASH_BELOW_THRESHOLD,
      'warning',
      null,
      -1,
      -1,
      firstMonth + first,
      minimumCashCents - closing[lowest],
      untilEnd ? WarningVariant.UntilEnd : WarningVariant.Default,
      minimumCashCents,
      closing[lowest],
      firstMonth + lowest,
    ),
  );
}

/**
 * Runs of months whose closing balance is in [low, high): first, lowest (first if tied), length,
 * and whether the run lasts to the projection's last month.
 */
function forEachEpisode(
  closing: readonly number[],
  low: number,
  high: number,
  found: (first: number, lowest: number, length: number, untilEnd: boolean) => void,
): void {
  let first = -1;
  let lowest = -1;
  for (let i = 0; i <= closing.length; i++) {
    const inside = i < closing.length && closing[i] >= low && closing[i] < high;
    if (inside && first < 0) {
      first = i;
      lowest = i;
    } else if (inside && closing[i] < closing[lowest]) {
      lowest = i;
    } else if (!inside && first >= 0) {
      found(first, lowest, i - first, i === closing.length);
      first = -1;
    }
  }
}
