import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CRAWLER_STATE_KEPT_DAYS,
  DEAD_WORKER_AFTER_MINUTES,
  SOURCE_RUN_KEPT_DAYS,
} from './housekeeping.constants';

export interface HousekeepingCounts {
  heartbeats: number;
  sourceRuns: number;
  robots: number;
  hosts: number;
}

/**
 * Keeps the background tables bounded (issue 16, item 5): dead workers' heartbeats, old run
 * records, expired robots.txt copies and hosts not crawled for a day. Ages are the database's
 * now(): retention is about real elapsed time, not the calendar the Clock may pin.
 */
@Injectable()
export class HousekeepingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purge(): Promise<HousekeepingCounts> {
    return {
      heartbeats: await this.deleted(
        `DELETE FROM worker_heartbeat WHERE beat_at < now() - make_interval(mins => $1)`,
        [DEAD_WORKER_AFTER_MINUTES],
      ),
      sourceRuns: await this.deleted(
        `DELETE FROM source_run r WHERE r.finished_at < now() - make_interval(days => $1)
           AND r.started_at < (SELECT max(l.started_at) FROM source_run l WHERE l.source_id = r.source_id)`,
        [SOURCE_RUN_KEPT_DAYS],
      ),
      robots: await this.deleted(
        `DELETE FROM robots_cache WHERE expires_at < now() - make_interval(days => $1)
           AND (loading_until IS NULL OR loading_until < now())`,
        [CRAWLER_STATE_KEPT_DAYS],
      ),
      hosts: await this.deleted(
        `DELETE FROM host_politeness WHERE next_allowed_at < now() - make_interval(days => $1)`,
        [CRAWLER_STATE_KEPT_DAYS],
      ),
    };
  }

  private async deleted(sql: string, parameters: unknown[]): Promise<number> {
    // The postgres driver answers a DELETE with [rows, rowCount].
    const [, affected] = (await this.dataSource.query(sql, parameters)) as [unknown, number];
    return affected ?? 0;
  }
}
