import { createTestDatabase, TestDatabase } from '@app/testing';
import { HousekeepingService } from './housekeeping.service';

/** Rows dated relative to the database's now(): the test does not depend on today's date. */
async function seed(database: TestDatabase): Promise<void> {
  const run = (sql: string) => database.dataSource.query(sql);
  await run(`INSERT INTO worker_heartbeat (worker_id, hostname, pid, started_at, beat_at) VALUES
    ('dead', 'h', 1, now() - interval '2 hours', now() - interval '1 hour'),
    ('alive', 'h', 2, now() - interval '2 hours', now() - interval '30 seconds')`);
  await run(`INSERT INTO source (id, name, kind, url, funder, territory, schedule, definition) VALUES
    ('old-only', 'Ancienne', 'rss', 'https://a.example.org', 'F', '{FR}', '0 6 * * *', '{}'),
    ('busy', 'Active', 'rss', 'https://b.example.org', 'F', '{FR}', '0 6 * * *', '{}')`);
  await run(`INSERT INTO source_run (source_id, status, trigger, started_at, finished_at) VALUES
    ('old-only', 'succeeded', 'schedule', now() - interval '200 days', now() - interval '200 days'),
    ('busy', 'succeeded', 'schedule', now() - interval '120 days', now() - interval '120 days'),
    ('busy', 'succeeded', 'schedule', now() - interval '100 days', now() - interval '100 days'),
    ('busy', 'succeeded', 'schedule', now() - interval '1 day', now() - interval '1 day')`);
  await run(`INSERT INTO robots_cache (origin, outcome, fetched_at, expires_at) VALUES
    ('https://stale.example.org', 'allow_all', now() - interval '3 days', now() - interval '2 days'),
    ('https://fresh.example.org', 'allow_all', now(), now() + interval '1 day')`);
  await run(`INSERT INTO host_politeness (host, next_allowed_at) VALUES
    ('stale.example.org', now() - interval '2 days'), ('fresh.example.org', now())`);
}

describe(HousekeepingService.name, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("removes dead workers' heartbeats, runs older than 90 days but each source's latest, stale crawler state", async () => {
    await seed(database);
    const counts = await new HousekeepingService(database.dataSource).purge();
    expect(counts).toEqual({ heartbeats: 1, sourceRuns: 2, robots: 1, hosts: 1 });
    const list = async (sql: string) =>
      ((await database.dataSource.query(sql)) as Array<{ v: string }>).map((row) => row.v).sort();
    expect(await list('SELECT worker_id AS v FROM worker_heartbeat')).toEqual(['alive']);
    expect(
      await list(
        `SELECT source_id || ':' || (now()::date - started_at::date) AS v FROM source_run`,
      ),
    ).toEqual(['busy:1', 'old-only:200']);
    expect(await list('SELECT origin AS v FROM robots_cache')).toEqual([
      'https://fresh.example.org',
    ]);
    expect(await list('SELECT host AS v FROM host_politeness')).toEqual(['fresh.example.org']);
    // A second pass finds nothing more to do.
    expect(await new HousekeepingService(database.dataSource).purge()).toEqual({
      heartbeats: 0,
      sourceRuns: 0,
      robots: 0,
      hosts: 0,
    });
  });
});
