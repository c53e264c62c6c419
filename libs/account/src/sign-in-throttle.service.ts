import { SignInThrottle } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  SIGN_IN_FAILURES_PER_EMAIL,
  SIGN_IN_FAILURES_PER_IP,
  SIGN_IN_WINDOW_MS,
} from './account.constants';
import { AccountException } from './account.exception';

interface ThrottleRow {
  key: string;
  failures: number;
  retry_after: number;
}

/**
 * Counts failed sign-ins per IP and per e-mail in a fixed window. A blocked attempt is refused
 * before the password is checked, so a guesser learns nothing while blocked.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    @InjectRepository(SignInThrottle) private readonly throttles: Repository<SignInThrottle>,
  ) {}

  async assertAllowed(ip: string, email: string): Promise<void> {
    const rows: ThrottleRow[] = await this.throttles.query(
      `SELECT key, failures,
              CEIL(EXTRACT(EPOCH FROM window_started_at + make_interval(secs => $3) - now()))::int
                AS retry_after
         FROM sign_in_throttle
        WHERE key = ANY($1) AND window_started_at > now() - make_interval(secs => $3)
          AND failures >= CASE WHEN key LIKE 'ip:%' THEN $2::int ELSE $4::int END`,
      [
        keysOf(ip, email),
        SIGN_IN_FAILURES_PER_IP,
        SIGN_IN_WINDOW_MS / 1000,
        SIGN_IN_FAILURES_PER_EMAIL,
      ],
    );
    if (rows.length > 0) {
      throw AccountException.tooManyAttempts(Math.max(...rows.map((r) => r.retry_after)));
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    for (const key of keysOf(ip, email)) {
      await this.throttles.query(
        `INSERT INTO sign_in_throttle (key, window_started_at, failures) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.window_started_at <= now() - make_interval(secs => $2)
                           THEN 1 ELSE sign_in_throttle.failures + 1 END,
           window_started_at = CASE WHEN sign_in_throttle.window_started_at <= now() - make_interval(secs => $2)
                                    THEN now() ELSE sign_in_throttle.window_started_at END`,
        [key, SIGN_IN_WINDOW_MS / 1000],
      );
    }
  }

  /** A right password clears the e-mail's count (not the IP's: one success must not reset a spray). */
  async recordSuccess(email: string): Promise<void> {
    await this.throttles.delete({ key: `email:${email}` });
  }
}

function keysOf(ip: string, email: string): string[] {
  return [`ip:${ip}`, `email:${email}`];
}
