import { territoryOverlapSql } from '@app/common';
import { DataSource } from 'typeorm';
import { MatchableCall } from '../profile/watch-profile.types';

export interface LoadedCall extends MatchableCall {
  /** The latest change of the call (call_event), which can make a match reappear. */
  lastChange: { id: string; summary: string; occurredAt: Date } | null;
}

interface CallRow {
  id: string;
  title: string;
  description_text: string;
  funders: string[];
  status: string;
  next_deadline: string | null;
  rolling: boolean;
  amount_min_cents: string | null;
  amount_max_cents: string | null;
  eu_fund: string | null;
  audiences: string[];
  territory: string[];
  c_score: number | null;
  c_themes: Array<{ id: string; score: number }> | null;
  c_eu_fund: string | null;
  e_id: string | null;
  e_summary: string | null;
  e_occurred_at: Date | null;
}

/** Shared by the per-call pass and the per-profile pass: the call, its score, its last change. */
export const MATCHABLE_CALL_SELECT = `
  SELECT c.id, c.title, c.description_text, c.funders, c.status, c.next_deadline::text,
         c.rolling, c.amount_min_cents, c.amount_max_cents, c.eu_fund, c.audiences, c.territory,
         cc.score AS c_score, cc.themes AS c_themes, cc.eu_fund AS c_eu_fund,
         e.id AS e_id, e.summary AS e_summary, e.occurred_at AS e_occurred_at
    FROM call c
    LEFT JOIN call_classification cc ON cc.call_id = c.id
    LEFT JOIN LATERAL (
      SELECT ev.id, ev.summary, ev.occurred_at FROM call_event ev
       WHERE ev.call_id = c.id AND ev.kind IN ('changed', 'reappeared')
       ORDER BY ev.occurred_at DESC LIMIT 1
    ) e ON true`;

const toNumber = (value: string | null) => (value === null ? null : Number(value));

export function toLoadedCall(row: CallRow): LoadedCall {
  return {
    id: row.id,
    title: row.title,
    descriptionText: row.description_text,
    funders: row.funders,
    status: row.status,
    nextDeadline: row.next_deadline,
    rolling: row.rolling,
    amountMinCents: toNumber(row.amount_min_cents),
    amountMaxCents: toNumber(row.amount_max_cents),
    euFund: row.eu_fund,
    audiences: row.audiences,
    territory: row.territory,
    classification:
      row.c_score === null
        ? null
        : { score: row.c_score, themes: row.c_themes ?? [], euFund: row.c_eu_fund },
    lastChange:
      row.e_id === null
        ? null
        : { id: row.e_id, summary: row.e_summary ?? '', occurredAt: row.e_occurred_at! },
  };
}

export async function loadCalls(dataSource: DataSource, callIds: string[]): Promise<LoadedCall[]> {
  const rows: CallRow[] = await dataSource.query(`${MATCHABLE_CALL_SELECT} WHERE c.id = ANY($1)`, [
    callIds,
  ]);
  return rows.map(toLoadedCall);
}

/** Calls a profile could match, pre-filtered in SQL on the cheap criteria. */
export async function loadCandidateCalls(
  dataSource: DataSource,
  filter: { territories: string[] | null; today: string; afterId: string | null; limit: number },
): Promise<LoadedCall[]> {
  const rows: CallRow[] = await dataSource.query(
    `${MATCHABLE_CALL_SELECT}
      WHERE c.status IN ('open', 'forthcoming')
        AND (c.next_deadline IS NULL OR c.next_deadline >= $1::date)
        AND ($2::text[] IS NULL OR c.territory = '{}'
             OR ${territoryOverlapSql('c.territory', '$2::text[]', filter.territories)})
        AND ($3::uuid IS NULL OR c.id > $3::uuid)
      ORDER BY c.id LIMIT $4`,
    [filter.today, filter.territories, filter.afterId, filter.limit],
  );
  return rows.map(toLoadedCall);
}
