import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { SHORT_QUEUES } from './job-name.constants';

const ATTEMPTS = 8;
/** Advisory lock key held while a queue is created (any number, shared by every Vigie process). */
const QUEUE_CREATION_LOCK = 7_301;
/** pg-boss's schema (its default; Vigie never sets another). */
const PGBOSS_SCHEMA = 'pgboss';

/**
 * Creates a pg-boss queue unless it exists. pg-boss 10's create_queue is not serialised: it
 * inserts into `pgboss.queue`, attaches a partition to `pgboss.job` and adds a foreign key to
 * `pgboss.queue`, so two processes creating queues at once can deadlock (each holds the row
 * lock the other's foreign key needs; PostgreSQL aborts one, and a worker exited on it when
 * three started on an empty database). Creation therefore runs under a transaction-scoped
 * advisory lock: the lock and create_queue go as one simple query, which PostgreSQL runs as one
 * implicit transaction (rolled back whole on error, releasing the lock). The retry stays for
 * what the lock cannot cover (a connection lost mid-way).
 */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  const options = JSON.stringify({ policy: SHORT_QUEUES.has(name) ? 'short' : 'standard' });
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss
        .getDb()
        .executeSql(
          `SELECT pg_advisory_xact_lock(${QUEUE_CREATION_LOCK}); ` +
            `SELECT ${PGBOSS_SCHEMA}.create_queue(${literal(name)}, ${literal(options)}::json)`,
          [],
        );
      return;
    } catch (error) {
      if (await boss.getQueue(name)) return;
      if (attempt >= ATTEMPTS) throw error;
      await sleep(50 + Math.floor(Math.random() * 200 * attempt));
    }
  }
}

/** A SQL string literal: the statement is sent without parameters (a multi-statement query). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
