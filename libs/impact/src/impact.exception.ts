import { DomainException } from '@app/common';

export enum ImpactExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  CONFIG_INVALID = 'CONFIG_INVALID',
  CONFIG_NOT_FOUND = 'CONFIG_NOT_FOUND',
}

const HTTP_STATUS: Record<ImpactExceptionCode, number> = {
  [ImpactExceptionCode.INVALID_INPUT]: 400,
  // A broken catalogue or reference file is our fault, not the caller's.
  [ImpactExceptionCode.CONFIG_INVALID]: 500,
  [ImpactExceptionCode.CONFIG_NOT_FOUND]: 500,
};

export class ImpactException extends DomainException<ImpactExceptionCode> {
  readonly domain = 'impact';

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/** One field at fault: `entries[2].count`, or `line[4].nombre` for a CSV file. */
export interface ImpactIssue {
  path: string;
  message: string;
  messageEn: string;
}

/** 400 naming every field at fault (French then English), the list in `details.issues`. */
export function invalidImpactInput(issues: ImpactIssue[]): ImpactException {
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return new ImpactException(
    ImpactExceptionCode.INVALID_INPUT,
    `${first.path} : ${first.message} / ${first.path}: ${first.messageEn}${more}`,
    { issues },
  );
}
