import { createHmac } from 'node:crypto';
import { sameSecret } from './secret-token.util';

/**
 * A CSRF token for the anonymous forms that needs no stored state: `<expiry>.<signature>`, the
 * signature an HMAC-SHA256 of the browser's CSRF cookie (a random nonce) and the expiry (Unix
 * seconds) with the server's secret. A POST must carry both the cookie and a token signed for
 * it: a page on another site can neither read the cookie nor forge the signature, and a token
 * taken from one browser does not fit another's cookie (double-submit, signed).
 */
export function signAnonymousCsrf(secret: string, nonce: string, expiresAtMs: number): string {
  const expires = Math.floor(expiresAtMs / 1000);
  return `${expires}.${signature(secret, nonce, expires)}`;
}

/** True when the token was signed with this secret for this nonce and has not expired at `now`. */
export function verifyAnonymousCsrf(
  secret: string,
  nonce: unknown,
  token: unknown,
  nowMs: number,
): boolean {
  if (typeof nonce !== 'string' || typeof token !== 'string' || nonce.length === 0) return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= nowMs) return false;
  return sameSecret(match[2], signature(secret, nonce, expires));
}

function signature(secret: string, nonce: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`vigie-anonymous-csrf.${nonce}.${expires}`)
    .digest('base64url');
}
