import { Module } from '@nestjs/common';

/** Scheduled crawling through the PostgreSQL queue (issue 3). */
@Module({})
export class IngestionJobModule {}
