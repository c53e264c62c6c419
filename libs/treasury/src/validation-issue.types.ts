/** One field at fault, with the path a form can highlight (`fundingLines[1].amountCents`). */
export interface ValidationIssue {
  path: string;
  code: ValidationIssueCode;
  message: string;
  messageEn: string;
}

export type ValidationIssueCode =
  | 'REQUIRED'
  | 'NOT_A_TEXT'
  | 'NOT_AN_INTEGER'
  | 'NEGATIVE'
  | 'TOO_LARGE'
  | 'BAD_MONTH'
  | 'BAD_DATE'
  | 'UNKNOWN_VALUE'
  | 'OUT_OF_RANGE'
  | 'END_BEFORE_START'
  | 'PAYMENTS_EXCEED_AMOUNT'
  | 'SHARES_EXCEED_100'
  | 'DUPLICATE_ID'
  | 'NOT_A_LIST'
  | 'CLAIM_BEFORE_START'
  | 'CLAIM_BEFORE_PERIOD_END'
  | 'CLAIM_ABOVE_EXPENSES'
  | 'NO_MATCHING_RULE';
