import { WatchModule } from '@app/watch';
import { Module } from '@nestjs/common';
import { WatchJob } from './watch.job';

/** Matches changed calls to watch profiles and sends the digests (issue 6). */
@Module({ imports: [WatchModule], providers: [WatchJob] })
export class WatchJobModule {}
