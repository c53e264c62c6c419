import type { InputWarning } from '../operation-date.checker';
import type {
  StoredClaim,
  StoredExpense,
  StoredFundingSchedule,
  StoredIndicator,
  StoredTask,
} from '@app/persistence';
import type {
  ApplicationStatus,
  EuArea,
  FundingKind,
  FundingLineStatus,
} from '../funding-kind.constants';
import type { IsoDate, Month } from '../treasury.types';

/** A funding line as the API returns it. */
export interface FundingLineView {
  id: string;
  funder: string;
  kind: FundingKind;
  amountCents: number;
  status: FundingLineStatus;
  signedAt: IsoDate | null;
  schedule: StoredFundingSchedule | null;
  bridge: { endMonth: Month } | null;
  intermediateBody: boolean;
  claims: StoredClaim[];
}

export interface StatusEventView {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  at: IsoDate;
  byUserId: string | null;
  recordedAt: string;
}

/** An application as the API returns it; `version` is what a later edit must send back. */
export interface ApplicationView {
  id: string;
  callId: string | null;
  title: string;
  status: ApplicationStatus;
  submissionDeadline: IsoDate | null;
  operationStart: string;
  operationEnd: string;
  totalCostCents: number;
  expenses: StoredExpense[] | null;
  indicators: StoredIndicator[];
  tasks: StoredTask[];
  euArea: EuArea | null;
  submittedAt: IsoDate | null;
  notifiedAt: IsoDate | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  fundingLines: FundingLineView[];
  history?: StatusEventView[];
  /**
   * On the answer to a create or an edit only: what was accepted but deserves a second look
   * (an operation already over). Empty when nothing.
   */
  warnings?: InputWarning[];
}

/**
 * What a client sends: an application (ApplicationInput fields) plus what the cash plan does not
 * need. Shapes are checked by the library, so everything is `unknown` until validated.
 */
export interface ApplicationWrite {
  callId?: string | null;
  indicators?: unknown;
  [field: string]: unknown;
}

export interface StatusChange {
  status: unknown;
  /** The day it happened; default today in Europe/Paris. */
  at?: unknown;
}
