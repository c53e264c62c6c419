import { WatchModule } from '@app/watch';
import { Module } from '@nestjs/common';
import { WatchJobConsumer } from './watch-job.consumer';
import { WatchTickCron } from './watch-tick.cron';

/**
 * Matches changed calls to watch profiles and sends the digests (issues 6 and 16): a cron
 * enqueues, pg-boss jobs do the work on whichever worker is free.
 */
@Module({ imports: [WatchModule], providers: [WatchTickCron, WatchJobConsumer] })
export class WatchJobModule {}
