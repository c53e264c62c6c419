/** Resolves a host name to every address it has (the SSRF guard checks all of them). */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** What the fetcher can be told; every field but `contact` has a default (fetcher.constants.ts). */
export interface FetcherOptions {
  /** Product token and version, e.g. "Vigie/0.1"; its name is the robots.txt user-agent. */
  userAgent?: string;
  /** E-mail address or URL where site owners can reach us; appended to the User-Agent. */
  contact: string;
  /** Minimum pause between the end of one request and the start of the next to the same host. */
  minDelayMs?: number;
  /** Time allowed to open the TCP/TLS connection. */
  connectTimeoutMs?: number;
  /** Time allowed for one attempt, from sending the request to the last byte of the body. */
  timeoutMs?: number;
  /** Largest body accepted, counted both on the wire and after decompression. */
  maxBytes?: number;
  /** Retries after the first attempt on 5xx, 429, network errors and timeouts. */
  maxRetries?: number;
  /** First backoff pause; doubles at each retry, with full jitter. */
  backoffBaseMs?: number;
  /** Longest backoff pause. */
  backoffMaxMs?: number;
  /** Longest Retry-After we agree to wait; a longer one fails the fetch rather than retry early. */
  maxRetryAfterMs?: number;
  /** Redirect hops followed before giving up. */
  maxRedirects?: number;
  /**
   * Exceptions to the SSRF guard. A host name or IP literal ("localhost", "127.0.0.1") allows
   * URLs whose host is written exactly so; a CIDR block ("127.0.0.0/8") allows any host that
   * resolves inside it.
   */
  allowHosts?: string[];
  /** Honour robots.txt (RFC 9309). */
  respectRobots?: boolean;
  /** How long a fetched robots.txt is trusted (RFC 9309 asks for at most 24 h). */
  robotsTtlMs?: number;
  /** How long an unreachable robots.txt (5xx, network error) keeps the host disallowed. */
  robotsErrorTtlMs?: number;
  /** DNS resolution; defaults to the system resolver (dns.lookup, all addresses). */
  resolve?: HostResolver;
}

export type ResolvedFetcherOptions = Required<FetcherOptions>;
