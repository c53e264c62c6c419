import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, Dispatcher, request as undiciRequest } from 'undici';
import { AddressPins, bareHostname, guardUrlHost } from './address-guard.util';
import { BodyLimits, readBody } from './body-reader.util';
import { decodeBody } from './charset.util';
import { FetchException, FetchExceptionCode } from './fetch.exception';
import { FetchStats, FetchStatsRecorder } from './fetch-stats';
import { ACCEPT_ENCODING, REDIRECT_STATUSES, ROBOTS_MAX_BYTES } from './fetcher.constants';
import { FetcherOptions, ResolvedFetcherOptions } from './fetcher-options.types';
import { resolveFetcherOptions } from './fetcher-options.util';
import { Fetcher, FetchRequest, FetchResponse } from './fetcher.types';
import { HostQueue } from './host-queue';
import { LoadedRobots, RobotsCache } from './robots-cache';
import { parseRobots, RobotsPolicy } from './robots.parser';
import { backoffDelay, parseRetryAfter } from './retry-delay.util';
import type { SharedPoliteness, StoredRobots } from './shared-politeness.types';

type Method = 'GET' | 'POST';

interface PreparedRequest {
  url: URL;
  method: Method;
  headers: Record<string, string>;
  body?: string | Buffer;
  conditional?: FetchRequest['conditional'];
  secretHeaders: string[];
}

/** How one fetch differs between a page and its site's robots.txt. */
interface FetchPlan {
  robots: boolean;
  limits: BodyLimits;
}

type AttemptOutcome =
  | { kind: 'done'; response: FetchResponse }
  | { kind: 'redirect'; status: number; location: URL }
  | { kind: 'retry'; status: number; retryAfterMs: number | null };

/** Content types whose bytes are not text: `text` stays empty, connectors read `body`. */
const BINARY_TYPE =
  /^(application\/(pdf|zip|gzip|x-gzip|msword|vnd\.ms-|vnd\.openxmlformats|vnd\.oasis)|image\/|audio\/|video\/|font\/)/i;
/** How often a worker waiting for another's download of robots.txt looks again. */
const ROBOTS_POLL_MS = 50;

/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * The HTTP client of every connector: one request at a time per host with a pause between them,
 * robots.txt honoured, conditional requests, decompression and charset decoding, bounded bodies,
 * retries with backoff, and an SSRF guard that pins each connection to the address it checked.
 */
export class PoliteFetcher implements Fetcher {
  private readonly options: ResolvedFetcherOptions;
  private readonly pins = new AddressPins();
  private readonly agent: Agent;
  private readonly queue = new HostQueue();
  private readonly robots: RobotsCache;
  private readonly recorder = new FetchStatsRecorder();
  /** The User-Agent header sent with every request: "Vigie/0.1 (+contact@example.org)". */
  readonly userAgent: string;
  private readonly pagePlan: FetchPlan;
  private readonly robotsPlan: FetchPlan = {
    robots: true,
    limits: { maxBytes: ROBOTS_MAX_BYTES, truncate: true },
  };

