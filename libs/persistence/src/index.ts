export {
  connectDataSource,
  prepareDatabase,
  type PreparedDatabase,
  resolveDatabase,
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
export { DATABASE_URL, PersistenceModule } from './persistence.module';
export { PersistenceException, PersistenceExceptionCode } from './persistence.exception';
export { buildTypeOrmOptions } from './typeorm-options';
export { countQueries, type QueryCounter } from './query-counter.util';
export { CALL_SEARCH_TEXT, callSearchClause, callSearchPatterns } from './call-text-search.util';
