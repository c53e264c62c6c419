import { redactCredentials } from '@app/common';
import { DataSource } from 'typeorm';
import { startEmbeddedDatabase } from './embedded-database';
import { PersistenceException, PersistenceExceptionCode } from './persistence.exception';
import { buildTypeOrmOptions } from './typeorm-options';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  VIGIE_HOME: string;
  EMBEDDED_PG_PORT: number;
}

export interface DatabaseTarget {
  url: string;
  /** 'external' for DATABASE_URL, 'embedded' otherwise. */
  kind: 'external' | 'embedded';
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/** The database to use: DATABASE_URL when set, else the embedded PostgreSQL (started or joined). */
export async function resolveDatabase(
  settings: DatabaseSettings,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseTarget> {
  if (settings.DATABASE_URL) {
    return { url: settings.DATABASE_URL, kind: 'external', release: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase({
    vigieHome: settings.VIGIE_HOME,
    preferredPort: settings.EMBEDDED_PG_PORT,
    log,
  });
  return { url: embedded.url, kind: 'embedded', release: () => embedded.stop() };
}

/** Opens a TypeORM DataSource, turning any connection failure into a message naming DATABASE_URL. */
export async function connectDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource(buildTypeOrmOptions(url));
  try {
    await dataSource.initialize();
    return dataSource;
  } catch (error) {
    throw new PersistenceException(
      PersistenceExceptionCode.DATABASE_UNREACHABLE,
      `Cannot connect to the database at DATABASE_URL=${redactCredentials(url)}: ${(error as Error).message}`,
    );
  }
}

/**
 * Arbitrary, fixed: the advisory lock every process takes before applying migrations (issue 16,
 * item 6). TypeORM's own check of pending migrations is not atomic: two processes started at
 * once would both see a migration pending and both apply it.
 */
export const MIGRATION_LOCK = 16_000_006;

/**
 * Applies pending migrations under a session advisory lock held on its own connection; returns
 * their names. A process that waited for the lock finds nothing pending and applies nothing.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}

/** SQL the entities would need that the migrations did not create: empty when they agree. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

export interface PreparedDatabase extends DatabaseTarget {
  /** Migrations applied by this start. */
  applied: string[];
}

/**
 * What every process does before Nest starts: find the database, prove it answers (a wrong
 * DATABASE_URL fails here, in seconds, naming the variable) and apply pending migrations.
 */
export async function prepareDatabase(
  settings: DatabaseSettings & { MIGRATIONS_RUN: boolean },
  log: (message: string) => void = () => undefined,
): Promise<PreparedDatabase> {
  const target = await resolveDatabase(settings, log);
  try {
    const dataSource = await connectDataSource(target.url);
    try {
      const applied = settings.MIGRATIONS_RUN ? await runMigrations(dataSource) : [];
      if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
      return { ...target, applied };
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await target.release();
    throw error;
  }
}
