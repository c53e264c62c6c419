import { TreasuryException, TreasuryExceptionCode, type ValidationIssue } from '@app/treasury';
import { formText } from '../form-value.util';
import type { FieldError } from '../web-view.types';
import { STATUS_LABELS } from './dossier-label.constants';
import type { ApplicationStatus } from '@app/treasury';

/** Why the treasury service refused a write, in the terms a page answers with. */
export type DossierRefusal =
  | { kind: 'invalid'; issues: ValidationIssue[] }
  | { kind: 'stale' }
  | { kind: 'transition'; message: string };

/** A refusal the page explains next to the form; anything else is not ours to explain and is rethrown. */
export function dossierRefusal(error: unknown): DossierRefusal {
  if (!(error instanceof TreasuryException)) throw error;
  switch (error.code) {
    case TreasuryExceptionCode.INVALID_INPUT:
      return { kind: 'invalid', issues: (error.details?.issues ?? []) as ValidationIssue[] };
    case TreasuryExceptionCode.STALE_VERSION:
      return { kind: 'stale' };
    case TreasuryExceptionCode.INVALID_TRANSITION:
      return { kind: 'transition', message: transitionMessage(error.details ?? {}) };
    default:
      throw error;
  }
}

/** « Un dossier « Clôturé » ne peut pas passer à « Déposé » … », from the refusal's details. */
export function transitionMessage(details: Record<string, unknown>): string {
  const label = (status: unknown) => STATUS_LABELS[status as ApplicationStatus] ?? String(status);
  const allowed = Array.isArray(details.allowed) ? details.allowed.map(label) : [];
  const next =
    allowed.length > 0
      ? `Étapes possibles depuis « ${label(details.from)} » : ${allowed.join(', ')}.`
      : `« ${label(details.from)} » est une étape finale.`;
  return `Ce dossier est à l’étape « ${label(details.from)} » : il ne peut pas passer à « ${label(details.to)} ». ${next} Rien n’a été modifié.`;
}

/** The version a form was loaded with; a missing or garbled one can only be stale. */
export function formVersion(text: string): number {
  const version = Number(text);
  return Number.isInteger(version) && version > 0 ? version : 0;
}

/** How one versioned write from a form ended, in the terms its page answers with. */
export type FormWriteOutcome =
  | { kind: 'saved' }
  /** Someone saved the dossier since the form was loaded: show it again with the input (409). */
  | { kind: 'stale' }
  /** Errors to show next to their fields, with the input (400). */
  | { kind: 'invalid'; errors: FieldError[] };

/**
 * One write from one form: nothing is written while the form has errors; the service's own
 * refusals become field errors or a stale version; anything else is not ours and is rethrown.
 */
export async function writeFromForm(
  body: Record<string, unknown>,
  formErrors: FieldError[],
  write: (version: number) => Promise<unknown>,
  issuesToErrors: (issues: ValidationIssue[]) => FieldError[],
): Promise<FormWriteOutcome> {
  if (formErrors.length > 0) return { kind: 'invalid', errors: formErrors };
  try {
    await write(formVersion(formText(body, 'version', 12)));
    return { kind: 'saved' };
  } catch (error) {
    const refusal = dossierRefusal(error);
    if (refusal.kind === 'stale') return { kind: 'stale' };
    if (refusal.kind !== 'invalid') throw error;
    return { kind: 'invalid', errors: issuesToErrors(refusal.issues) };
  }
}
