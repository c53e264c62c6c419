import { Module } from '@nestjs/common';

/** Watch profiles, collectifs and feeds (issue 6). */
@Module({})
export class WatchApiModule {}
