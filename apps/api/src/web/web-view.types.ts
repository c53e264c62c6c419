import type { MembershipChoice } from '@app/account';
import type { MemberRole } from '@app/persistence';

export type NavKey =
  | 'tableau-de-bord'
  | 'appels'
  | 'veilles'
  | 'collectif'
  | 'dossiers'
  | 'tresorerie'
  | 'sources'
  | 'equipe';

/** What the layout needs on every page. */
export interface LayoutModel {
  title: string;
  nav?: NavKey;
  /** The CSRF token to put in every form of the page. */
  csrf: string | null;
  user: { name: string; email: string | null } | null;
  organisation: {
    id: string;
    name: string;
    role: MemberRole;
    roleLabel: string;
    /** 'structure' or 'collectif': some pages offer collectif-only actions. */
    kind?: string;
  } | null;
  /** The user's other organisations, for the switcher (empty when there is only one). */
  organisations: MembershipChoice[];
  /** A one-line confirmation shown at the top (after a POST → redirect). */
  notice?: string | null;
  /** Error summary: messages linked to the fields at fault. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}
