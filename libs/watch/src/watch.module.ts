import { ClassificationModule } from '@app/classifier';
import { Module } from '@nestjs/common';
import { CollectifService } from './collectif/collectif.service';
import { DigestConsentService } from './digest/digest-consent.service';
import { DigestService } from './digest/digest.service';
import { FeedTokenService } from './feed/feed-token.service';
import { FeedQuery } from './feed/feed.query';
import { FeedService } from './feed/feed.service';
import { WatchMatchService } from './match/watch-match.service';
import { WatchProfileService } from './profile/watch-profile.service';
import { WatchQueueService } from './queue/watch-queue.service';
import { CallStateService } from './state/call-state.service';

const services = [
  WatchMatchService,
  WatchProfileService,
  FeedQuery,
  FeedService,
  FeedTokenService,
  CallStateService,
  CollectifService,
  DigestService,
  DigestConsentService,
  WatchQueueService,
];

/** Watch profiles, matches, collectifs and feeds, for the Nest processes. */
@Module({ imports: [ClassificationModule], providers: services, exports: services })
export class WatchModule {}
