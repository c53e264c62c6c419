import { loadConfig } from '@app/config';
import { BackgroundJobService, JobName } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/**
 * Issue 16, item 1: a worker process owns one pg-boss (one pool, one maintenance loop) that
 * every queue shares, crawls, watch, account purge and periodic tasks alike. Each pg-boss
 * names its connections (`application_name`), so a second instance shows in pg_stat_activity.
 */
describe('a booted worker', () => {
  let database: TestDatabase;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.close();
    await database.drop();
  });

  it('runs every queue on one pg-boss pool, created with its policy', async () => {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      METRICS_PORT: '',
    });
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, database.url),
      { logger: false },
    );
    await worker.init();
    expect(worker.get(BackgroundJobService).role).toBe('worker');

    // pg-boss's connections (TypeORM's are `vigie:<pid>`): one instance, one bounded pool.
    const pools: Array<{ name: string; connections: string }> = await database.dataSource.query(
      `SELECT application_name AS name, count(*) AS connections FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'vigie-%'
        GROUP BY application_name`,
    );
    expect(pools.map((pool) => pool.name)).toEqual(['vigie-jobs-worker']);
    expect(Number(pools[0].connections)).toBeLessThanOrEqual(4);

    // Every consumer is bound once init returns: their queues exist, with their policy.
    const queues: Array<{ name: string; policy: string }> = await database.dataSource.query(
      `SELECT name, policy FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name COLLATE "C"`,
    );
    expect(queues).toEqual(
      Object.values(JobName)
        .sort()
        .map((name) => ({
          name,
          policy:
            name === JobName.WATCH_MATCH_CHANGES || name === JobName.WATCH_DIGEST_TICK
              ? 'short'
              : 'standard',
        })),
    );
  }, 60_000);
});
