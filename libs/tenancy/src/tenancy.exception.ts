import { DomainException } from '@app/common';

export enum TenancyExceptionCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_ORGANISATION = 'INVALID_ORGANISATION',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
}

const STATUS: Record<TenancyExceptionCode, number> = {
  [TenancyExceptionCode.UNAUTHENTICATED]: 401,
  [TenancyExceptionCode.FORBIDDEN]: 403,
  [TenancyExceptionCode.NOT_FOUND]: 404,
  [TenancyExceptionCode.INVALID_ORGANISATION]: 400,
  [TenancyExceptionCode.EMAIL_TAKEN]: 409,
};

export class TenancyException extends DomainException<TenancyExceptionCode> {
  readonly domain = 'tenancy';

  get httpStatus(): number {
    return STATUS[this.code];
  }

  static unauthenticated(): TenancyException {
    return new TenancyException(
      TenancyExceptionCode.UNAUTHENTICATED,
      'Clé d’API absente ou invalide / missing or invalid API key (Authorization: Bearer <key>)',
    );
  }

  /** The same answer whether the object does not exist or belongs to another organisation. */
  static notFound(what: string): TenancyException {
    return new TenancyException(
      TenancyExceptionCode.NOT_FOUND,
      `${what} introuvable / ${what} not found`,
    );
  }

  static forbidden(role: string): TenancyException {
    return new TenancyException(
      TenancyExceptionCode.FORBIDDEN,
      `Votre rôle (${role}) ne permet pas cette action / your role (${role}) does not allow this action`,
    );
  }
}
