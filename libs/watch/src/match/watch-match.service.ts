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
import { Clock, parisDate, territoriesCovering, territoriesInside } from '@app/common';
import { compileProfile } from '../profile/profile.compiler';
import { matchCall, type MatchContext } from '../profile/profile.matcher';
import { PreparedCall } from '../profile/prepared-call';
import { CompiledProfile, MatchResult, ProfileCriteria } from '../profile/watch-profile.types';
import { LoadedCall, loadCalls, loadCandidateCalls } from './call-loader';

/** Calls matched together: one load, one read of their matches, one write. */
export const MATCH_CALL_BATCH = 100;
/** Candidate profiles read at a time: memory holds a page, never every profile. */
const PROFILE_PAGE = 5000;
/** Changes taken from the log by one pass at most; the rest wait for the next. */
const CHANGE_LOG_LIMIT = 200_000;

export interface ChangedCalls {
  callIds: string[];
  /**
   * Each call's change time as read, as PostgreSQL prints it (to the microsecond, which a Date
   * would lose): a call changed again after it stays in the log.
   */
  changedAt: string[];
}
/** Profiles matched between two turns of the event loop. */
const YIELD_EVERY = 250;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface ProfileRow {
  id: string;
  organisation_id: string;
  themes: string[];
  include_keywords: string[];
  exclude_keywords: string[];
  territories: string[];
  audiences: string[];
  eu_funds: string[];
  min_amount_cents: string | null;
  min_score: number | null;
  deadline_horizon_days: number | null;
}

const PROFILE_COLUMNS = `id, organisation_id, themes, include_keywords, exclude_keywords, territories,
  audiences, eu_funds, min_amount_cents, min_score, deadline_horizon_days`;

function toCriteria(row: ProfileRow): ProfileCriteria {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    themes: row.themes,
    includeKeywords: row.include_keywords,
    excludeKeywords: row.exclude_keywords,
    territories: row.territories,
    audiences: row.audiences,
    euFunds: row.eu_funds,
    minAmountCents: row.min_amount_cents === null ? null : Number(row.min_amount_cents),
    minScore: row.min_score,
    deadlineHorizonDays: row.deadline_horizon_days,
  };
}

/**
 * Profile places that may accept a call for `code`: the place itself, what holds it and what it
 * holds (see `acceptedCallTerritories`), and FR. A superset: the matcher decides exactly.
 */
function placesAccepting(code: string): string[] {
  return [...(territoriesCovering(code) ?? [code]), ...territoriesInside(code), 'FR'];
}

