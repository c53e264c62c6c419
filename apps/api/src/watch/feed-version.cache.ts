import type { FeedFormat, FeedVersion } from '@app/watch';

/** What a 304 needs, for one token and format, valid on one Paris day. */
export interface CachedFeedVersion {
  etag: string;
  lastModified: string;
  lastModifiedMs: number;
  organisationId: string;
  day: string;
}

/** Taken before reading a version from the database: see `FeedVersionCache.remember`. */
export type FeedVersionTicket = number;

const NO_TICKET: FeedVersionTicket = -1;
const MAX_ENTRIES = 20_000;
/** Organisations whose last change is remembered, to judge tickets still in flight. */
const MAX_TRACKED_CHANGES = 10_000;

const keyOf = (token: string, format: FeedFormat) => `${token}.${format}`;

/**
 * The current version of the feeds read recently, so a conditional request can be answered
 * without Nest or the database. Trusted only while the LISTEN connection is up: every change
 * to the data behind a feed makes PostgreSQL notify its organisation (migration
 * FeedVersionNotify), and `invalidate` drops that organisation's entries. Losing the connection
 * empties the cache and disables it until it is back.
 *
 * A version read from the database may already be stale when it arrives (a change committed
 * and notified while the query ran): the ticket taken before the query tells, and such a
 * version is not kept.
 */
export class FeedVersionCache {
  private readonly entries = new Map<string, CachedFeedVersion>();
  private readonly keysByOrganisation = new Map<string, Set<string>>();
  /** Organisation → generation of its last notified change. */
  private readonly changedAt = new Map<string, number>();
  private generation = 0;
  /** Tickets older than this were taken before a flush: their versions are not kept. */
  private oldestValidTicket = 0;
  private listening = false;

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(token: string, format: FeedFormat, day: string): CachedFeedVersion | null {
    if (!this.listening) return null;
    const entry = this.entries.get(keyOf(token, format));
    return entry && entry.day === day ? entry : null;
  }

  ticket(): FeedVersionTicket {
    return this.listening ? this.generation : NO_TICKET;
  }

  /** Keeps `version` unless a change to its organisation was notified since `ticket`. */
  remember(
    ticket: FeedVersionTicket,
    token: string,
    format: FeedFormat,
    version: FeedVersion,
    day: string,
  ): void {
    const organisationId = version.organisationId;
    if (!this.listening || ticket === NO_TICKET || ticket < this.oldestValidTicket) return;
    if ((this.changedAt.get(organisationId) ?? NO_TICKET) > ticket) return;
    const key = keyOf(token, format);
    this.drop(key);
    if (this.entries.size >= MAX_ENTRIES) this.drop(this.entries.keys().next().value as string);
    this.entries.set(key, {
      etag: version.etag,
      lastModified: version.lastModified.toUTCString(),
      lastModifiedMs: version.lastModified.getTime(),
      organisationId,
      day,
    });
    const keys = this.keysByOrganisation.get(organisationId);
    if (keys) keys.add(key);
    else this.keysByOrganisation.set(organisationId, new Set([key]));
  }

  /** The data behind these organisations' feeds changed. */
  invalidate(organisationIds: string[]): void {
    this.generation++;
    if (this.changedAt.size + organisationIds.length > MAX_TRACKED_CHANGES) {
      // Forgetting who changed when is safe only if no ticket taken before is honoured.
      this.changedAt.clear();
      this.oldestValidTicket = this.generation;
    }
    for (const organisationId of organisationIds) {
      this.changedAt.set(organisationId, this.generation);
      for (const key of this.keysByOrganisation.get(organisationId) ?? []) this.entries.delete(key);
      this.keysByOrganisation.delete(organisationId);
    }
  }

  /** A token that turned out unknown or revoked: nothing of it is kept. */
  forget(token: string): void {
    for (const format of ['rss', 'atom', 'json', 'ics'] as const) this.drop(keyOf(token, format));
  }

  flush(): void {
    this.generation++;
    this.oldestValidTicket = this.generation;
    this.entries.clear();
    this.keysByOrganisation.clear();
    this.changedAt.clear();
  }

  /** Changes are heard from now on (the cache starts empty), or no longer (it is bypassed). */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.flush();
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const keys = this.keysByOrganisation.get(entry.organisationId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByOrganisation.delete(entry.organisationId);
  }
}
