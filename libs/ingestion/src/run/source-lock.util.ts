import type { DataSource, QueryRunner } from 'typeorm';

/** Namespace of the per-source advisory locks (first key of the two-int lock). */
const SOURCE_LOCK = 7300;

export interface SourceLock {
  release(): Promise<void>;
}

/**
 * A session advisory lock held for the whole run of a source, on its own connection: whoever
 * holds it is the only process crawling that source, and a process that dies loses it with its
 * connection. So a `running` run found while holding the lock was left by a dead process.
 */
export async function tryLockSource(
  dataSource: DataSource,
  sourceId: string,
): Promise<SourceLock | null> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
      [SOURCE_LOCK, sourceId],
    )) as Array<{ locked: boolean }>;
    if (!locked) {
      await runner.release();
      return null;
    }
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    async release() {
      try {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SOURCE_LOCK, sourceId]);
      } finally {
        await runner.release();
      }
    },
  };
}
