export { AccountModule } from './account.module';
export {
  AccountService,
  type InvitationView,
  type MemberView,
  type InvitationSent,
  type PendingInvitation,
  type SignedInUser,
} from './account.service';
export { AccountException, AccountExceptionCode } from './account.exception';
export { AccountPurgeService, type AccountPurgeCounts } from './account-purge.service';
export { ANONYMOUS_CSRF_COOKIE, ANONYMOUS_CSRF_TTL_MS, SESSION_COOKIE } from './account.constants';
export { AnonymousCsrfService } from './anonymous-csrf.service';
export { AccountPurgeQueueService } from './queue/account-purge-queue.service';
export { normaliseEmail } from './email.util';
export {
  PASSWORD_MIN_LENGTH,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from './password.util';
export { ROLE_LABELS } from './role-label.constants';
export { WebSessionService } from './web-session.service';
export type {
  MembershipChoice,
  ResolvedSession,
  SessionUser,
  StartedSession,
} from './web-session.types';
