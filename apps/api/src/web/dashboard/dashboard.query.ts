import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallRowView } from '../call/call-page.types';
import { ORGANISATION_SCORE_SQL } from '@app/classifier';
import {
  CALL_ROW_COLUMNS,
  CallRow,
  COUNT_CAP,
  OWN_VIEW_JOINS,
  RELEVANT_FOR_US,
  WebCallQuery,
} from '../call/web-call.query';
import { readForPage } from '../page-query.util';

export const DEADLINE_HORIZON_DAYS = 14;
export const NEW_CALLS_DAYS = 7;
const DEADLINES_SHOWN = 10;
/** A task more than a year late is no longer a reminder but a closed matter. */
const LATE_TASKS_DAYS = 365;

/** Something a dossier asks of the structure by a date: filing it, or a report or task due. */
export interface DossierDeadline {
  applicationId: string;
  title: string;
  date: string;
  kind: 'submission' | 'interim_report' | 'final_report' | 'other';
  /** The task's own words; null for the filing deadline. */
  label: string | null;
}

export interface DashboardFigures {
  upcoming: CallRowView[];
  /** Filing deadlines within the horizon and unfinished tasks due by then (late ones included). */
  dossierDeadlines: DossierDeadline[];
  newRelevant: number;
  openRelevant: number;
  dismissed: number;
  /** Counts stop at COUNT_CAP: the page says « plus de 1 000 ». */
  capped: { openRelevant: boolean; newRelevant: boolean };
}

/** The dashboard's figures, from stored calls only: nothing is shown that is not there. */
@Injectable()
export class DashboardQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: WebCallQuery,
  ) {}

  async figures(organisationId: string, today: string): Promise<DashboardFigures> {
    const from = `FROM call c JOIN call_classification cc ON cc.call_id = c.id ${OWN_VIEW_JOINS}`;
    const relevantOpen = `${from} WHERE ${RELEVANT_FOR_US} AND c.status IN ('open', 'forthcoming')`;
    const capped = (sql: string) =>
      `SELECT count(*)::int AS n FROM (SELECT 1 ${sql} LIMIT ${COUNT_CAP + 1}) x`;
    const { upcoming, open, fresh, dismissed, dossierDeadlines } = await readForPage(
      this.dataSource,
      async (run) => ({
        upcoming: await run<CallRow[]>(
          `SELECT ${CALL_ROW_COLUMNS} ${from}
          WHERE ${RELEVANT_FOR_US} AND c.status = 'open'
            AND c.next_deadline BETWEEN $2::date AND $2::date + ${DEADLINE_HORIZON_DAYS}
          ORDER BY c.next_deadline, ${ORGANISATION_SCORE_SQL} DESC, c.id LIMIT ${DEADLINES_SHOWN}`,
          [organisationId, today],
        ),
        open: await count(run, capped(relevantOpen), [organisationId]),
        fresh: await count(
          run,
          capped(
            `${relevantOpen} AND c.first_seen_at >= now() - interval '${NEW_CALLS_DAYS} days'`,
          ),
          [organisationId],
        ),
        // Starts from the organisation's own marks (a few rows), not from the 100 000 calls.
        dismissed: await count(
          run,
          `SELECT count(DISTINCT call_id)::int AS n FROM (
           SELECT call_id FROM call_feedback WHERE organisation_id = $1 AND relevant = false
           UNION SELECT call_id FROM organisation_call_state
                  WHERE organisation_id = $1 AND status = 'dismissed') marked`,
          [organisationId],
        ),
        dossierDeadlines: await run<DossierDeadline[]>(
          `SELECT a.id AS "applicationId", a.title, a.submission_deadline::text AS date,
                  'submission' AS kind, NULL AS label
             FROM application a
            WHERE a.organisation_id = $1 AND a.status IN ('idea', 'preparing')
              AND a.submission_deadline BETWEEN $2::date AND $2::date + ${DEADLINE_HORIZON_DAYS}
           UNION ALL
           SELECT a.id, a.title, t->>'dueDate', t->>'kind', t->>'label'
             FROM application a CROSS JOIN LATERAL jsonb_array_elements(a.tasks) t
            WHERE a.organisation_id = $1 AND a.status NOT IN ('rejected', 'closed')
              AND COALESCE((t->>'done')::boolean, false) = false
              AND t->>'kind' <> 'submission'
              AND t->>'dueDate' BETWEEN ($2::date - ${LATE_TASKS_DAYS})::text
                                    AND ($2::date + ${DEADLINE_HORIZON_DAYS})::text
            ORDER BY date, title
            LIMIT ${DEADLINES_SHOWN}`,
          [organisationId, today],
        ),
      }),
    );
    return {
      upcoming: upcoming.map((row) => this.calls.toView(row)),
      dossierDeadlines,
      openRelevant: Math.min(open, COUNT_CAP),
      newRelevant: Math.min(fresh, COUNT_CAP),
      dismissed,
      capped: { openRelevant: open > COUNT_CAP, newRelevant: fresh > COUNT_CAP },
    };
  }
}

type Run = <R>(sql: string, parameters?: unknown[]) => Promise<R>;

async function count(run: Run, sql: string, parameters: unknown[]): Promise<number> {
  const rows = await run<Array<{ n: number }>>(sql, parameters);
  return rows[0]?.n ?? 0;
}
