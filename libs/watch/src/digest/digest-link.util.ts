import { createHash, randomBytes } from 'node:crypto';

/**
 * Paths of the e-mailed digest links. Both end in a secret token: the request log masks
 * whatever follows these prefixes, so keep the token as the last path segment.
 */
export const UNSUBSCRIBE_PATH = '/desabonnement';
export const CONSENT_PATH = '/confirmation-envoi';

/** How long an outside address may take to confirm before the link stops working. */
export const CONSENT_TOKEN_DAYS = 14;

/** 256 random bits, URL-safe. */
export function generateLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token: reading it alone gives no working link. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Only well-formed tokens reach the database (43 base64url characters). */
export function looksLikeLinkToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
