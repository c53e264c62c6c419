import { DataSourceOptions } from 'typeorm';
import { entities } from './entity';
import { migrations } from './migration';

/** The one place TypeORM is configured; the apps, the CLI and data-source.ts all use it. */
export function buildTypeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: ['error'],
    // Fail fast on a wrong host instead of hanging on the default of no timeout.
    connectTimeoutMS: 5000,
    // The pid tells an operator (and the fault tests) which process holds a connection or a lock.
    extra: { max: 10, application_name: `vigie:${process.pid}` },
  };
}
