/** A signed-in session ends after this much inactivity (shared computers in EPN are common). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and at the latest this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** An anonymous session only carries the CSRF token of the sign-in and reset forms. */
export const ANONYMOUS_SESSION_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading a page rarely writes. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
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
