import { vigieMetrics } from '@app/common';
import { VigieConfig } from '@app/config';
import { IngestionQueueService, SourceCrawlService, type RunSourceJob } from '@app/ingestion';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/** Runs the queued sources, a few at a time per worker process. */
@Injectable()
export class SourceRunConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourceRunConsumer.name);

  constructor(
    private readonly queue: IngestionQueueService,
    private readonly crawler: SourceCrawlService,
    private readonly config: VigieConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A run left `running` by a killed process is re-run now rather than at its next window
    // (only when its lock is free: another live worker may still be running it).
    for (const { sourceId, runId } of await this.crawler.orphanedRuns()) {
      if (await this.queue.enqueueRecovery(sourceId, runId))
        this.logger.warn(`Source ${sourceId}: re-running the run interrupted (${runId})`);
    }
    // Timed per job by BackgroundJobService (vigie_job_duration_seconds).
    await this.queue.consume(this.config.INGESTION_CONCURRENCY, (job) => this.run(job));
  }

  private async run(job: RunSourceJob): Promise<void> {
    const report = await this.crawler.runSource(job.sourceId, job.trigger);
    if (report.status === 'skipped') {
      this.logger.log(
        `Source ${job.sourceId}: skipped, ${report.skippedReason ?? 'already being crawled by another process'}`,
      );
      return;
    }
    if (report.sourceError) vigieMetrics.crawlErrors.inc({ source: job.sourceId, scope: 'source' });
    if (report.failed)
      vigieMetrics.crawlErrors.inc({ source: job.sourceId, scope: 'item' }, report.failed);
    this.logger.log(
      `Source ${job.sourceId} (${job.trigger}${job.window ? ` ${job.window}` : ''}): ${report.status}, ${report.fetched} fetched, ` +
        `${report.created + report.sourceAdded} new, ${report.changed} changed, ${report.unchanged} unchanged, ${report.failed} failed` +
        (report.sourceError ? ` — ${report.sourceError}` : ''),
    );
  }
}
