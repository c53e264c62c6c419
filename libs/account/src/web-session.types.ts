import type { MemberRole } from '@app/persistence';
import type { Principal } from '@app/tenancy';

export interface SessionUser {
  id: string;
  email: string | null;
  displayName: string | null;
}

/** A session found from its cookie, with who is behind it when someone signed in. */
export interface ResolvedSession {
  tokenHash: string;
  csrfToken: string;
  /** Null for an anonymous session. */
  principal: Principal | null;
  user: SessionUser | null;
}

export interface StartedSession {
  /** The cookie's value: shown once, only its hash is stored. */
  token: string;
  expiresAt: Date;
  csrfToken: string;
}

export interface MembershipChoice {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: MemberRole;
}
