import { ApiKey } from './api-key.entity';
import { Application } from './application.entity';
import { ApplicationEvent } from './application-event.entity';
import { FundingLine } from './funding-line.entity';
import { TreasurySettingsRecord } from './treasury-settings.entity';
import { Call } from './call.entity';
import { CallClassification } from './call-classification.entity';
import { CallEligibility } from './call-eligibility.entity';
import { LegalFormCallVerdict } from './legal-form-call-verdict.entity';
import { CallFeedback } from './call-feedback.entity';
import { OrganisationCallScore, OrganisationScoreState } from './organisation-call-score.entity';
import { CallEvent } from './call-event.entity';
import { CallSource } from './call-source.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Source } from './source.entity';
import { SourceRun } from './source-run.entity';
import { User } from './user.entity';
import { WorkerHeartbeat } from './worker-heartbeat.entity';
import { CollectifDigest } from './collectif-digest.entity';
import { CollectifMembership } from './collectif-membership.entity';
import { DigestDelivery } from './digest-delivery.entity';
import { DigestRecipient } from './digest-recipient.entity';
import { DigestSchedule } from './digest-schedule.entity';
import { FeedToken } from './feed-token.entity';
import { OrganisationCallState } from './organisation-call-state.entity';
import { SharedPick } from './shared-pick.entity';
import { WatchCallChange } from './watch-call-change.entity';
import { WatchCursor } from './watch-cursor.entity';
import { WatchMatch } from './watch-match.entity';
import { WatchProfile } from './watch-profile.entity';
import { AuthToken } from './auth-token.entity';
import { SignInThrottle } from './sign-in-throttle.entity';
import { UserCredential } from './user-credential.entity';
import { WebSession } from './web-session.entity';
import { ActivityEntry } from './activity-entry.entity';
import { ImpactReferenceOverride } from './impact-reference-override.entity';
import { OrganisationIndicator } from './organisation-indicator.entity';

export {
  ActivityEntry,
  ImpactReferenceOverride,
  OrganisationIndicator,
  AuthToken,
  CollectifDigest,
  SignInThrottle,
  UserCredential,
  WebSession,
  CollectifMembership,
  DigestDelivery,
  DigestRecipient,
  DigestSchedule,
  FeedToken,
  OrganisationCallState,
  SharedPick,
  WatchCallChange,
  WatchCursor,
  WatchMatch,
  WatchProfile,
  ApiKey,
  Application,
  ApplicationEvent,
  FundingLine,
  TreasurySettingsRecord,
  Call,
  CallClassification,
  CallEligibility,
  LegalFormCallVerdict,
  CallFeedback,
  OrganisationCallScore,
  OrganisationScoreState,
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
export type { AuthTokenPurpose } from './auth-token.entity';
export type { CollectifMembershipStatus } from './collectif-membership.entity';
export type { DigestDeliveryStatus } from './digest-delivery.entity';
export type { DigestConsentMailStatus, DigestRecipientStatus } from './digest-recipient.entity';
export { CALL_STATUSES, type CallStatus } from './organisation-call-state.entity';
export { DIGEST_FREQUENCIES, type DigestFrequency } from './watch-profile.entity';
export type { StoredExpense, StoredIndicator, StoredTask } from './application.entity';
export type { StoredClaim, StoredFundingSchedule } from './funding-line.entity';
export type { StoredRecurringFlow } from './treasury-settings.entity';
export type { StoredDeadline, StoredDocument } from './call.entity';
export type { StoredExplanationEntry, StoredThemeScore } from './call-classification.entity';
export type { StoredBeneficiary } from './call-eligibility.entity';
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
  CallClassification,
  CallEligibility,
  LegalFormCallVerdict,
  CallFeedback,
  Application,
  ApplicationEvent,
  FundingLine,
  TreasurySettingsRecord,
  WatchProfile,
  WatchMatch,
  WatchCallChange,
  WatchCursor,
  OrganisationCallState,
  CollectifMembership,
  SharedPick,
  FeedToken,
  DigestDelivery,
  UserCredential,
  WebSession,
  AuthToken,
  SignInThrottle,
  CollectifDigest,
  DigestRecipient,
  ActivityEntry,
  OrganisationIndicator,
  ImpactReferenceOverride,
  OrganisationCallScore,
  OrganisationScoreState,
  DigestSchedule,
];
