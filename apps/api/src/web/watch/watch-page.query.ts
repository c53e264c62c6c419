import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readForPage } from '../page-query.util';
import { MATCH_COUNT_CAP, TOP_MATCHES } from './watch-label.constants';
import type { WatchMatchView } from './watch-page.types';

interface MatchRow {
  call_id: string;
  title: string;
  funders: string[];
  score: number;
  next_deadline: string | null;
  rolling: boolean;
  amount_min_cents: string | null;
  amount_max_cents: string | null;
  change_summary: string | null;
}

/**
 * Current = what the profile's feeds show: every match but the calls the organisation set aside.
 * Written as NOT EXISTS so PostgreSQL walks the (profile_id, score) index and probes the few
 * set-aside calls; a LEFT JOIN … IS DISTINCT FROM made it misjudge the rows and sort all 70 000
 * matches of a broad profile (400 ms at 100 000 calls).
 */
const NOT_SET_ASIDE = `NOT EXISTS (
  SELECT 1 FROM organisation_call_state s
   WHERE s.organisation_id = $1 AND s.call_id = m.call_id AND s.status = 'dismissed')`;

const cents = (value: string | null) => (value === null ? null : Number(value));

/**
 * The « Veilles » pages' reads. Matches are precomputed (watch_match); the pages walk the
 * (profile_id, score) index for the best ones and stop counting at MATCH_COUNT_CAP.
 */
@Injectable()
export class WatchPageQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Current matches per profile, capped: a broad profile costs no more than a narrow one.
   * Callers pass only the organisation's own profile ids.
   */
  async matchCounts(organisationId: string, profileIds: string[]): Promise<Map<string, number>> {
    if (profileIds.length === 0) return new Map();
    const rows = await readForPage(this.dataSource, (run) =>
      run<Array<{ id: string; n: number }>>(
        `SELECT p.id, counted.n
           FROM unnest($2::uuid[]) AS p(id)
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS n FROM (
               SELECT 1 FROM watch_match m
                WHERE m.profile_id = p.id AND ${NOT_SET_ASIDE}
                ORDER BY m.score DESC
                LIMIT ${MATCH_COUNT_CAP + 1}
             ) capped
           ) counted`,
        [organisationId, profileIds],
      ),
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  /** The profile's best current matches, highest score first. */
  async topMatches(organisationId: string, profileId: string): Promise<WatchMatchView[]> {
    const rows = await readForPage(this.dataSource, (run) =>
      run<MatchRow[]>(
        `SELECT m.call_id, m.score, m.change_summary, c.title, c.funders,
                to_char(c.next_deadline, 'YYYY-MM-DD') AS next_deadline, c.rolling,
                c.amount_min_cents, c.amount_max_cents
           FROM watch_match m
           JOIN call c ON c.id = m.call_id
          WHERE m.organisation_id = $1 AND m.profile_id = $2 AND ${NOT_SET_ASIDE}
          ORDER BY m.score DESC, m.call_id
          LIMIT ${TOP_MATCHES}`,
        [organisationId, profileId],
      ),
    );
    return rows.map((row) => ({
      callId: row.call_id,
      title: row.title,
      funders: row.funders,
      score: row.score,
      nextDeadline: row.next_deadline,
      rolling: row.rolling,
      amountMinCents: cents(row.amount_min_cents),
      amountMaxCents: cents(row.amount_max_cents),
      changeSummary: row.change_summary,
    }));
  }
}
