/** A robots.txt answer as every worker may reuse it: the rules' text, or what replaced them. */
export interface StoredRobots {
  outcome: 'rules' | 'allow_all' | 'disallow_all';
  /** The robots.txt text when `outcome` is `rules`. */
  body: string;
  unreachableReason: string | null;
}

/**
 * Politeness shared by every process that crawls (issue 16, item 2). The per-process HostQueue
 * keeps one request at a time per host inside a process; this keeps the pause between
 * processes, so N workers never send a host more than one request per delay.
 */
export interface SharedPoliteness {
  /**
   * Takes the host's turn if it is free now and returns 0; otherwise returns how many ms to wait
   * before asking again. Taking the turn holds the host for `delayMs` against every process.
   */
  claim(host: string, delayMs: number): Promise<number>;
  /** Marks a request to the host finished: the next one starts `delayMs` after this instant at the earliest. */
  release(host: string, delayMs: number): Promise<void>;
  /** Nobody sends to the host for `delayMs` from now (Retry-After, backoff), whichever process asked. */
  defer(host: string, delayMs: number): Promise<void>;
  /** The robots.txt answer another process stored for the origin while it is fresh, with the ms it stays so. */
  readRobots(origin: string): Promise<{ robots: StoredRobots; remainingMs: number } | null>;
  /**
   * True when this process should download the origin's robots.txt (nobody else is, or the one
   * who was has not written it within `forMs`); false: wait for the other's copy.
   */
  claimRobotsDownload(origin: string, forMs: number): Promise<boolean>;
  writeRobots(origin: string, robots: StoredRobots, ttlMs: number): Promise<void>;
}
