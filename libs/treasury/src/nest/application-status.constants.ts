import type { ApplicationStatus } from '../funding-kind.constants';

/**
 * Where an application may go from each status. Going back is allowed where real life does it
 * (a filed application returned for completion, a rejected one reworked for the next round);
 * `closed` is final. Anything else is refused with 409 INVALID_TRANSITION.
 */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  idea: ['preparing', 'submitted', 'closed'],
  preparing: ['idea', 'submitted', 'closed'],
  submitted: ['preparing', 'granted', 'rejected', 'closed'],
  granted: ['agreement_signed', 'in_progress', 'closed'],
  rejected: ['preparing', 'closed'],
  agreement_signed: ['in_progress', 'closed'],
  in_progress: ['reporting', 'closed'],
  reporting: ['in_progress', 'closed'],
  closed: [],
};

/** Roles that may edit funding lines and treasury settings (money the accountant answers for). */
export const FUNDING_PLAN_EDITORS = ['owner', 'accountant'] as const;
/** Roles that may create and edit applications (not their funding lines). */
export const APPLICATION_EDITORS = ['owner', 'accountant', 'member'] as const;
