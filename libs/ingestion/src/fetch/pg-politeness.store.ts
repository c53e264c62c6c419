import type { DataSource } from 'typeorm';
import type { SharedPoliteness, StoredRobots } from './shared-politeness.types';

/**
 * Added to every turn: the turn is taken in the database a moment before the request leaves,
 * and those moments vary by a few ms between processes. Without it two requests taken exactly
 * `delay` apart could reach the host a hair closer than `delay`.
 */
export const SHARED_TURN_GUARD_MS = 25;

/**
 * Politeness through PostgreSQL, the one state every worker shares: a `host_politeness` row
 * per host holds the instant before which nobody may send to it, taken with a single
 * conditional UPDATE (atomic, no lock held while the request runs, nothing stuck when a
 * worker dies); `robots_cache` keeps each origin's robots.txt with its expiry.
 * Instants are the database's clock_timestamp(), so workers' clocks need not agree.
 */
export class PgPolitenessStore implements SharedPoliteness {
  constructor(private readonly dataSource: DataSource) {}

  async claim(host: string, delayMs: number): Promise<number> {
    const hold = delayMs + SHARED_TURN_GUARD_MS;
    const rows: Array<{ wait_ms: number | string }> = await this.dataSource.query(
      `WITH claimed AS (
         INSERT INTO host_politeness AS hp (host, next_allowed_at)
         VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
         ON CONFLICT (host) DO UPDATE
           SET next_allowed_at = clock_timestamp() + make_interval(secs => $2 / 1000.0)
           WHERE hp.next_allowed_at <= clock_timestamp()
         RETURNING 0 AS wait_ms)
       SELECT wait_ms FROM claimed
       UNION ALL
       SELECT greatest(1, ceil(extract(epoch FROM next_allowed_at - clock_timestamp()) * 1000))
         FROM host_politeness WHERE host = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [host, hold],
    );
    // No row at all: another process inserted the host in between; ask again at once.
    return rows.length ? Number(rows[0].wait_ms) : 1;
  }

  async release(host: string, delayMs: number): Promise<void> {
    await this.push(host, delayMs + SHARED_TURN_GUARD_MS);
  }

  async defer(host: string, delayMs: number): Promise<void> {
    await this.push(host, delayMs);
  }

  async readRobots(origin: string): Promise<{ robots: StoredRobots; remainingMs: number } | null> {
    const rows: Array<{
      outcome: StoredRobots['outcome'];
      body: string;
      reason: string | null;
      remaining_ms: string;
    }> = await this.dataSource.query(
      `SELECT outcome, body, unreachable_reason AS reason,
              floor(extract(epoch FROM expires_at - clock_timestamp()) * 1000) AS remaining_ms
         FROM robots_cache
        WHERE origin = $1 AND outcome IS NOT NULL AND expires_at > clock_timestamp()`,
      [origin],
    );
    if (!rows.length) return null;
    const [row] = rows;
    return {
      robots: { outcome: row.outcome, body: row.body, unreachableReason: row.reason },
      remainingMs: Number(row.remaining_ms),
    };
  }

  async claimRobotsDownload(origin: string, forMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO robots_cache AS rc (origin, loading_until)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (origin) DO UPDATE SET loading_until = EXCLUDED.loading_until
         WHERE rc.expires_at <= clock_timestamp()
           AND (rc.loading_until IS NULL OR rc.loading_until <= clock_timestamp())
       RETURNING origin`,
      [origin, forMs],
    );
    return rows.length > 0;
  }

  async writeRobots(origin: string, robots: StoredRobots, ttlMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO robots_cache (origin, outcome, body, unreachable_reason, fetched_at, expires_at)
       VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp() + make_interval(secs => $5 / 1000.0))
       ON CONFLICT (origin) DO UPDATE SET outcome = EXCLUDED.outcome, body = EXCLUDED.body,
         unreachable_reason = EXCLUDED.unreachable_reason, fetched_at = EXCLUDED.fetched_at,
         expires_at = EXCLUDED.expires_at, loading_until = NULL`,
      [origin, robots.outcome, robots.body, robots.unreachableReason, ttlMs],
    );
  }

  /** Moves the host's next turn to now + ms unless it is already later. */
  private async push(host: string, ms: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO host_politeness AS hp (host, next_allowed_at)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (host) DO UPDATE
         SET next_allowed_at = greatest(hp.next_allowed_at, EXCLUDED.next_allowed_at)`,
      [host, ms],
    );
  }
}
