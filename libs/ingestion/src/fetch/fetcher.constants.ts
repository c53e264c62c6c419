export const DEFAULT_USER_AGENT = 'Vigie/0.1';
export const DEFAULT_MIN_DELAY_MS = 1_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_MAX_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_ROBOTS_ERROR_TTL_MS = 10 * 60 * 1000;
/** RFC 9309 §2.5: crawlers must read at least 500 KiB of robots.txt; more may be ignored. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
export const ACCEPT_ENCODING = 'gzip, deflate, br';
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