  /**
   * `shared` spreads the per-host pause, Retry-After and robots.txt over every process that
   * crawls (PostgreSQL in the workers); without it they hold for this process only (CLI checks).
   */
  constructor(
    options: FetcherOptions,
    private readonly shared: SharedPoliteness | null = null,
  ) {
    this.options = resolveFetcherOptions(options);
    this.userAgent = `${this.options.userAgent} (+${this.options.contact})`;
    this.pagePlan = { robots: false, limits: { maxBytes: this.options.maxBytes } };
    this.agent = new Agent({
      connect: { timeout: this.options.connectTimeoutMs, lookup: this.pins.lookup },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    this.robots = new RobotsCache((origin) => this.loadRobots(origin));
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const prepared = prepareRequest(request);
    try {
      return await this.follow(prepared, this.pagePlan);
    } catch (error) {
      this.recorder.add(prepared.url.host, { failures: 1 });
      throw error;
    }
  }

  /** Counters since the start or the last reset, in total and per host. */
  stats(): FetchStats {
    return this.recorder.snapshot();
  }

  resetStats(): void {
    this.recorder.reset();
  }

  /** Closes the kept-alive connections; the fetcher cannot be used afterwards. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async follow(first: PreparedRequest, plan: FetchPlan): Promise<FetchResponse> {
    let current = first;
    for (let hops = 0; ; hops++) {
      const outcome = await this.fetchWithRetries(current, plan);
      if (outcome.kind === 'done') return outcome.response;
      if (hops >= this.options.maxRedirects) {
        throw new FetchException(
          FetchExceptionCode.TOO_MANY_REDIRECTS,
          `More than ${this.options.maxRedirects} redirects, last to ${outcome.location.href}`,
          { url: first.url.href, lastUrl: current.url.href },
        );
      }
      current = redirected(current, outcome.status, outcome.location);
    }
  }

  private async fetchWithRetries(
    request: PreparedRequest,
    plan: FetchPlan,
  ): Promise<Exclude<AttemptOutcome, { kind: 'retry' }>> {
    const { url } = request;
    checkScheme(url);
    this.pins.pin(bareHostname(url), await guardUrlHost(url, this.options));
    const delayMs = plan.robots ? this.options.minDelayMs : await this.checkRobots(url);
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.options.maxRetries;
      let outcome: AttemptOutcome;
      try {
        outcome = await this.queue.run(url.host, delayMs, () =>
          this.onSharedTurn(url.host, delayMs, () => this.attempt(request, plan)),
        );
      } catch (error) {
        const failure = toFetchException(error, url);
        if (!failure.retryable || !canRetry) throw failure;
        await this.scheduleRetry(url, attempt, null);
        continue;
      }
      if (outcome.kind !== 'retry') return outcome;
      if (!canRetry) {
        throw new FetchException(
          FetchExceptionCode.HTTP_ERROR,
          `HTTP ${outcome.status} after ${attempt + 1} attempt(s)`,
          {
            url: url.href,
            status: outcome.status,
            attempts: attempt + 1,
          },
        );
      }
      await this.scheduleRetry(url, attempt, outcome.retryAfterMs, outcome.status);
    }
  }

  /** Waits for the host's turn among all processes, runs the request, then holds the host for the delay. */
  private async onSharedTurn<T>(host: string, delayMs: number, task: () => Promise<T>): Promise<T> {
    const shared = this.shared;
    if (!shared) return task();
    for (let waitMs = await shared.claim(host, delayMs); waitMs > 0;) {
      await sleep(waitMs);
      waitMs = await shared.claim(host, delayMs);
    }
    try {
      return await task();
    } finally {
      await shared.release(host, delayMs).catch(() => undefined);
    }
  }

  /** Backs the whole host off (not just this request): it said it is overloaded. */
  private async scheduleRetry(
    url: URL,
    attempt: number,
    retryAfterMs: number | null,
    status?: number,
  ): Promise<void> {
    if (retryAfterMs !== null && retryAfterMs > this.options.maxRetryAfterMs) {
      // Coming back earlier than asked would be rude; give up and let the next run try.
      throw new FetchException(
        FetchExceptionCode.HTTP_ERROR,
        `HTTP ${status} asking to retry after ${Math.round(retryAfterMs / 1000)} s, more than our ${Math.round(this.options.maxRetryAfterMs / 1000)} s limit`,
        { url: url.href, status, attempts: attempt + 1 },
      );
    }
    const delay =
      retryAfterMs ?? backoffDelay(attempt, this.options.backoffBaseMs, this.options.backoffMaxMs);
    this.queue.defer(url.host, delay);
    // A host's Retry-After binds every worker, not only the one it answered.
    await this.shared?.defer(url.host, delay);
    this.recorder.add(url.host, { retries: 1 });
  }

  private async attempt(request: PreparedRequest, plan: FetchPlan): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    this.recorder.add(request.url.host, { requests: 1, robotsRequests: plan.robots ? 1 : 0 });
    try {
      const response = await undiciRequest(request.url, {
        dispatcher: this.agent,
        method: request.method,
        headers: this.headersFor(request),
        body: request.body,
        signal: controller.signal,
      });
      return await this.handleResponse(request, response, plan);
    } catch (error) {
      if (timedOut) {
        throw new FetchException(
          FetchExceptionCode.TIMEOUT,
          `No complete answer within ${this.options.timeoutMs} ms`,
          {
            url: request.url.href,
          },
        );
      }
      throw toFetchException(error, request.url);
    } finally {
      clearTimeout(timer);
    }
  }

  private async handleResponse(
    request: PreparedRequest,
    response: Dispatcher.ResponseData,
    plan: FetchPlan,
  ): Promise<AttemptOutcome> {
    const { url } = request;
    const status = response.statusCode;
    const headers = flattenHeaders(response.headers);
    this.recorder.add(url.host, { headerBytes: estimateHeaderBytes(headers) });
    if (status < 200 || status >= 300) await response.body.dump().catch(() => undefined);
    if (REDIRECT_STATUSES.has(status) && headers.location) {
      return { kind: 'redirect', status, location: resolveLocation(headers.location, url) };
    }
    if (status === 304) {
      this.recorder.add(url.host, { notModified: 1 });
      return {
        kind: 'done',
        response: toFetchResponse(request, status, headers, Buffer.alloc(0), '', 0),
      };
    }
    if (status === 429 || status >= 500) {
      const retryAfterMs =
        status === 429 || status === 503 ? parseRetryAfter(headers['retry-after']) : null;
      return { kind: 'retry', status, retryAfterMs };
    }
    if (status < 200 || status >= 300) {
      throw new FetchException(FetchExceptionCode.HTTP_ERROR, `HTTP ${status}`, {
        url: url.href,
        status,
      });
    }
    const declaredLength = Number(headers['content-length'] ?? NaN);
    if (declaredLength > plan.limits.maxBytes && !plan.limits.truncate) {
      response.body.destroy();
      throw new FetchException(
        FetchExceptionCode.TOO_LARGE,
        `Content-Length ${declaredLength} is over the ${plan.limits.maxBytes}-byte limit; not downloaded`,
        { url: url.href, maxBytes: plan.limits.maxBytes },
      );
    }
    const { body, wireBytes } = await readBody(
      response.body,
      headers['content-encoding'] ?? null,
      plan.limits,
      url.href,
    );
    this.recorder.add(url.host, { bytes: wireBytes, decodedBytes: body.length });
    const contentType = headers['content-type'] ?? null;
    const text =
      contentType && BINARY_TYPE.test(contentType) ? '' : decodeBody(body, contentType).text;
    return {
      kind: 'done',
      response: toFetchResponse(request, status, headers, body, text, wireBytes),
    };
  }

  private headersFor(request: PreparedRequest): Record<string, string> {
    const headers: Record<string, string> = { accept: '*/*', ...request.headers };
    headers['user-agent'] = this.userAgent;
    headers['accept-encoding'] = ACCEPT_ENCODING;
    if (request.conditional?.etag) headers['if-none-match'] = request.conditional.etag;
    if (request.conditional?.lastModified)
      headers['if-modified-since'] = request.conditional.lastModified;
    return headers;
  }

  /** Throws ROBOTS_DISALLOWED when refused; otherwise the pause to keep between requests to the host. */
  private async checkRobots(url: URL): Promise<number> {
    if (!this.options.respectRobots) return this.options.minDelayMs;
    const loaded = await this.robots.get(url.origin);
    if (!loaded.policy.isAllowed(url.pathname + url.search)) {
      const why = loaded.unreachableReason
        ? `robots.txt unreachable (${loaded.unreachableReason})`
        : 'robots.txt disallows it';
      throw new FetchException(FetchExceptionCode.ROBOTS_DISALLOWED, `Not fetched: ${why}`, {
        url: url.href,
      });
    }
    return Math.max(this.options.minDelayMs, loaded.policy.crawlDelayMs);
  }

  /** The origin's robots.txt: another worker's fresh copy when there is one, else downloaded and shared. */
  private async loadRobots(origin: string): Promise<LoadedRobots> {
    const productToken = this.options.userAgent.split('/')[0];
    for (let waited = 0; this.shared; waited += ROBOTS_POLL_MS) {
      const known = await this.shared.readRobots(origin);
      if (known) return { ...toLoadedRobots(known.robots, productToken), ttlMs: known.remainingMs };
      // Another worker is downloading it: wait for its copy (or take over if it died).
      if (await this.shared.claimRobotsDownload(origin, this.options.timeoutMs * 2)) break;
      await sleep(ROBOTS_POLL_MS);
    }
    const stored = await this.downloadRobots(origin);
    const ttlMs =
      stored.outcome === 'disallow_all' ? this.options.robotsErrorTtlMs : this.options.robotsTtlMs;
    await this.shared?.writeRobots(origin, stored, ttlMs);
    return { ...toLoadedRobots(stored, productToken), ttlMs };
  }

  /** RFC 9309 §2.3.1: 4xx means no rules; 5xx or no answer means assume everything is disallowed. */
  private async downloadRobots(origin: string): Promise<StoredRobots> {
    const url = new URL('/robots.txt', origin);
    try {
      const response = await this.follow(
        { url, method: 'GET', headers: {}, secretHeaders: [] },
        this.robotsPlan,
      );
      return { outcome: 'rules', body: response.text, unreachableReason: null };
    } catch (error) {
      const failure = toFetchException(error, url);
      const status = failure.details.status ?? 0;
      if (
        failure.code === FetchExceptionCode.HTTP_ERROR &&
        status >= 400 &&
        status < 500 &&
        status !== 429
      ) {
        return { outcome: 'allow_all', body: '', unreachableReason: null };
      }
      return {
        outcome: 'disallow_all',
        body: '',
        unreachableReason: status ? `HTTP ${status}` : failure.code,
      };
    }
  }
}

function toLoadedRobots(stored: StoredRobots, productToken: string): Omit<LoadedRobots, 'ttlMs'> {
  if (stored.outcome === 'rules') return { policy: parseRobots(stored.body, productToken) };
  if (stored.outcome === 'allow_all') return { policy: RobotsPolicy.allowAll() };
  return {
    policy: RobotsPolicy.disallowAll(),
    unreachableReason: stored.unreachableReason ?? undefined,
  };
}

function prepareRequest(request: FetchRequest): PreparedRequest {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    throw new FetchException(
      FetchExceptionCode.BAD_URL,
      'Not a valid absolute URL',
      { url: String(request.url) },
      error,
    );
  }
  checkScheme(url);
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  let body: string | Buffer | undefined;
  if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
    body = request.body;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  return {
    url,
    method: request.method ?? 'GET',
    headers,
    body,
    conditional: request.conditional,
    secretHeaders: (request.secretHeaders ?? []).map((name) => name.toLowerCase()),
  };
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchException(
      FetchExceptionCode.UNSUPPORTED_SCHEME,
      `Scheme ${url.protocol} refused, only http and https`,
      {
        url: url.href,
      },
    );
  }
}

