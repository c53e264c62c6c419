import { DataSource, QueryRunner } from 'typeorm';

export interface QueryCounter {
  /** Statements sent to PostgreSQL through this data source since the counter started. */
  readonly count: number;
  stop(): void;
}

/**
 * Counts the statements a data source sends (pg_stat_statements is not available everywhere):
 * every TypeORM path, `dataSource.query` and repositories alike, goes through a query runner's
 * `query`. For tests and benchmarks that hold a number of queries to a budget.
 */
export function countQueries(dataSource: DataSource): QueryCounter {
  const sample = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(sample) as QueryRunner;
  void sample.release();
  const original = prototype.query;
  let count = 0;
  prototype.query = function (this: QueryRunner, ...args: Parameters<QueryRunner['query']>) {
    if (this.connection === dataSource) count++;
    return original.apply(this, args);
  } as QueryRunner['query'];
  return {
    get count() {
      return count;
    },
    stop() {
      prototype.query = original;
    },
  };
}
