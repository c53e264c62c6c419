import type { MemberRole } from '@app/persistence';

/** How roles are named on pages and in e-mails. */
export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  owner: 'Responsable',
  member: 'Membre',
  accountant: 'Comptable',
  viewer: 'Lecture seule',
};
