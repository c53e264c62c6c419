import { Module } from '@nestjs/common';
import { IngestionQueueService } from './queue/ingestion-queue.service';
import { SourceService } from './run/source.service';
import { SourceCrawlService } from './run/source-crawl.service';
import { CallExportService } from './store/call-export.service';
import { CallStoreService } from './store/call-store.service';

/**
 * Sources, crawling runs and the call store, for the Nest processes. Needs the global
 * PersistenceModule (DataSource, BackgroundJobService) and ConfigModule (VigieConfig). The queue
 * starts only when used: the CLI never opens it, the api only enqueues.
 */
@Module({
  providers: [
    CallStoreService,
    CallExportService,
    SourceService,
    SourceCrawlService,
    IngestionQueueService,
  ],
  exports: [
    CallStoreService,
    CallExportService,
    SourceService,
    SourceCrawlService,
    IngestionQueueService,
  ],
})
export class IngestionModule {}
