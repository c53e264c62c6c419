import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { differsFromShared, rankCall } from '../ranking/call-ranking.rule';
import { FeedbackService } from './feedback.service';
import { PersonalScoreService, type ScoredCallRef } from './personal-score.service';

interface StoredScoreRow {
  call_id: string;
  score: number;
  relevant: boolean;
  mark: boolean | null;
}

interface ScoreRow {
  callId: string;
  score: number;
  relevant: boolean;
  mark: boolean | null;
  reasons: string;
}

interface StateRow {
  organisation_id: string;
  stamp: string | null;
  stored_stamp: string | null;
  scored_through: Date | null;
}

/**
 * Keeps `organisation_call_score` true to the ranking rule: for each organisation, the calls
 * whose relevance differs from the shared one (marked, close to a marked call); eligibility is
 * joined on read (see ORGANISATION_SCORE_SQL). The worker
 * redoes an organisation when its marks changed and scores newly classified calls; a mark
 * made through the API re-scores the marked call at once so it leaves the lists immediately.
 * Each call returns the ids whose figure changed, for the watch matches to follow.
 */
@Injectable()
export class OrganisationScoreService {
  private readonly logger = new Logger(OrganisationScoreService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
    private readonly personal: PersonalScoreService,
  ) {}

  /**
   * Every organisation whose stored scores are out of date: marks changed since they were
   * computed (re-done whole), or calls classified since (those calls only).
   */
  async refreshStale(): Promise<{ organisations: number; changedCallIds: string[] }> {
    const states: StateRow[] = await this.dataSource.query(
      `WITH stamps AS (
         SELECT organisation_id, count(*) || '|' || max(updated_at)::text AS stamp
           FROM call_feedback GROUP BY organisation_id)
       SELECT coalesce(s.organisation_id, st.organisation_id) AS organisation_id,
              s.stamp, st.marks_stamp AS stored_stamp, st.scored_through
         FROM stamps s FULL JOIN organisation_score_state st USING (organisation_id)`,
    );
    const [{ latest }]: Array<{ latest: Date | null }> = await this.dataSource.query(
      `SELECT max(classified_at) AS latest FROM call_classification`,
    );
    const changed = new Set<string>();
    let organisations = 0;
    for (const state of states) {
      let ids: string[] | null = null;
      if (state.stamp !== state.stored_stamp) {
        ids = await this.refresh(state.organisation_id);
      } else if (
        state.stamp !== null &&
        latest !== null &&
        (state.scored_through === null || latest > state.scored_through)
      ) {
        ids = await this.refreshCalls(state.organisation_id, state.scored_through);
      }
      if (ids === null) continue;
      organisations++;
      for (const id of ids) changed.add(id);
    }
    if (organisations > 0) {
      this.logger.log(
        `organisation scores: ${organisations} refreshed, ${changed.size} calls moved`,
      );
    }
    return { organisations, changedCallIds: [...changed] };
  }

  /** Recomputes every stored score of one organisation; returns the calls whose figure changed. */
  async refresh(organisationId: string): Promise<string[]> {
    const [{ stamp, through }] = await this.dataSource.query(
      `SELECT (SELECT count(*) || '|' || max(updated_at)::text FROM call_feedback
                WHERE organisation_id = $1) AS stamp,
              (SELECT max(classified_at) FROM call_classification) AS through`,
      [organisationId],
    );
    const refs: ScoredCallRef[] = await this.dataSource.query(
      `SELECT call_id AS id, content_hash AS "contentHash" FROM call_classification`,
    );
    const rows = await this.compute(organisationId, refs);
    const changed = await this.replace(organisationId, rows, null);
    await this.saveState(organisationId, stamp, through);
    return changed;
  }

  /**
   * Re-scores one call for one organisation right after it marked or unmarked it, so the call
   * leaves (or joins) its lists at once; calls close to it follow on the worker's next pass.
   */
  async applyMark(organisationId: string, callId: string): Promise<void> {
    const refs: ScoredCallRef[] = await this.dataSource.query(
      `SELECT call_id AS id, content_hash AS "contentHash" FROM call_classification
        WHERE call_id = $1`,
      [callId],
    );
    const rows = await this.compute(organisationId, refs);
    await this.replace(organisationId, rows, [callId]);
  }

  /** Scores the calls classified since `since` for an organisation whose marks did not change. */
  private async refreshCalls(organisationId: string, since: Date | null): Promise<string[]> {
    const [{ through }] = await this.dataSource.query(
      `SELECT max(classified_at) AS through FROM call_classification`,
    );
    const refs: ScoredCallRef[] = await this.dataSource.query(
      `SELECT call_id AS id, content_hash AS "contentHash" FROM call_classification
        WHERE $1::timestamptz IS NULL OR classified_at > $1`,
      [since],
    );
    const rows = await this.compute(organisationId, refs);
    const changed = await this.replace(
      organisationId,
      rows,
      refs.map((r) => r.id),
    );
    await this.dataSource.query(
      `UPDATE organisation_score_state SET scored_through = $2, updated_at = now()
        WHERE organisation_id = $1`,
      [organisationId, through],
    );
    return changed;
  }

