import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ANONYMOUS_CSRF_TTL_MS, AUTH_TOKEN_KEPT_MS, SIGN_IN_WINDOW_MS } from './account.constants';

export interface AccountPurgeCounts {
  sessions: number;
  tokens: number;
  throttles: number;
}

/**
 * Deletes what has stopped meaning anything: expired sessions, single-use links expired for a
 * while, and sign-in counts whose window is over. Run by the worker's purge job, never on a
 * request (a visit or a sign-in must not pay for it).
 */
@Injectable()
export class AccountPurgeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purgeExpired(now: Date = new Date()): Promise<AccountPurgeCounts> {
    const deleted = async (sql: string, parameters: unknown[]): Promise<number> => {
      const [, affected] = (await this.dataSource.query(sql, parameters)) as [unknown, number];
      return affected ?? 0;
    };
    return {
      // Indexed on expires_at (ix_web_session_expires_at).
      // Expired sessions, and sessions nobody signed into, idle longer than an anonymous form lives.
      sessions: await deleted(
        `DELETE FROM web_session
          WHERE expires_at <= $1 OR (user_id IS NULL AND last_seen_at <= $2)`,
        [now, new Date(now.getTime() - ANONYMOUS_CSRF_TTL_MS)],
      ),
      tokens: await deleted('DELETE FROM auth_token WHERE expires_at <= $1', [
        new Date(now.getTime() - AUTH_TOKEN_KEPT_MS),
      ]),
      throttles: await deleted('DELETE FROM sign_in_throttle WHERE window_started_at <= $1', [
        new Date(now.getTime() - SIGN_IN_WINDOW_MS),
      ]),
    };
  }
}
