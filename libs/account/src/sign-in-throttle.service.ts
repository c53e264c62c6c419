import { SignInThrottle } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  SIGN_IN_FAILURES_PER_EMAIL,
  SIGN_IN_FAILURES_PER_IP,
  SIGN_IN_FAILURES_PER_TOKEN,
  SIGN_IN_WINDOW_MS,
} from './account.constants';
import { AccountException } from './account.exception';
import { hashSecretToken } from './secret-token.util';

interface CountedRow {
  key: string;
  failures: number;
  retry_after: number;
}

/** What one password attempt is counted against. */
export interface AttemptKeys {
  ip: string;
  email: string;
  /** An invitation link's raw token: stored hashed, never as it is. */
  token?: string;
}

/**
 * Counts password attempts per IP, per e-mail (and per invitation link) in a fixed window.
 * The attempt is counted *before* the password is checked, in one atomic upsert per key, so
 * parallel guesses (from one or many api processes) cannot all slip under the limit; a right
 * password then gives its attempt back. A blocked attempt is refused before the password is
 * checked, so a guesser learns nothing while blocked.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectRepository(SignInThrottle) private readonly throttles: Repository<SignInThrottle>,
  ) {}

  /** Counts one attempt; throws TOO_MANY_ATTEMPTS when it goes over any key's limit. */
  async countAttempt(keys: AttemptKeys): Promise<void> {
    const counted = keysOf(keys);
    // One statement for every key: each row is locked by its upsert, so concurrent attempts
    // are serialised per key and every one sees the count including itself.
    const rows: CountedRow[] = await this.throttles.query(
      `INSERT INTO sign_in_throttle (key, window_started_at, failures)
       SELECT k, now(), 1 FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN sign_in_throttle.window_started_at <= now() - make_interval(secs => $2)
                         THEN 1 ELSE sign_in_throttle.failures + 1 END,
         window_started_at = CASE WHEN sign_in_throttle.window_started_at <= now() - make_interval(secs => $2)
                                  THEN now() ELSE sign_in_throttle.window_started_at END
       RETURNING key, failures,
         CEIL(EXTRACT(EPOCH FROM window_started_at + make_interval(secs => $2) - now()))::int
           AS retry_after`,
      [counted.map((c) => c.key), SIGN_IN_WINDOW_MS / 1000],
    );
    const limitOf = new Map(counted.map((c) => [c.key, c.limit]));
    const over = rows.filter((row) => row.failures > (limitOf.get(row.key) ?? 0));
    if (over.length > 0) {
      throw AccountException.tooManyAttempts(Math.max(1, ...over.map((r) => r.retry_after)));
    }
  }

  /**
   * A right password: the e-mail's (and link's) count is cleared and the IP's attempt given
   * back, so people signing in from one shared address (an EPN) never block each other, while
   * one success does not reset a spray's count either.
   */
  async recordSuccess(keys: AttemptKeys): Promise<void> {
    const cleared = keysOf(keys)
      .map((c) => c.key)
      .filter((key) => !key.startsWith('ip:'));
    await this.throttles.query(`DELETE FROM sign_in_throttle WHERE key = ANY($1::text[])`, [
      cleared,
    ]);
    await this.throttles.query(
      `UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = $1`,
      [`ip:${keys.ip}`],
    );
  }
}

function keysOf(keys: AttemptKeys): Array<{ key: string; limit: number }> {
  const counted = [
    { key: `ip:${keys.ip}`, limit: SIGN_IN_FAILURES_PER_IP },
    { key: `email:${keys.email}`, limit: SIGN_IN_FAILURES_PER_EMAIL },
  ];
  if (keys.token) {
    counted.push({
      key: `invitation:${hashSecretToken(keys.token)}`,
      limit: SIGN_IN_FAILURES_PER_TOKEN,
    });
  }
  return counted;
}
