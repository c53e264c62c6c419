import { WatchModule } from '@app/watch';
import { Module } from '@nestjs/common';
import { CallStateController } from './call-state.controller';
import { CollectifController } from './collectif.controller';
import { FeedController } from './feed.controller';
import { WatchProfileController } from './watch-profile.controller';

/** Watch profiles, collectifs and feeds (issue 6). */
@Module({
  imports: [WatchModule],
  controllers: [WatchProfileController, CallStateController, CollectifController, FeedController],
})
export class WatchApiModule {}
