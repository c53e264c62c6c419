import { TreasuryException, TreasuryExceptionCode } from '../treasury.exception';
import type { ValidationIssue } from '../validation-issue.types';

/** 400 naming every field at fault, French then English, with the list in `details.issues`. */
export function invalidInput(issues: ValidationIssue[]): TreasuryException {
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return new TreasuryException(
    TreasuryExceptionCode.INVALID_INPUT,
    `${first.path} : ${first.message} / ${first.path}: ${first.messageEn}${more}`,
    { issues },
  );
}

export function staleVersion(current: number, sent: number): TreasuryException {
  return new TreasuryException(
    TreasuryExceptionCode.STALE_VERSION,
    `Le dossier a été modifié entre-temps (version ${current}, reçue ${sent}) : rechargez-le puis refaites la modification / the application changed meanwhile (version ${current}, got ${sent}): reload it and retry`,
    { currentVersion: current, sentVersion: sent },
  );
}

export function invalidTransition(
  from: string,
  to: string,
  allowed: readonly string[],
): TreasuryException {
  return new TreasuryException(
    TreasuryExceptionCode.INVALID_TRANSITION,
    `Passage impossible de « ${from} » à « ${to} » (possibles : ${allowed.join(', ') || 'aucun'}) / cannot go from ${from} to ${to} (allowed: ${allowed.join(', ') || 'none'})`,
    { from, to, allowed },
  );
}
