import { loggingModule } from '@app/common';
import { ConfigModule, VigieConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountJobModule } from './account/account-job.module';
import { ClassificationJobModule } from './classification/classification-job.module';
import { HeartbeatCron } from './heartbeat/heartbeat.cron';
import { HousekeepingJobModule } from './housekeeping/housekeeping-job.module';
import { IngestionJobModule } from './ingestion/ingestion-job.module';
import { WorkerMetricsServer } from './metrics/worker-metrics.server';
import { WatchJobModule } from './watch/watch-job.module';

/**
 * The background process: every task is a pg-boss job (BackgroundJobService) that crons only
 * enqueue and whichever worker is free runs. It never loads controllers.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: VigieConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config.LOG_LEVEL, 'worker'),
        PersistenceModule.forRoot(databaseUrl, {
          jobRole: 'worker',
          jobMaintenanceSeconds: config.JOB_MAINTENANCE_SECONDS,
        }),
        ScheduleModule.forRoot(),
        IngestionJobModule,
        ClassificationJobModule,
        WatchJobModule,
        AccountJobModule,
        HousekeepingJobModule,
      ],
      providers: [HeartbeatCron, WorkerMetricsServer],
    };
  }
}
