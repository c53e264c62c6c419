import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'vigie_';
const KEY_PATTERN = /^vigie_[A-Za-z0-9_-]{43}$/;

/** A new random key: 256 bits, URL-safe, recognisable by its prefix in logs and secret scanners. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Keys are random 256-bit secrets, so a fast hash is enough (no dictionary to slow down);
 * with a pepper it is an HMAC, so the database alone does not let anyone test a key.
 */
export function hashApiKey(key: string, pepper?: string): string {
  return pepper
    ? createHmac('sha256', pepper).update(key).digest('hex')
    : createHash('sha256').update(key).digest('hex');
}

export function apiKeyLooksValid(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** First characters shown in listings ("vigie_AbCd…") so a user can tell keys apart. */
export function apiKeyDisplayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
