import { AccountPurgeQueueService, AccountPurgeService } from '@app/account';
import { BackgroundJobService } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { AccountPurgeConsumer } from './account-purge.consumer';
import { AccountPurgeCron } from './account-purge.cron';

/** Rows dated relative to the database's now(): the test does not depend on today's date. */
async function seed(database: TestDatabase): Promise<void> {
  const run = (sql: string) => database.dataSource.query(sql);
  await run(`INSERT INTO web_session (token_hash, csrf_token, last_seen_at, expires_at) VALUES
    ('expired-session', 'c', now() - interval '3 hours', now() - interval '1 second'),
    ('live-session', 'c', now(), now() + interval '1 hour')`);
  await run(`INSERT INTO auth_token (token_hash, purpose, email, expires_at) VALUES
    ('link-expired-long-ago', 'password_reset', 'a@exemple.fr', now() - interval '31 days'),
    ('link-expired-yesterday', 'invitation', 'b@exemple.fr', now() - interval '1 day'),
    ('link-live', 'invitation', 'c@exemple.fr', now() + interval '6 days')`);
  await run(`INSERT INTO sign_in_throttle (key, window_started_at, failures) VALUES
    ('ip:198.51.100.1', now() - interval '16 minutes', 5),
    ('ip:198.51.100.2', now() - interval '1 minute', 5)`);
}

async function keys(database: TestDatabase, sql: string): Promise<string[]> {
  const rows = (await database.dataSource.query(sql)) as Array<{ key: string }>;
  return rows.map((row) => row.key).sort();
}

describe('account purge job (issue 17, finding 7)', () => {
  let database: TestDatabase;
  let jobs: BackgroundJobService;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await jobs?.onApplicationShutdown();
    await database.drop();
  });

  it('finding 7: the purge job removes expired rows and keeps live ones; crons enqueue one job per slot', async () => {
    await seed(database);
    jobs = new BackgroundJobService(database.url, 'worker');
    const queue = new AccountPurgeQueueService(jobs);
    const cron = new AccountPurgeCron(queue);
    // Two workers' crons in the same slot: one job.
    expect(await cron.tick()).toEqual(expect.any(String));
    expect(await cron.tick()).toBeNull();

    const consumer = new AccountPurgeConsumer(queue, new AccountPurgeService(database.dataSource));
    await consumer.onApplicationBootstrap();
    const sessions = () => keys(database, 'SELECT token_hash AS key FROM web_session');
    const deadline = Date.now() + 30_000;
    while ((await sessions()).includes('expired-session') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    expect(await sessions()).toEqual(['live-session']);
    expect(await keys(database, 'SELECT token_hash AS key FROM auth_token')).toEqual([
      'link-expired-yesterday',
      'link-live',
    ]);
    expect(await keys(database, 'SELECT key FROM sign_in_throttle')).toEqual(['ip:198.51.100.2']);
  }, 60_000);
});
