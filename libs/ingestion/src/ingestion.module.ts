import { Module } from '@nestjs/common';

/** Sources, crawling runs and the call store, for the Nest processes. */
@Module({})
export class IngestionModule {}
