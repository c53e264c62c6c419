import type { DataSource } from 'typeorm';

/**
 * Runs a page's read queries without parallel workers. Pages ask for a few rows walked in index
 * order; starting workers costs more than they save (measured by `npm run bench:web`: p95 of a
 * deep page 113 → 49 ms on a busy 2-core machine). SET LOCAL keeps the change to this
 * transaction, so the rest of the application is unaffected.
 */
export async function readForPage<T>(
  dataSource: DataSource,
  queries: (run: <R>(sql: string, parameters?: unknown[]) => Promise<R>) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await manager.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return queries(<R>(sql: string, parameters?: unknown[]) => manager.query<R>(sql, parameters));
  });
}
