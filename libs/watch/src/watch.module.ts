import { Module } from '@nestjs/common';

/** Watch profiles, matches, collectifs and feeds, for the Nest processes. */
@Module({})
export class WatchModule {}
