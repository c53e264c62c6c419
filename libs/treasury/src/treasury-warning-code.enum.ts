/** Stable codes: clients and stored alerts key on them, so never rename one. */
export enum TreasuryWarningCode {
  CASH_NEGATIVE = 'CASH_NEGATIVE',
  CASH_BELOW_THRESHOLD = 'CASH_BELOW_THRESHOLD',
  EU_PREFINANCING = 'EU_PREFINANCING',
  COFINANCING_GAP = 'COFINANCING_GAP',
  EU_RATE_ABOVE_MAX = 'EU_RATE_ABOVE_MAX',
  LEADER_COFINANCER_MISSING = 'LEADER_COFINANCER_MISSING',
  SINGLE_FINAL_PAYMENT = 'SINGLE_FINAL_PAYMENT',
  ADVANCE_REPAYMENT_RISK = 'ADVANCE_REPAYMENT_RISK',
  EXPENSE_BEFORE_SUBMISSION = 'EXPENSE_BEFORE_SUBMISSION',
  STATE_PAYMENT_LATE = 'STATE_PAYMENT_LATE',
  DEADLINE_SOON = 'DEADLINE_SOON',
  REPORT_DUE = 'REPORT_DUE',
  BRIDGE_TOO_SHORT = 'BRIDGE_TOO_SHORT',
  /** A claim's EU money waits for national co-financing not yet paid (matching, issue 21). */
  CLAIM_UNMATCHED = 'CLAIM_UNMATCHED',
  /** Ours, beyond the list: the same money entered twice, or lines above the total cost. */
  DOUBLE_FUNDING = 'DOUBLE_FUNDING',
}

export type TreasuryWarningSeverity = 'info' | 'warning' | 'critical';
