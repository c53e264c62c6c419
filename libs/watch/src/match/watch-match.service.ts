import {
  CallRankingQuery,
  Classifier,
  OrganisationScoreService,
  type OrganisationFigure,
} from '@app/classifier';
import { WatchProfile } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, parisDate } from '@app/common';
import { compileProfile } from '../profile/profile.compiler';
import { matchCall, type MatchContext } from '../profile/profile.matcher';
import { PreparedCall } from '../profile/prepared-call';
import { CompiledProfile, MatchResult } from '../profile/watch-profile.types';
import { CURSOR_OVERLAP_MS } from '../watch.constants';
import { LoadedCall, loadCalls, loadCandidateCalls } from './call-loader';

const BATCH = 500;
const CURSOR = 'calls';

interface ExistingMatch {
  id: string;
  profile_id: string;
  call_id: string;
  score: number;
  reasons: string[];
  matched_at: Date;
  change_event_id: string | null;
}

export interface RefreshOutcome {
  calls: number;
  upserted: number;
  removed: number;
}

/**
 * Keeps watch_match up to date. The worker calls refresh() on calls whose content or
 * classification changed since the last pass (a high-water mark on call.updated_at and
 * call_classification.classified_at, re-scanning a short overlap so a transaction that
 * committed late is not missed); editing a profile re-matches that profile alone.
 */
@Injectable()
export class WatchMatchService {
  private readonly logger = new Logger(WatchMatchService.name);
  private compiled: { key: string; profiles: CompiledProfile[] } | null = null;

