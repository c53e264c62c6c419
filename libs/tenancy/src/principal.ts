import type { MemberRole } from '@app/persistence';

/** Who is calling: resolved from the API key (or, later, the session) on every request. */
export interface Principal {
  organisationId: string;
  userId: string;
  membershipId: string;
  role: MemberRole;
  apiKeyId?: string;
}
