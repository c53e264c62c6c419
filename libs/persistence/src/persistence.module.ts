import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { entities } from './entity';
import { BackgroundJobService } from './job/background-job.service';
import type { JobRole } from './job/background-job.types';
import { BackgroundTaskStatusService } from './job/background-task-status.service';
import { DATABASE_URL, JOB_MAINTENANCE_SECONDS, JOB_ROLE } from './persistence.tokens';
import { buildTypeOrmOptions } from './typeorm-options';

export { DATABASE_URL, JOB_MAINTENANCE_SECONDS, JOB_ROLE } from './persistence.tokens';

/**
 * The database connection for a Nest process; repositories of every entity are injectable, and
 * the job queue (BackgroundJobService: `jobRole` worker runs jobs, producer only enqueues).
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(
    url: string,
    options: { jobRole?: JobRole; jobMaintenanceSeconds?: number } = {},
  ): DynamicModule {
    const feature = TypeOrmModule.forFeature(entities);
    return {
      module: PersistenceModule,
      imports: [
        // The database was checked before Nest started; a later outage must not hang the start.
        TypeOrmModule.forRoot({ ...buildTypeOrmOptions(url), retryAttempts: 1, retryDelay: 1000 }),
        feature,
      ],
      providers: [
        { provide: DATABASE_URL, useValue: url },
        { provide: JOB_ROLE, useValue: options.jobRole ?? 'producer' },
        { provide: JOB_MAINTENANCE_SECONDS, useValue: options.jobMaintenanceSeconds ?? null },
        BackgroundJobService,
        BackgroundTaskStatusService,
      ],
      exports: [feature, DATABASE_URL, JOB_ROLE, BackgroundJobService, BackgroundTaskStatusService],
    };
  }
}
