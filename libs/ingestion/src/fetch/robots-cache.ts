import { RobotsPolicy } from './robots.parser';

export interface LoadedRobots {
  policy: RobotsPolicy;
  /** How long this answer may be trusted. */
  ttlMs: number;
  /** Why the host is disallowed when robots.txt could not be read (shown in the error). */
  unreachableReason?: string;
}

interface CacheEntry {
  loading: Promise<LoadedRobots>;
  expiresAt: number;
}

/**
 * One robots.txt per origin, fetched once and kept for its TTL; concurrent fetches on the same
 * origin share the same download.
 */
export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly load: (origin: string) => Promise<LoadedRobots>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(origin: string): Promise<LoadedRobots> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached.loading;
    const entry: CacheEntry = { loading: this.load(origin), expiresAt: Infinity };
    this.entries.set(origin, entry);
    try {
      const loaded = await entry.loading;
      entry.expiresAt = this.now() + loaded.ttlMs;
      return loaded;
    } catch (error) {
      this.entries.delete(origin);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