  private async compute(organisationId: string, refs: ScoredCallRef[]): Promise<ScoreRow[]> {
    if (refs.length === 0) return [];
    const [personal, marks] = await Promise.all([
      this.personal.scoresFor(organisationId, refs),
      this.dataSource.query(
        `SELECT call_id, relevant FROM call_feedback WHERE organisation_id = $1`,
        [organisationId],
      ) as Promise<Array<{ call_id: string; relevant: boolean }>>,
    ]);
    const markOf = new Map(marks.map((m) => [m.call_id, m.relevant]));
    const shared: Array<{ call_id: string; score: number; relevant: boolean }> = personal
      ? []
      : await this.dataSource.query(
          `SELECT call_id, score, relevant FROM call_classification WHERE call_id = ANY($1)`,
          [refs.map((r) => r.id)],
        );
    const sharedOf = new Map(shared.map((s) => [s.call_id, s]));
    const rows: ScoreRow[] = [];
    for (const ref of refs) {
      const mine = personal?.get(ref.id);
      const base = mine ?? sharedOf.get(ref.id);
      if (!base) continue;
      const input = {
        score: base.score,
        relevant: base.relevant,
        adjusted: (mine?.feedback.length ?? 0) > 0,
        mark: markOf.get(ref.id) ?? null,
        // Not here: a verdict depends only on the legal form and the call, so the ranking SQL
        // joins it (legal_form_call_verdict) and applies that part of the rule on read; storing
        // it per organisation would cost a row per organisation per ineligible call.
        eligibility: undefined,
      };
      if (!differsFromShared(input)) continue;
      rows.push({
        callId: ref.id,
        ...rankCall(input),
        mark: input.mark,
        reasons: JSON.stringify(mine?.feedback ?? []),
      });
    }
    return rows;
  }

  /**
   * Writes the organisation's rows (within `scope` when given, else all of them) and returns
   * the calls whose figure, relevance or mark changed.
   */
  private async replace(
    organisationId: string,
    rows: ScoreRow[],
    scope: string[] | null,
  ): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const before: StoredScoreRow[] = await manager.query(
        `SELECT call_id, score, relevant, mark FROM organisation_call_score
          WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR call_id = ANY($2))`,
        [organisationId, scope],
      );
      const old = new Map(before.map((r) => [r.call_id, r]));
      const changed: string[] = [];
      const written = rows.filter((row) => {
        const was = old.get(row.callId);
        old.delete(row.callId);
        const same =
          was !== undefined &&
          Math.abs(was.score - row.score) < 1e-6 &&
          was.relevant === row.relevant &&
          was.mark === row.mark;
        if (!same) changed.push(row.callId);
        return !same;
      });
      const gone = [...old.keys()];
      if (gone.length > 0) {
        await manager.query(
          `DELETE FROM organisation_call_score WHERE organisation_id = $1 AND call_id = ANY($2)`,
          [organisationId, gone],
        );
      }
      for (let i = 0; i < written.length; i += 5000) {
        const batch = written.slice(i, i + 5000);
        await manager.query(
          `INSERT INTO organisation_call_score (organisation_id, call_id, score, relevant, mark, reasons)
           SELECT $1, * FROM unnest($2::uuid[], $3::real[], $4::boolean[], $5::boolean[], $6::jsonb[])
           ON CONFLICT (organisation_id, call_id) DO UPDATE SET
             score = excluded.score, relevant = excluded.relevant, mark = excluded.mark,
             reasons = excluded.reasons, updated_at = now()`,
          [
            organisationId,
            batch.map((r) => r.callId),
            batch.map((r) => r.score),
            batch.map((r) => r.relevant),
            batch.map((r) => r.mark),
            batch.map((r) => r.reasons),
          ],
        );
      }
      return [...changed, ...gone];
    });
  }

  private async saveState(
    organisationId: string,
    stamp: string | null,
    through: Date | null,
  ): Promise<void> {
    if (stamp === null) {
      await this.dataSource.query(
        `DELETE FROM organisation_score_state WHERE organisation_id = $1`,
        [organisationId],
      );
      return;
    }
    await this.dataSource.query(
      `INSERT INTO organisation_score_state (organisation_id, marks_stamp, scored_through)
       VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET marks_stamp = excluded.marks_stamp,
         scored_through = excluded.scored_through, updated_at = now()`,
      [organisationId, stamp, through],
    );
  }
}
