export { WatchModule } from './watch.module';
export { WatchException, WatchExceptionCode } from './watch.exception';
export { AUDIENCE_IDS, AUDIENCE_LABELS, DEADLINE_SOON_DAYS } from './watch.constants';
export type {
  CompiledProfile,
  MatchableCall,
  MatchResult,
  ProfileCriteria,
  WatchProfileInput,
} from './profile/watch-profile.types';
export { compileProfile } from './profile/profile.compiler';
export { matchCall } from './profile/profile.matcher';
export { PreparedCall } from './profile/prepared-call';
export { WatchProfileService } from './profile/watch-profile.service';
export {
  MATCH_CALL_BATCH,
  WatchMatchService,
  type ChangedCalls,
  type RefreshOutcome,
} from './match/watch-match.service';
export { WatchQueueService } from './queue/watch-queue.service';
export {
  DIGEST_TICK_LIMIT,
  FULL_REMATCH_THRESHOLD,
  REMATCH_RANGES,
  WATCH_JOB_CONCURRENCY,
  WatchJobName,
  type DigestBatchJob,
  type MatchCallsJob,
  type RematchProfilesJob,
} from './queue/watch-queue.constants';
export type { LoadedCall } from './match/call-loader';
export type { FeedItem, FeedMeta, MatchPage, MatchQuery, MatchSort } from './feed/feed-item.types';
export { FeedQuery } from './feed/feed.query';
export {
  FEED_CONTENT_TYPES,
  FeedService,
  type FeedFormat,
  type FeedVersion,
  type RenderedFeed,
} from './feed/feed.service';
export { FeedTokenService, type IssuedFeedToken } from './feed/feed-token.service';
export { renderRss } from './feed/rss.renderer';
export { renderAtom } from './feed/atom.renderer';
export { renderJsonFeed } from './feed/json-feed.renderer';
export { renderIcal } from './feed/ical.renderer';
export { renderMatchesCsv } from './csv/csv.renderer';
export { CallStateService, type CallStatePatch } from './state/call-state.service';
export { CollectifService } from './collectif/collectif.service';
export type {
  CollectifDigestInput,
  CollectifDigestSettings,
  InviteeCandidate,
  InviteeLookup,
  MemberActivity,
  PickInput,
  PickView,
  SharingSettings,
} from './collectif/collectif.types';
export {
  DIGEST_BATCH_SIZE,
  DigestService,
  type DigestRunOutcome,
  type DigestSubject,
  type DueDigests,
} from './digest/digest.service';
export { MAIL_SENDER, type MailSender, type OutgoingMail } from './digest/digest.types';
export {
  collectifSubjectKey,
  DIGEST_RECIPIENT_LABELS,
  DigestConsentService,
  profileSubjectKey,
  type DigestLinkView,
  type DigestRecipientState,
  type DigestRecipientView,
} from './digest/digest-consent.service';
export { CONSENT_PATH, UNSUBSCRIBE_PATH } from './digest/digest-link.util';
export { seedDemoWatch, feedUrls, type DemoWatch, type FeedUrls } from './demo/seed-demo-watch';
export { formatEuros } from '@app/common';
