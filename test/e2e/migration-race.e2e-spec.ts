import {
  buildDist,
  createTestDatabase,
  freePort,
  startApi,
  startWorker,
  stopProcess,
  type TestDatabase,
} from '@app/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTypeOrmOptions } from '@app/persistence';

/** Five Node processes starting at once on a shared 2-core machine take a while. */
const START_TIMEOUT_MS = 120_000;

/** Issue 16, faults: a whole deployment started at once on an empty database. */
describe('two api processes and three workers started at once on an empty database', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    buildDist();
    database = await createTestDatabase({ migrate: false });
    folder = mkdtempSync(join(tmpdir(), 'vigie-migration-race-'));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    'apply each migration once, and every process starts without error',
    async () => {
      const env = {
        DATABASE_URL: database.url,
        VIGIE_HOME: join(folder, 'home'),
        LOG_LEVEL: 'warn',
      };
      const ports = [await freePort(), await freePort()];
      const started = await Promise.allSettled([
        ...ports.map((port) => startApi({ ...env, PORT: String(port) }, START_TIMEOUT_MS)),
        ...[1, 2, 3].map(() => startWorker(env, START_TIMEOUT_MS)),
      ]);
      const processes = started.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      try {
        expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
        const rows: Array<{ name: string; n: number }> = await database.dataSource.query(
          'SELECT name, count(*)::int AS n FROM migration GROUP BY name',
        );
        const migrations = buildTypeOrmOptions(database.url).migrations as unknown[];
        expect(rows).toHaveLength(migrations.length);
        expect(rows.filter((row) => row.n !== 1)).toEqual([]);
        // One process applied them all; the four others waited for its lock and found none pending.
        const appliers = processes.filter((process) =>
          /Applied migrations:/.test(process.output()),
        );
        expect(appliers).toHaveLength(1);
        for (const process of processes)
          expect(process.output()).not.toMatch(/already exists|duplicate key|"level":50/);
        for (const port of ports) {
          const health = await fetch(`http://127.0.0.1:${port}/health`);
          expect(health.status).toBe(200);
        }
      } finally {
        const codes = await Promise.all(
          processes.map((process) => stopProcess(process.child, 'SIGTERM')),
        );
        expect(codes.every((code) => code === 0)).toBe(true);
      }
    },
    4 * START_TIMEOUT_MS,
  );
});
