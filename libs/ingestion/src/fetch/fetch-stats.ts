export interface HostFetchStats {
  /** HTTP exchanges made (retries, redirect hops and robots.txt included). */
  requests: number;
  /** Answers 304 Not Modified. */
  notModified: number;
  /** Body bytes received on the wire (compressed). */
  bytes: number;
  /** Body bytes after decompression. */
  decodedBytes: number;
  /** Estimated size of the response status lines and headers. */
  headerBytes: number;
  /** Attempts that were tried again (5xx, 429, network errors, timeouts). */
  retries: number;
  /** Fetches that ended in a FetchException. */
  failures: number;
  robotsRequests: number;
}

export interface FetchStats extends HostFetchStats {
  perHost: Record<string, HostFetchStats>;
}

const emptyHostStats = (): HostFetchStats => ({
  requests: 0,
  notModified: 0,
  bytes: 0,
  decodedBytes: 0,
  headerBytes: 0,
  retries: 0,
  failures: 0,
  robotsRequests: 0,
});

/** Counters for the benchmark and the sources' health page. */
export class FetchStatsRecorder {
  private perHost = new Map<string, HostFetchStats>();

  add(host: string, delta: Partial<HostFetchStats>): void {
    const stats = this.perHost.get(host) ?? emptyHostStats();
    for (const [key, value] of Object.entries(delta) as [keyof HostFetchStats, number][])
      stats[key] += value;
    this.perHost.set(host, stats);
  }

  snapshot(): FetchStats {
    const total = emptyHostStats();
    const perHost: Record<string, HostFetchStats> = {};
    for (const [host, stats] of this.perHost) {
      perHost[host] = { ...stats };
      for (const key of Object.keys(total) as (keyof HostFetchStats)[]) total[key] += stats[key];
    }
    return { ...total, perHost };
  }

  reset(): void {
    this.perHost = new Map();
  }
}
