import { IngestionModule } from '@app/ingestion';
import { Module } from '@nestjs/common';
import { IngestionScheduleCron } from './ingestion-schedule.cron';
import { SourceRunConsumer } from './source-run.consumer';

/** Scheduled crawling through the PostgreSQL queue: ticks enqueue due sources, consumers run them. */
@Module({
  imports: [IngestionModule],
  providers: [IngestionScheduleCron, SourceRunConsumer],
})
export class IngestionJobModule {}
