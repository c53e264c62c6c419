import { DomainException } from '@app/common';

export enum AccountExceptionCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INVALID_LINK = 'INVALID_LINK',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_EMAIL = 'INVALID_EMAIL',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  NO_MEMBERSHIP = 'NO_MEMBERSHIP',
  MAIL_FAILED = 'MAIL_FAILED',
}

const STATUS: Record<AccountExceptionCode, number> = {
  [AccountExceptionCode.INVALID_CREDENTIALS]: 401,
  [AccountExceptionCode.TOO_MANY_ATTEMPTS]: 429,
  [AccountExceptionCode.INVALID_LINK]: 410,
  [AccountExceptionCode.WEAK_PASSWORD]: 400,
  [AccountExceptionCode.INVALID_EMAIL]: 400,
  [AccountExceptionCode.ALREADY_MEMBER]: 409,
  [AccountExceptionCode.NO_MEMBERSHIP]: 403,
  [AccountExceptionCode.MAIL_FAILED]: 502,
};

/** Failures of sign-in, invitations and resets; messages are French, shown as they are. */
export class AccountException extends DomainException<AccountExceptionCode> {
  readonly domain = 'account';

  get httpStatus(): number {
    return STATUS[this.code];
  }

  /** The same message whether the e-mail is unknown or the password wrong. */
  static invalidCredentials(): AccountException {
    return new AccountException(
      AccountExceptionCode.INVALID_CREDENTIALS,
      'Adresse e-mail ou mot de passe incorrect.',
    );
  }

  static tooManyAttempts(retryAfterSeconds: number): AccountException {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AccountException(
      AccountExceptionCode.TOO_MANY_ATTEMPTS,
      `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      { retryAfterSeconds },
    );
  }

  static invalidLink(): AccountException {
    return new AccountException(
      AccountExceptionCode.INVALID_LINK,
      'Ce lien n’est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.',
    );
  }

  static weakPassword(reason: string): AccountException {
    return new AccountException(AccountExceptionCode.WEAK_PASSWORD, reason, { field: 'password' });
  }

  static invalidEmail(): AccountException {
    return new AccountException(
      AccountExceptionCode.INVALID_EMAIL,
      'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
      { field: 'email' },
    );
  }

  static alreadyMember(): AccountException {
    return new AccountException(
      AccountExceptionCode.ALREADY_MEMBER,
      'Cette personne est déjà membre de l’organisation.',
      { field: 'email' },
    );
  }

  static noMembership(): AccountException {
    return new AccountException(
      AccountExceptionCode.NO_MEMBERSHIP,
      'Votre compte n’est rattaché à aucune organisation.',
    );
  }

  static mailFailed(): AccountException {
    return new AccountException(
      AccountExceptionCode.MAIL_FAILED,
      'Le courriel n’a pas pu être envoyé. Réessayez plus tard.',
    );
  }
}
