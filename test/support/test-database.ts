import { connectDataSource, runMigrations } from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Drops the database; call it in afterAll. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.VIGIE_TEST_ADMIN_URL;
  if (!url) throw new Error('VIGIE_TEST_ADMIN_URL is not set: run through jest (global setup).');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A brand-new database for one test file, built by the real migrations, so test files never
 * see each other's rows. `migrate: false` leaves it empty (for migration tests).
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(adminUrl(), name);
  const dataSource = await connectDataSource(url);
  if (options.migrate !== false) await runMigrations(dataSource);
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
