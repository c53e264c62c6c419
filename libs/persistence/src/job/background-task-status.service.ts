import { redactCredentials, type QueueDepthRow } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BackgroundTaskStatus } from './background-job.types';

/** Longest error message shown: enough to diagnose, not a stack trace. */
const MAX_ERROR_LENGTH = 300;

/**
 * Reads every background task's last run, duration and last error from pg-boss's own tables
 * (`pgboss.queue`, `pgboss.job`, `pgboss.archive`) by queue name. Nothing to register: a queue
 * created by any job appears here. pg-boss keeps finished jobs a week (archive), so a task
 * that has not run for longer shows as never run.
 */
@Injectable()
export class BackgroundTaskStatusService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<BackgroundTaskStatus[]> {
    if (!(await this.installed())) return [];
    const rows: Array<{
      name: string;
      last_run_at: Date | null;
      last_duration_ms: string | null;
      last_state: 'completed' | 'failed' | null;
      last_error: string | null;
      last_error_at: Date | null;
      queued: string | null;
      active: string | null;
    }> = await this.dataSource.query(
      `WITH finished AS (
         SELECT name, state, started_on, completed_on, output FROM pgboss.job
          WHERE state IN ('completed', 'failed', 'retry') AND completed_on IS NOT NULL
         UNION ALL
         SELECT name, state, started_on, completed_on, output FROM pgboss.archive
          WHERE state IN ('completed', 'failed') AND completed_on IS NOT NULL),
       last_run AS (
         SELECT DISTINCT ON (name) name, completed_on, started_on,
                CASE WHEN state = 'completed' THEN 'completed' ELSE 'failed' END AS state
           FROM finished ORDER BY name, completed_on DESC),
       last_error AS (
         SELECT DISTINCT ON (name) name, completed_on,
                coalesce(output->>'message', output->'value'->>'message') AS message
           FROM finished WHERE state IN ('failed', 'retry') ORDER BY name, completed_on DESC),
       depth AS (
         SELECT name, count(*) FILTER (WHERE state < 'active') AS queued,
                count(*) FILTER (WHERE state = 'active') AS active
           FROM pgboss.job WHERE state <= 'active' GROUP BY name)
       SELECT q.name, r.completed_on AS last_run_at,
              round(extract(epoch FROM r.completed_on - r.started_on) * 1000) AS last_duration_ms,
              r.state AS last_state, e.message AS last_error, e.completed_on AS last_error_at,
              d.queued, d.active
         FROM pgboss.queue q
         LEFT JOIN last_run r ON r.name = q.name
         LEFT JOIN last_error e ON e.name = q.name
         LEFT JOIN depth d ON d.name = q.name
        WHERE q.name NOT LIKE '\\_\\_pgboss%'
        ORDER BY q.name`,
    );
    return rows.map((row) => ({
      task: row.name,
      lastRunAt: row.last_run_at,
      lastDurationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
      lastOutcome: row.last_state,
      lastError: row.last_error ? shorten(redactCredentials(row.last_error)) : null,
      lastErrorAt: row.last_error_at,
      queued: Number(row.queued ?? 0),
      active: Number(row.active ?? 0),
    }));
  }

  /** Jobs waiting and running per queue, for the Prometheus gauge. */
  async queueDepth(): Promise<QueueDepthRow[]> {
    if (!(await this.installed())) return [];
    const rows: Array<{ name: string; queued: string; active: string }> =
      await this.dataSource.query(
        `SELECT name, count(*) FILTER (WHERE state < 'active') AS queued,
                count(*) FILTER (WHERE state = 'active') AS active
           FROM pgboss.job WHERE state <= 'active' AND name NOT LIKE '\\_\\_pgboss%' GROUP BY name`,
      );
    return rows.flatMap((row) => [
      { queue: row.name, state: 'queued' as const, count: Number(row.queued) },
      { queue: row.name, state: 'active' as const, count: Number(row.active) },
    ]);
  }

  /** pg-boss creates its schema when a process first starts it: before that, nothing ran. */
  private async installed(): Promise<boolean> {
    const [{ present }] = await this.dataSource.query(
      `SELECT to_regclass('pgboss.archive') IS NOT NULL AS present`,
    );
    return present === true;
  }
}

function shorten(message: string): string {
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}
