import { ApiKey } from './api-key.entity';
import { Call } from './call.entity';
import { CallEvent } from './call-event.entity';
import { CallSource } from './call-source.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Source } from './source.entity';
import { SourceRun } from './source-run.entity';
import { User } from './user.entity';
import { WorkerHeartbeat } from './worker-heartbeat.entity';

export {
  ApiKey,
  Call,
  CallEvent,
  CallSource,
  Membership,
  Organisation,
  Source,
  SourceRun,
  User,
  WorkerHeartbeat,
};
export { bigintToNumber } from './bigint.transformer';
export type { StoredDeadline, StoredDocument } from './call.entity';
export type { CallEventKind, FieldChange } from './call-event.entity';
export { MEMBER_ROLES, type MemberRole } from './membership.entity';
export type { OrganisationKind } from './organisation.entity';
export type { SourceRunError, SourceRunStatus } from './source-run.entity';

/** Every entity, listed by hand: a forgotten one fails the schema check instead of hiding. */
export const entities = [
  Organisation,
  User,
  Membership,
  ApiKey,
  WorkerHeartbeat,
  Source,
  SourceRun,
  Call,
  CallSource,
  CallEvent,
];
