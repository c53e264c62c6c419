import type PgBoss from 'pg-boss';
import { setTimeout as sleep } from 'node:timers/promises';
import { SHORT_QUEUES } from './job-name.constants';

const ATTEMPTS = 8;

/**
 * Creates a pg-boss queue unless it exists. pg-boss 10's create_queue is not serialised: it
 * attaches a partition to `pgboss.job` and adds foreign keys to `pgboss.queue`, so processes
 * starting at once and creating different queues can deadlock (PostgreSQL aborts one of them),
 * and two creating the same queue race. Both are harmless when retried: the loser tries again
 * after a random pause, or finds the queue created by the winner. The policy is the queue's
 * (SHORT_QUEUES), set at creation only.
 */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, {
        name,
        policy: SHORT_QUEUES.has(name) ? 'short' : 'standard',
      });
      return;
    } catch (error) {
      if (await boss.getQueue(name)) return;
      if (attempt >= ATTEMPTS) throw error;
      await sleep(50 + Math.floor(Math.random() * 200 * attempt));
    }
  }
}
