import { DomainException } from '@app/common';

export enum PersistenceExceptionCode {
  DATABASE_UNREACHABLE = 'DATABASE_UNREACHABLE',
  STALE_VERSION = 'STALE_VERSION',
}

const STATUS: Record<PersistenceExceptionCode, number> = {
  [PersistenceExceptionCode.DATABASE_UNREACHABLE]: 503,
  [PersistenceExceptionCode.STALE_VERSION]: 409,
};

export class PersistenceException extends DomainException<PersistenceExceptionCode> {
  readonly domain = 'persistence';

  get httpStatus(): number {
    return STATUS[this.code];
  }
}
