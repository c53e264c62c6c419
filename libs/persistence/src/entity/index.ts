import { ApiKey } from './api-key.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

export { ApiKey, Membership, Organisation, User, WorkerHeartbeat };
export { MEMBER_ROLES, type MemberRole } from './membership.entity';
export type { OrganisationKind } from './organisation.entity';

/** Every entity, listed by hand: a forgotten one fails the schema check instead of hiding. */
export const entities = [Organisation, User, Membership, ApiKey, WorkerHeartbeat];
