import { DomainException } from '@app/common';

export enum TreasuryExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_RANGE = 'INVALID_RANGE',
  RULES_FILE_INVALID = 'RULES_FILE_INVALID',
  RULES_FILE_NOT_FOUND = 'RULES_FILE_NOT_FOUND',
  /** The client edited from an older version of the application: reload, then retry. */
  STALE_VERSION = 'STALE_VERSION',
  /** A status change the transition graph does not allow (e.g. closed → submitted). */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
}

const HTTP_STATUS: Record<TreasuryExceptionCode, number> = {
  [TreasuryExceptionCode.INVALID_INPUT]: 400,
  [TreasuryExceptionCode.INVALID_RANGE]: 400,
  // A broken rules file is our fault, not the caller's.
  [TreasuryExceptionCode.RULES_FILE_INVALID]: 500,
  [TreasuryExceptionCode.RULES_FILE_NOT_FOUND]: 500,
  [TreasuryExceptionCode.STALE_VERSION]: 409,
  [TreasuryExceptionCode.INVALID_TRANSITION]: 409,
};

export class TreasuryException extends DomainException<TreasuryExceptionCode> {
  readonly domain = 'treasury';

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}
