import { DomainException } from '@app/common';

export enum WatchExceptionCode {
  INVALID_PROFILE = 'INVALID_PROFILE',
  NOT_A_COLLECTIF = 'NOT_A_COLLECTIF',
  INVALID_INVITATION = 'INVALID_INVITATION',
  INVALID_SELECTION = 'INVALID_SELECTION',
  FEED_NOT_FOUND = 'FEED_NOT_FOUND',
}

const STATUS: Record<WatchExceptionCode, number> = {
  [WatchExceptionCode.INVALID_PROFILE]: 400,
  [WatchExceptionCode.NOT_A_COLLECTIF]: 403,
  [WatchExceptionCode.INVALID_INVITATION]: 409,
  [WatchExceptionCode.INVALID_SELECTION]: 400,
  [WatchExceptionCode.FEED_NOT_FOUND]: 404,
};

export class WatchException extends DomainException<WatchExceptionCode> {
  readonly domain = 'watch';

  get httpStatus(): number {
    return STATUS[this.code];
  }

  /** An unknown code in a profile, named with its field so the user can fix it. */
  static invalidProfile(field: string, value: string, expected: string): WatchException {
    return new WatchException(
      WatchExceptionCode.INVALID_PROFILE,
      `${field} : valeur inconnue « ${value} » / ${field}: unknown value "${value}" (expected ${expected})`,
      { field, value },
    );
  }

  static notACollectif(): WatchException {
    return new WatchException(
      WatchExceptionCode.NOT_A_COLLECTIF,
      'Réservé aux organisations de type collectif / only a collectif organisation may do this',
    );
  }

  static invalidInvitation(reason: string): WatchException {
    return new WatchException(WatchExceptionCode.INVALID_INVITATION, reason);
  }

  /** A name or an e-mail designating several structures: the caller chooses one by its id. */
  static ambiguousInvitee(candidates: ReadonlyArray<{ id: string; name: string }>): WatchException {
    return new WatchException(
      WatchExceptionCode.INVALID_INVITATION,
      'Plusieurs structures correspondent : choisissez-en une par son identifiant / several structures match: choose one by its id',
      { field: 'member', candidates },
    );
  }

  static invalidSelection(reason: string): WatchException {
    return new WatchException(WatchExceptionCode.INVALID_SELECTION, reason, { field: 'ids' });
  }

  /** Unknown and revoked tokens get the same answer. */
  static feedNotFound(): WatchException {
    return new WatchException(
      WatchExceptionCode.FEED_NOT_FOUND,
      'Flux introuvable ou révoqué / feed not found or revoked',
    );
  }
}
