import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, parisDate } from '@app/common';
import { WatchException } from '../watch.exception';
import { renderAtom } from './atom.renderer';
import { FeedMeta } from './feed-item.types';
import { FeedQuery } from './feed.query';
import { hashFeedToken } from './feed-token.service';
import { renderIcal } from './ical.renderer';
import { renderJsonFeed } from './json-feed.renderer';
import { renderRss } from './rss.renderer';

export type FeedFormat = 'rss' | 'atom' | 'json' | 'ics';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
};

const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed, ics: renderIcal };
const FEED_ITEMS = 100;
const CACHE_SIZE = 500;
/**
 * The controller asks for the version, then for the body, in the same request: the body reuses
 * a version computed this recently instead of querying it twice (it is fresh by construction,
 * every `version` call queries and replaces it).
 */
const VERSION_REUSE_MS = 250;

/** What a conditional request needs: computed by one indexed query, without the items. */
export interface FeedVersion {
  tokenId: string;
  organisationId: string;
  profileId: string | null;
  title: string;
  etag: string;
  lastModified: Date;
}

export interface RenderedFeed {
  version: FeedVersion;
  body: string;
}

interface VersionRow {
  id: string;
  organisation_id: string;
  profile_id: string | null;
  title: string;
  changed_at: Date | null;
  state_at: Date | null;
}

/**
 * Feeds at token addresses. The version (ETag, Last-Modified) comes from timestamps bumped by
 * the matching pass, the organisation's call states and the collectif's picks, plus today's
 * date (deadline filters move with it); rendered bodies are cached per version.
 */
@Injectable()
export class FeedService {
  private readonly cache = new Map<string, string>();
  private readonly recentVersions = new Map<
    string,
    { version: FeedVersion; day: string; at: number }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: FeedQuery,
    private readonly clock: Clock,
  ) {}

  /** Unknown and revoked tokens both end here, with the same 404. */
  async version(token: string, format: FeedFormat, now = this.clock.now()): Promise<FeedVersion> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT t.id, t.organisation_id, t.profile_id,
              coalesce(p.name, o.name) AS title,
              CASE WHEN t.profile_id IS NOT NULL THEN p.feed_changed_at
                   ELSE (SELECT max(greatest(sp.updated_at, c.updated_at))
                           FROM shared_pick sp JOIN call c ON c.id = sp.call_id
                          WHERE sp.collectif_id = t.organisation_id) END AS changed_at,
              CASE WHEN t.profile_id IS NOT NULL
                   THEN (SELECT max(s.updated_at) FROM organisation_call_state s
                          WHERE s.organisation_id = t.organisation_id)
                   -- the number of picks, so removing one also changes the version
                   ELSE (SELECT count(*) FROM shared_pick sp
                          WHERE sp.collectif_id = t.organisation_id)::int * interval '1 microsecond'
                        + 'epoch'::timestamptz END AS state_at
         FROM feed_token t
         JOIN organisation o ON o.id = t.organisation_id
         LEFT JOIN watch_profile p ON p.id = t.profile_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashFeedToken(token)],
    );
    const row = rows[0];
    if (!row) {
      this.recentVersions.delete(`${token}:${format}`);
      throw WatchException.feedNotFound();
    }
    const changed = row.changed_at ?? new Date(0);
    const state = row.state_at ?? new Date(0);
    const fingerprint = [row.id, format, changed.getTime(), state.getTime(), parisDate(now)];
    const version: FeedVersion = {
      tokenId: row.id,
      organisationId: row.organisation_id,
      profileId: row.profile_id,
      title: row.title,
      etag: `"${createHash('sha1').update(fingerprint.join('|')).digest('base64url')}"`,
      lastModified: new Date(Math.max(changed.getTime(), state.getTime())),
    };
    this.remember(`${token}:${format}`, version, now);
    return version;
  }

  async render(
    token: string,
    format: FeedFormat,
    urls: { selfUrl: string; homeUrl: string },
    now = this.clock.now(),
  ): Promise<RenderedFeed> {
    const version =
      this.recentVersion(token, format, now) ?? (await this.version(token, format, now));
    const key = `${version.tokenId}:${version.etag}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return { version, body: cached };
    const page = version.profileId
      ? await this.query.profileMatches(version.organisationId, version.profileId, {
          sort: 'recent',
          limit: FEED_ITEMS,
        })
      : await this.query.collectifPicks(version.organisationId, version.organisationId, {
          sort: 'recent',
          limit: FEED_ITEMS,
        });
    const meta: FeedMeta = {
      title: version.profileId
        ? `Vigie – ${version.title}`
        : `Vigie – sélection partagée de ${version.title}`,
      description: version.profileId
        ? 'Appels à projets retenus par votre profil de veille'
        : 'Appels à projets choisis et annotés par le collectif',
      id: version.profileId ?? version.organisationId,
      ...urls,
      updated: version.lastModified.getTime() > 0 ? version.lastModified : now,
    };
    const body = RENDERERS[format](meta, page.items);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, body);
    return { version, body };
  }

  private recentVersion(token: string, format: FeedFormat, now: Date): FeedVersion | null {
    const recent = this.recentVersions.get(`${token}:${format}`);
    if (!recent || parisDate(now) !== recent.day || Date.now() - recent.at > VERSION_REUSE_MS) {
      return null;
    }
    return recent.version;
  }

  private remember(key: string, version: FeedVersion, now: Date): void {
    this.recentVersions.delete(key);
    this.recentVersions.set(key, { version, day: parisDate(now), at: Date.now() });
    if (this.recentVersions.size > CACHE_SIZE) {
      this.recentVersions.delete(this.recentVersions.keys().next().value as string);
    }
  }
}
