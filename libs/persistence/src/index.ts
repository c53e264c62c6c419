export {
  connectDataSource,
  prepareDatabase,
  type PreparedDatabase,
  resolveDatabase,
  MIGRATION_LOCK,
  runMigrations,
  schemaDrift,
  type DatabaseSettings,
  type DatabaseTarget,
} from './database';
export {
  EMBEDDED_DATABASE_NAME,
  embeddedUrl,
  resolveDataDir,
  runningServer,
  startEmbeddedDatabase,
} from './embedded-database';
export * from './entity';
export { generateMigration } from './migration-generator';
export {
  DATABASE_URL,
  JOB_MAINTENANCE_SECONDS,
  JOB_ROLE,
  PersistenceModule,
} from './persistence.module';
export { BackgroundJobService } from './job/background-job.service';
export { BackgroundTaskStatusService } from './job/background-task-status.service';
export type {
  BackgroundTaskStatus,
  EnqueueOptions,
  JobRole,
  WorkOptions,
} from './job/background-job.types';
export { JobName } from './job/job-name.constants';
export { PersistenceException, PersistenceExceptionCode } from './persistence.exception';
export { buildTypeOrmOptions } from './typeorm-options';
export { countQueries, type QueryCounter } from './query-counter.util';
export { CALL_SEARCH_TEXT, callSearchClause, callSearchPatterns } from './call-text-search.util';
