import { loadConfig } from '@app/config';
import { connectDataSource, prepareDatabase, runMigrations } from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Runs a benchmark on a migrated database of its own, on DATABASE_URL's server or the embedded
 * one, dropped at the end (BENCH_KEEP_DB=1 keeps it for EXPLAIN sessions).
 */
export async function withBenchDatabase<T>(
  prefix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false' });
  const prepared = await prepareDatabase(config);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: prepared.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(prepared.url);
  url.pathname = `/${name}`;
  try {
    const dataSource = await connectDataSource(url.toString());
    await runMigrations(dataSource);
    await dataSource.destroy();
    return await work(url.toString());
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`Kept database ${url.toString()}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await prepared.release();
  }
}
