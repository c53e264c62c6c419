import type { FeedFormat } from '@app/watch';
import type { IncomingHttpHeaders } from 'node:http';

const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.(rss|atom|json|ics)$/;
const FEED_PATH = /^\/feeds\/([A-Za-z0-9_-]{20,100})\.(rss|atom|json|ics)$/;

export const FEED_CACHE_CONTROL = 'private, max-age=0, must-revalidate';

export interface FeedAddress {
  token: string;
  format: FeedFormat;
}

const toAddress = (match: RegExpExecArray | null): FeedAddress | null =>
  match ? { token: match[1], format: match[2] as FeedFormat } : null;

/** `<token>.<format>`, the last segment of a feed address. */
export function parseFeedFile(file: string): FeedAddress | null {
  return toAddress(FEED_FILE.exec(file));
}

/**
 * A raw request URL that is exactly a feed address. Anything else (a query string, a trailing
 * slash, another case) is left to the router, which knows its own matching rules.
 */
export function parseFeedUrl(url: string): FeedAddress | null {
  return toAddress(FEED_PATH.exec(url));
}

export function isConditional(headers: IncomingHttpHeaders): boolean {
  return Boolean(headers['if-none-match'] || headers['if-modified-since']);
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
export function isNotModified(
  headers: IncomingHttpHeaders,
  etag: string,
  lastModifiedMs: number,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch) {
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}

const parisDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
let lastMinute = Number.NaN;
let lastDay = '';

/**
 * The Paris calendar date at `instant` ("2027-04-30"), the date a feed's ETag depends on (its
 * deadline filters move with it). Paris is a whole number of hours from UTC, so its midnight
 * is a UTC minute boundary: the date is computed once per minute, not once per request.
 */
export function parisDay(instant: number): string {
  const minute = Math.floor(instant / 60_000);
  if (minute !== lastMinute) {
    lastDay = parisDayFormat.format(instant);
    lastMinute = minute;
  }
  return lastDay;
}
