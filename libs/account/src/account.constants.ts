/** A signed-in session ends after this much inactivity (shared computers in EPN are common). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and at the latest this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * How long a public form (sign-in, reset, invitation) may stay open before its stateless CSRF
 * token expires; the page then just has to be reloaded.
 */
export const ANONYMOUS_CSRF_TTL_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading a page rarely writes. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/**
 * An expired or used link is deleted by the purge job this long after its expiry: long enough
 * to answer « who was invited last week? », short enough not to keep addresses for nothing.
 */
export const AUTH_TOKEN_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** Reset links sent to one address per hour, so the form cannot be used to flood a mailbox. */
export const PASSWORD_RESETS_PER_HOUR = 3;

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per e-mail address in the window (guessing one account's password). */
export const SIGN_IN_FAILURES_PER_EMAIL = 5;
/** Failed sign-ins allowed per client IP in the window (spraying many accounts). */
export const SIGN_IN_FAILURES_PER_IP = 20;
/** Wrong passwords allowed per invitation link in the window (guessing through a forwarded link). */
export const SIGN_IN_FAILURES_PER_TOKEN = 5;

export const SESSION_COOKIE = 'vigie_session';
/** The random nonce the public forms' CSRF tokens are signed for (no session row behind it). */
export const ANONYMOUS_CSRF_COOKIE = 'vigie_csrf';
