import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { FetchException, FetchExceptionCode } from './fetch.exception';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_MIN_DELAY_MS,
  DEFAULT_ROBOTS_ERROR_TTL_MS,
  DEFAULT_ROBOTS_TTL_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
} from './fetcher.constants';
import { FetcherOptions, HostResolver, ResolvedFetcherOptions } from './fetcher-options.types';
import { parseCidr } from './ip-address.util';

type NumericOption = {
  [K in keyof FetcherOptions]-?: NonNullable<FetcherOptions[K]> extends number ? K : never;
}[keyof FetcherOptions];

/** Each numeric option with its default and the smallest value that makes sense. */
const NUMERIC_OPTIONS: ReadonlyArray<[NumericOption, number, number]> = [
  ['minDelayMs', DEFAULT_MIN_DELAY_MS, 0],
  ['connectTimeoutMs', DEFAULT_CONNECT_TIMEOUT_MS, 1],
  ['timeoutMs', DEFAULT_TIMEOUT_MS, 1],
  ['maxBytes', DEFAULT_MAX_BYTES, 1],
  ['maxRetries', DEFAULT_MAX_RETRIES, 0],
  ['backoffBaseMs', DEFAULT_BACKOFF_BASE_MS, 0],
  ['backoffMaxMs', DEFAULT_BACKOFF_MAX_MS, 0],
  ['maxRetryAfterMs', DEFAULT_MAX_RETRY_AFTER_MS, 0],
  ['maxRedirects', DEFAULT_MAX_REDIRECTS, 0],
  ['robotsTtlMs', DEFAULT_ROBOTS_TTL_MS, 0],
  ['robotsErrorTtlMs', DEFAULT_ROBOTS_ERROR_TTL_MS, 0],
];

const PRODUCT_TOKEN = /^[A-Za-z][A-Za-z0-9_-]*(\/[A-Za-z0-9._-]+)?$/;
const EMAIL = /^[^\s@()]+@[^\s@()]+\.[^\s@()]+$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Checks the options and fills in defaults; a bad value fails with the option's name. */
export function resolveFetcherOptions(options: FetcherOptions): ResolvedFetcherOptions {
  if (typeof options !== 'object' || options === null)
    throw invalid('options', 'must be an object');
  const numbers = Object.fromEntries(
    NUMERIC_OPTIONS.map(([field, fallback, min]) => [
      field,
      checkNumber(field, options[field], fallback, min),
    ]),
  ) as Pick<ResolvedFetcherOptions, NumericOption>;
  return {
    ...numbers,
    userAgent: checkUserAgent(options.userAgent),
    contact: checkContact(options.contact),
    allowHosts: checkAllowHosts(options.allowHosts),
    respectRobots: checkBoolean('respectRobots', options.respectRobots, true),
    resolve: checkResolver(options.resolve),
  };
}

/** The default resolver: every address of the host, as the system resolver gives them. */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

function checkNumber(field: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(field, `must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw invalid(field, `must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function checkUserAgent(value: unknown): string {
  if (value === undefined) return DEFAULT_USER_AGENT;
  if (typeof value !== 'string' || !PRODUCT_TOKEN.test(value)) {
    throw invalid(
      'userAgent',
      `must be a product token such as "Vigie/0.1", got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkContact(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!EMAIL.test(text) && !/^https?:\/\/[^\s()]+$/.test(text)) {
    throw invalid(
      'contact',
      `must be an e-mail address or an http(s) URL, got ${JSON.stringify(value)}`,
    );
  }
  return text;
}

function checkAllowHosts(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw invalid('allowHosts', 'must be a list of host names, addresses or CIDR blocks');
  return value.map((entry: unknown, index) => {
    const text = typeof entry === 'string' ? entry.trim().toLowerCase() : '';
    const valid = text.includes('/')
      ? parseCidr(text) !== null
      : isIP(text) !== 0 || HOST_NAME.test(text);
    if (!valid)
      throw invalid(
        `allowHosts[${index}]`,
        `is not a host name, address or CIDR block: ${JSON.stringify(entry)}`,
      );
    return text;
  });
}

function checkResolver(value: unknown): HostResolver {
  if (value === undefined) return systemResolver;
  if (typeof value !== 'function') throw invalid('resolve', 'must be a function');
  return value as HostResolver;
}

function invalid(field: string, problem: string): FetchException {
  return new FetchException(
    FetchExceptionCode.INVALID_OPTIONS,
    `Fetcher option ${field} ${problem}`,
    { field },
  );
}