  private readonly themeLabels: ReadonlyMap<string, string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ranking: CallRankingQuery,
    private readonly scores: OrganisationScoreService,
    classifier: Classifier,
  ) {
    this.themeLabels = new Map(classifier.definition.themes.map((t) => [t.id, t.label]));
  }

  /** Matches the given calls (or every call changed since the last pass) against all profiles. */
  async refresh(callIds?: string[], now = this.clock.now()): Promise<RefreshOutcome> {
    if (callIds) return this.refreshCalls(callIds, now);
    const [{ started }] = await this.dataSource.query(`SELECT now() AS started`);
    // Organisations that marked calls since the last pass: their figures first, and the calls
    // whose figure moved are matched again below (a « pas pour nous » leaves its watches).
    const moved = await this.scores.refreshStale();
    const position = await this.cursor();
    const since = new Date(position.getTime() - CURSOR_OVERLAP_MS);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM call c LEFT JOIN call_classification cc ON cc.call_id = c.id
        WHERE c.updated_at > $1 OR cc.classified_at > $1`,
      [since],
    );
    const outcome = await this.refreshCalls(
      [...new Set([...rows.map((row) => row.id), ...moved.changedCallIds])],
      now,
    );
    await this.dataSource.query(
      `INSERT INTO watch_cursor (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [CURSOR, started],
    );
    return outcome;
  }

  /** Re-matches one profile against every open call (after the profile was created or edited). */
  async refreshProfile(profileId: string, now = this.clock.now()): Promise<RefreshOutcome> {
    const profile = await this.dataSource.getRepository(WatchProfile).findOneBy({ id: profileId });
    if (!profile) return { calls: 0, upserted: 0, removed: 0 };
    const compiled = compileProfile(profile);
    const today = parisDate(now);
    const territories = compiled.acceptedTerritories ? [...compiled.acceptedTerritories] : null;
    const existing: ExistingMatch[] = await this.dataSource.query(
      `SELECT id, profile_id, call_id, score, reasons, matched_at, change_event_id
         FROM watch_match WHERE profile_id = $1`,
      [profileId],
    );
    const figures = await this.ranking.figuresOf([profile.organisationId], null);
    const results: Array<{ match: MatchResult; call: LoadedCall }> = [];
    let afterId: string | null = null;
    let calls = 0;
    for (;;) {
      const batch = await loadCandidateCalls(this.dataSource, {
        territories,
        today,
        afterId,
        limit: 2000,
      });
      calls += batch.length;
      for (const call of batch) {
        const match = matchCall(
          compiled,
          new PreparedCall(call),
          today,
          this.contextOf(figures, compiled.organisationId, call.id),
        );
        if (match) results.push({ match, call });
      }
      if (batch.length < 2000) break;
      afterId = batch[batch.length - 1].id;
    }
    const outcome = await this.write(results, existing, now);
    await this.touchProfiles([profileId]);
    return { calls, ...outcome };
  }

  /** Matching alone, without the database: what the benchmark measures per new call. */
  matchOne(
    call: LoadedCall,
    profiles: readonly CompiledProfile[],
    today: string,
    figures: ReadonlyMap<string, OrganisationFigure> = new Map(),
  ): MatchResult[] {
    const prepared = new PreparedCall(call);
    const results: MatchResult[] = [];
    for (const profile of profiles) {
      const match = matchCall(
        profile,
        prepared,
        today,
        this.contextOf(figures, profile.organisationId, call.id),
      );
      if (match) results.push(match);
    }
    return results;
  }

  async compiledProfiles(): Promise<CompiledProfile[]> {
    const [{ key }] = await this.dataSource.query(
      `SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS key FROM watch_profile`,
    );
    const cached = this.compiled;
    if (cached && cached.key === key) return cached.profiles;
    const profiles = (await this.dataSource.getRepository(WatchProfile).find()).map(compileProfile);
    this.compiled = { key, profiles };
    return profiles;
  }

  private async refreshCalls(callIds: string[], now: Date): Promise<RefreshOutcome> {
    const total: RefreshOutcome = { calls: 0, upserted: 0, removed: 0 };
    if (callIds.length === 0) return total;
    const profiles = await this.compiledProfiles();
    const today = parisDate(now);
    for (let start = 0; start < callIds.length; start += BATCH) {
      const ids = callIds.slice(start, start + BATCH);
      const calls = await loadCalls(this.dataSource, ids);
      const existing: ExistingMatch[] = await this.dataSource.query(
        `SELECT id, profile_id, call_id, score, reasons, matched_at, change_event_id
           FROM watch_match WHERE call_id = ANY($1)`,
        [ids],
      );
      const figures = await this.ranking.figuresOf(
        [...new Set(profiles.map((p) => p.organisationId))],
        ids,
      );
      const results = calls.flatMap((call) =>
        this.matchOne(call, profiles, today, figures).map((match) => ({ match, call })),
      );
      const outcome = await this.write(results, existing, now);
      // The feeds render the calls themselves: any profile showing them must change its ETag.
      const touched = new Set([
        ...existing.map((row) => row.profile_id),
        ...results.map((result) => result.match.profileId),
      ]);
      await this.touchProfiles([...touched]);
      total.calls += calls.length;
      total.upserted += outcome.upserted;
      total.removed += outcome.removed;
    }
    if (total.upserted || total.removed) {
      this.logger.log(`watch matches: ${total.upserted} written, ${total.removed} removed`);
    }
    return total;
  }

  /** The organisation's figure for the call (the ranking rule's), and the theme labels. */
  private contextOf(
    figures: ReadonlyMap<string, OrganisationFigure>,
    organisationId: string,
    callId: string,
  ): MatchContext {
    return { figure: figures.get(`${organisationId}:${callId}`), themeLabels: this.themeLabels };
  }

  /** Upserts what matches, deletes what no longer does; a change after the match re-dates it. */
  private async write(
    results: Array<{ match: MatchResult; call: LoadedCall }>,
    existing: ExistingMatch[],
    now: Date,
  ): Promise<{ upserted: number; removed: number }> {
    const byKey = new Map(existing.map((row) => [`${row.profile_id}:${row.call_id}`, row]));
    const rows: Array<
      [string, string, string, number, string, Date, string | null, string | null]
    > = [];
    for (const { match, call } of results) {
      const key = `${match.profileId}:${match.callId}`;
      const before = byKey.get(key);
      byKey.delete(key);
      const change = call.lastChange;
      const reappeared =
        before !== undefined &&
        change !== null &&
        change.id !== before.change_event_id &&
        change.occurredAt > before.matched_at;
      const matchedAt = before && !reappeared ? before.matched_at : now;
      const changeId = reappeared ? change.id : (before?.change_event_id ?? null);
      const summary = reappeared ? change.summary : null;
      const same =
        before &&
        !reappeared &&
        before.score === match.score &&
        JSON.stringify(before.reasons) === JSON.stringify(match.reasons);
      if (same) continue;
      rows.push([
        match.profileId,
        match.organisationId,
        match.callId,
        match.score,
        JSON.stringify(match.reasons),
        matchedAt,
        changeId,
        summary,
      ]);
    }
    if (rows.length) await this.upsert(rows);
    const stale = [...byKey.values()].map((row) => row.id);
    if (stale.length) {
      await this.dataSource.query(`DELETE FROM watch_match WHERE id = ANY($1)`, [stale]);
    }
    return { upserted: rows.length, removed: stale.length };
  }

  private async upsert(
    rows: Array<[string, string, string, number, string, Date, string | null, string | null]>,
  ): Promise<void> {
    const column = (index: number) => rows.map((row) => row[index]);
    await this.dataSource.query(
      `INSERT INTO watch_match
         (profile_id, organisation_id, call_id, score, reasons, matched_at, change_event_id, change_summary)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::real[], $5::jsonb[],
                            $6::timestamptz[], $7::uuid[], $8::text[])
       ON CONFLICT ON CONSTRAINT uq_watch_match_profile_call DO UPDATE SET
         score = excluded.score, reasons = excluded.reasons, matched_at = excluded.matched_at,
         change_event_id = excluded.change_event_id,
         change_summary = CASE WHEN excluded.matched_at = watch_match.matched_at
                               THEN watch_match.change_summary ELSE excluded.change_summary END,
         updated_at = now()`,
      [0, 1, 2, 3, 4, 5, 6, 7].map(column),
    );
  }

  private async touchProfiles(profileIds: string[]): Promise<void> {
    if (profileIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE watch_profile SET feed_changed_at = clock_timestamp() WHERE id = ANY($1)`,
      [profileIds],
    );
  }

  private async cursor(): Promise<Date> {
    const rows: Array<{ position: Date }> = await this.dataSource.query(
      `SELECT position FROM watch_cursor WHERE name = $1`,
      [CURSOR],
    );
    return rows[0]?.position ?? new Date(0);
  }
}
