import { VigieConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { ANONYMOUS_CSRF_TTL_MS } from './account.constants';
import { signAnonymousCsrf, verifyAnonymousCsrf } from './anonymous-csrf.util';
import { resolveCsrfSecret } from './csrf-secret.util';
import { generateSecretToken, looksLikeSecretToken } from './secret-token.util';

/**
 * CSRF protection of the forms shown before signing in, without a session row: a visit to
 * `/connexion` only sets a cookie holding a random nonce, and the form carries a token signed
 * for that nonce (see anonymous-csrf.util). Anonymous visits thus write nothing to PostgreSQL.
 */
@Injectable()
export class AnonymousCsrfService {
  private readonly secret: string;

  constructor(config: VigieConfig) {
    this.secret = resolveCsrfSecret(config);
  }

  /** The value of a new browser's CSRF cookie. */
  newNonce(): string {
    return generateSecretToken();
  }

  /** True when a cookie value looks like one this service set (else a new one is set). */
  isNonce(value: unknown): value is string {
    return looksLikeSecretToken(value);
  }

  /** The token a form issued at `now` carries, valid ANONYMOUS_CSRF_TTL_MS. */
  tokenFor(nonce: string, now: Date = new Date()): string {
    return signAnonymousCsrf(this.secret, nonce, now.getTime() + ANONYMOUS_CSRF_TTL_MS);
  }

  verify(nonce: unknown, token: unknown, now: Date = new Date()): boolean {
    return this.isNonce(nonce) && verifyAnonymousCsrf(this.secret, nonce, token, now.getTime());
  }
}