/** Whether a call concerns everyone, whatever a profile's places. */
const isAnywhere = (call: LoadedCall) =>
  call.territory.length === 0 || call.territory.includes('FR');

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
 * Keeps watch_match up to date. Candidates come from the change log of calls (watch_call_change,
 * filled by triggers when a call or its score changes, emptied as passes take it: nothing is
 * read twice and a late commit is not missed); for each batch of calls, the profiles that may match are read through the GIN
 * indexes on their territories and themes, a page at a time. Editing a profile re-matches that
 * profile alone; a range of profiles can be re-matched as one job (thesaurus change).
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

  /** Matches the given calls (or every call in the change log) against the profiles. */
  async refresh(callIds?: string[], now = this.clock.now()): Promise<RefreshOutcome> {
    if (callIds) return this.refreshCalls(callIds, now);
    // Organisations that marked calls since the last pass: their figures first, and the calls
    // whose figure moved are matched again (a « pas pour nous » leaves its watches).
    const moved = await this.refreshFigures();
    const changed = await this.changedCalls();
    const outcome = await this.refreshCalls([...new Set([...changed.callIds, ...moved])], now);
    await this.markTaken(changed);
    return outcome;
  }

  /**
   * Brings up to date the figures of organisations that marked calls since the last pass (the
   * ranking rule's, issue 15); returns the calls whose figure moved, to be matched again.
   */
  async refreshFigures(): Promise<string[]> {
    const moved = (await this.scores.refreshStale()).changedCallIds;
    await this.rematchLegalFormChanges();
    return moved;
  }

  /**
   * Re-matches the profiles of organisations whose legal form changed since their matches were
   * computed (which calls they may apply to moved): a few profiles, rarely, instead of every
   * call its old and new legal forms may not apply to against every profile.
   */
  async rematchLegalFormChanges(now = this.clock.now()): Promise<number> {
    const changed: Array<{ id: string; legal_form: string | null }> = await this.dataSource.query(
      `SELECT id, legal_form FROM organisation
        WHERE legal_form IS DISTINCT FROM matched_legal_form`,
    );
    for (const organisation of changed) {
      const profiles: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM watch_profile WHERE organisation_id = $1 ORDER BY id`,
        [organisation.id],
      );
      for (const profile of profiles) await this.refreshProfile(profile.id, now);
      // Only the form matched: a change made meanwhile is taken on the next pass.
      await this.dataSource.query(
        `UPDATE organisation SET matched_legal_form = legal_form
          WHERE id = $1 AND legal_form IS NOT DISTINCT FROM $2`,
        [organisation.id, organisation.legal_form],
      );
    }
    return changed.length;
  }

  /**
   * The calls in the change log (written by triggers on call and call_classification), oldest
   * change first, read through its index. The caller matches them (or queues their batches),
   * then `markTaken` removes them from the log.
   */
  async changedCalls(limit = CHANGE_LOG_LIMIT): Promise<ChangedCalls> {
    const rows: Array<{ call_id: string; changed_at: string }> = await this.dataSource.query(
      `SELECT call_id, changed_at::text AS changed_at FROM watch_call_change
        ORDER BY changed_at LIMIT $1`,
      [limit],
    );
    return {
      callIds: rows.map((row) => row.call_id),
      changedAt: rows.map((row) => row.changed_at),
    };
  }

  /** Removes what was taken from the log, except the calls that changed again since. */
  async markTaken(changed: ChangedCalls): Promise<void> {
    if (changed.callIds.length === 0) return;
    await this.dataSource.query(
      `DELETE FROM watch_call_change w USING unnest($1::uuid[], $2::timestamptz[]) AS k(call_id, changed_at)
        WHERE w.call_id = k.call_id AND w.changed_at = k.changed_at`,
      [changed.callIds, changed.changedAt],
    );
  }

  /** Re-matches every profile whose id lies in [fromId, toId] (a slice of a full re-match). */
  async refreshProfileRange(
    fromId: string,
    toId: string,
    now = this.clock.now(),
  ): Promise<RefreshOutcome> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM watch_profile WHERE id BETWEEN $1 AND $2 ORDER BY id`,
      [fromId, toId],
    );
    const total: RefreshOutcome = { calls: 0, upserted: 0, removed: 0 };
    for (const row of rows) {
      const outcome = await this.refreshProfile(row.id, now);
      total.calls += outcome.calls;
      total.upserted += outcome.upserted;
      total.removed += outcome.removed;
    }
    return total;
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
      // Per batch, not for every call at once: the calls its legal form may not apply to can
      // be most calls (index lookups on these ids instead of reading them all per profile).
      const figures = await this.ranking.figuresOf(
        [profile.organisationId],
        batch.map((call) => call.id),
      );
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
    for (let start = 0; start < callIds.length; start += MATCH_CALL_BATCH) {
      const outcome = await this.matchBatch(callIds.slice(start, start + MATCH_CALL_BATCH), now);
      total.calls += outcome.calls;
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

  /** One batch of calls: a job of the worker's matching queue. */
  async matchBatch(ids: string[], now = this.clock.now()): Promise<RefreshOutcome> {
    if (ids.length === 0) return { calls: 0, upserted: 0, removed: 0 };
    const today = parisDate(now);
    const calls = await loadCalls(this.dataSource, ids);
    const existing: ExistingMatch[] = await this.dataSource.query(
      `SELECT id, profile_id, call_id, score, reasons, matched_at, change_event_id
         FROM watch_match WHERE call_id = ANY($1)`,
      [ids],
    );
    const results: Array<{ match: MatchResult; call: LoadedCall }> = [];
    // Calls for everyone are looked up by theme alone; local calls also by territory.
    const anywhere = calls.filter(isAnywhere);
    const local = calls.filter((call) => !isAnywhere(call));
    for (const group of [anywhere, local]) {
      if (group.length === 0) continue;
      const prepared = group.map((call) => new PreparedCall(call));
      const places =
        group === local
          ? [...new Set(group.flatMap((call) => call.territory.flatMap(placesAccepting)))]
          : null;
      const themes = [
        ...new Set(
          group.flatMap((call) =>
            (call.classification?.themes ?? []).filter((t) => t.score > 0).map((t) => t.id),
          ),
        ),
      ];
      for await (const page of this.candidateProfiles(places, themes)) {
        // The organisations' own figures (the ranking rule's), so a match shows the lists' number.
        const figures = await this.ranking.figuresOf(
          [...new Set(page.map((profile) => profile.organisationId))],
          ids,
        );
        for (let index = 0; index < page.length; index++) {
          for (const call of prepared) {
            const profile = page[index];
            const match = matchCall(
              profile,
              call,
              today,
              this.contextOf(figures, profile.organisationId, call.call.id),
            );
            if (match) results.push({ match, call: call.call as LoadedCall });
          }
          // Matching is CPU work: let the process answer its connections and jobs meanwhile.
          if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
        }
      }
    }
    const outcome = await this.write(results, existing, now);
    // The feeds render the calls themselves: any profile showing them must change its ETag.
    const touched = new Set([
      ...existing.map((row) => row.profile_id),
      ...results.map((result) => result.match.profileId),
    ]);
    await this.touchProfiles([...touched]);
    return { calls: calls.length, ...outcome };
  }

  /**
   * Profiles that may match calls for these places (null: for everyone) and these themes, a page
   * at a time, through the GIN indexes on watch_profile.territories and themes. A profile with
   * include keywords or without themes may match any topic, so it is always a candidate.
   */
  private async *candidateProfiles(
    places: string[] | null,
    themes: string[],
  ): AsyncGenerator<CompiledProfile[]> {
    let afterId: string | null = null;
    for (;;) {
      const params: unknown[] = [themes, afterId, PROFILE_PAGE];
      const territory = places ? `AND (p.territories = '{}' OR p.territories && $4::text[])` : '';
      if (places) params.push(places);
      const rows: ProfileRow[] = await this.dataSource.query(
        `SELECT ${PROFILE_COLUMNS} FROM watch_profile p
          WHERE (p.themes = '{}' OR p.include_keywords <> '{}' OR p.themes && $1::text[])
            ${territory}
            AND ($2::uuid IS NULL OR p.id > $2::uuid)
          ORDER BY p.id LIMIT $3`,
        params,
      );
      if (rows.length === 0) return;
      yield rows.map((row) => compileProfile(toCriteria(row)));
      if (rows.length < PROFILE_PAGE) return;
      afterId = rows[rows.length - 1].id;
    }
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
}