/** 303, and 301/302 after a POST, turn into a GET without body, as browsers do. */
function redirected(request: PreparedRequest, status: number, location: URL): PreparedRequest {
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === 'POST');
  const headers = { ...request.headers };
  if (location.origin !== request.url.origin)
    [...CREDENTIAL_HEADERS, ...request.secretHeaders].forEach((name) => delete headers[name]);
  if (toGet) delete headers['content-type'];
  return {
    ...request,
    url: location,
    method: toGet ? 'GET' : request.method,
    body: toGet ? undefined : request.body,
    headers,
  };
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch (error) {
    throw new FetchException(
      FetchExceptionCode.BAD_URL,
      `Redirect to an invalid Location "${location}"`,
      { url: base.href },
      error,
    );
  }
}

const TIMEOUT_ERRORS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function toFetchException(error: unknown, url: URL): FetchException {
  if (error instanceof FetchException) return error;
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (TIMEOUT_ERRORS.has(code)) {
    return new FetchException(
      FetchExceptionCode.TIMEOUT,
      `Timed out (${code})`,
      { url: url.href },
      error,
    );
  }
  return new FetchException(
    FetchExceptionCode.NETWORK,
    `Network error: ${code || message}`,
    { url: url.href },
    error,
  );
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Status line plus "name: value\r\n" per header: close enough to compare passes in the benchmark. */
function estimateHeaderBytes(headers: Record<string, string>): number {
  return Object.entries(headers).reduce(
    (total, [name, value]) => total + name.length + value.length + 4,
    17,
  );
}

function toFetchResponse(
  request: PreparedRequest,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  text: string,
  bytes: number,
): FetchResponse {
  // A 304 may omit the validators: the caller keeps the ones it sent.
  const keep = status === 304 ? request.conditional : undefined;
  return {
    url: request.url.href,
    status,
    headers,
    notModified: status === 304,
    body,
    text,
    etag: headers.etag ?? keep?.etag ?? null,
    lastModified: headers['last-modified'] ?? keep?.lastModified ?? null,
    contentType: headers['content-type'] ?? null,
    bytes,
  };
}
