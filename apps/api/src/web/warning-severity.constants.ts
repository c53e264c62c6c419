import type { TreasuryWarningSeverity } from '@app/treasury';

/** Every page says a treasury warning's severity with the same word (never by colour alone). */
export const WARNING_SEVERITY_LABELS: Record<TreasuryWarningSeverity, string> = {
  critical: 'Urgent',
  warning: 'Attention',
  info: 'Information',
};

/** Most urgent first. */
export const WARNING_SEVERITY_ORDER: Record<TreasuryWarningSeverity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};
