import {
  CallRankingQuery,
  ORGANISATION_REASONS_SQL,
  ORGANISATION_RELEVANT_SQL,
  ORGANISATION_SCORE_SQL,
  organisationFigureJoins,
  withFeedbackReasons,
  type CallRankingFilter,
} from '@app/classifier';
import type { StoredExplanationEntry, StoredThemeScore } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ParsedCallFilter } from './call-filter.types';
import type { CallListPage, CallRowView } from './call-page.types';
import { readForPage } from '../page-query.util';
import { ThesaurusLabelService } from './thesaurus-label.service';

export const CALLS_PER_PAGE = 20;
/** The dashboard's counts stop here (« plus de 200 »): an exact count over 100 000 calls costs more than it tells. */
export const COUNT_CAP = 200;
/** The calls list's total stops here (« sur plus de 1 000 »). */
export const CALL_COUNT_CAP = 1000;

export interface CallRow {
  id: string;
  title: string;
  funders: string[];
  next_deadline: string | null;
  rolling: boolean;
  amount_min_cents: string | null;
  amount_max_cents: string | null;
  status: string;
  score: number | null;
  relevant: boolean | null;
  themes: StoredThemeScore[] | null;
  explanation: StoredExplanationEntry[] | null;
  own_reasons: StoredExplanationEntry[] | null;
  eu_fund: string | null;
  my_mark: boolean | null;
  my_status: string | null;
  following: boolean | null;
}

/**
 * What the list shows, read straight from SQL so the page stays fast at 100 000 calls. The
 * score and relevance are the organisation's (the ranking rule's, see `CallRankingQuery`),
 * the same figure as in the API, the feeds and the watch pages.
 */
export const CALL_ROW_COLUMNS = `
  c.id, c.title, c.funders, to_char(c.next_deadline, 'YYYY-MM-DD') AS next_deadline, c.rolling,
  c.amount_min_cents, c.amount_max_cents, c.status, ${ORGANISATION_SCORE_SQL} AS score,
  ${ORGANISATION_RELEVANT_SQL} AS relevant, cc.themes, cc.explanation,
  ${ORGANISATION_REASONS_SQL} AS own_reasons,
  COALESCE(cc.eu_fund, c.eu_fund) AS eu_fund, f.relevant AS my_mark,
  s.status AS my_status, s.follow AS following`;

/** The organisation's figure, mark and state on each call; `$1` is always the organisation. */
export const OWN_VIEW_JOINS = `${organisationFigureJoins('$1')}
  LEFT JOIN organisation_call_state s ON s.call_id = c.id AND s.organisation_id = $1`;

/** Relevant for the organisation by the ranking rule, and not set aside by it. */
export const RELEVANT_FOR_US = `${ORGANISATION_RELEVANT_SQL} IS TRUE
  AND s.status IS DISTINCT FROM 'dismissed'`;

const RELEVANCE: Record<
  ParsedCallFilter['form']['relevance'],
  Pick<CallRankingFilter, 'relevance' | 'state'>
> = {
  pertinents: { relevance: 'relevant', state: 'not_dismissed' },
  tous: { relevance: 'all' },
  ecartes: { relevance: 'all', state: 'set_aside' },
  suivis: { relevance: 'all', state: 'followed' },
};

/**
 * The calls page: the one ranking (`CallRankingQuery`, shared with `GET /api/calls`) for the
 * order and the count, then the page's rows with what the cards show.
 */
@Injectable()
export class WebCallQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly labels: ThesaurusLabelService,
    private readonly ranking: CallRankingQuery,
  ) {}

  async list(organisationId: string, filter: ParsedCallFilter): Promise<CallListPage> {
    const offset = (filter.form.page - 1) * CALLS_PER_PAGE;
    // « Appels 1 à 20 sur N », stopped at CALL_COUNT_CAP like the dashboard's counts: an exact
    // count of a wide filter over 100 000 calls costs several times the page itself.
    const ranked = await this.ranking.rank(organisationId, this.rankingFilter(filter), {
      offset,
      limit: CALLS_PER_PAGE + 1,
      countCap: CALL_COUNT_CAP,
    });
    const ids = ranked.items.slice(0, CALLS_PER_PAGE).map((item) => item.id);
    const rows =
      ids.length === 0
        ? []
        : await readForPage(this.dataSource, (run) =>
            run<CallRow[]>(
              `SELECT ${CALL_ROW_COLUMNS}
                 FROM call c JOIN call_classification cc ON cc.call_id = c.id ${OWN_VIEW_JOINS}
                WHERE c.id = ANY($2::uuid[])`,
              [organisationId, ids],
            ),
          );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      rows: ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [this.toView(row)] : [];
      }),
      first: offset + 1,
      hasNext: ranked.items.length > CALLS_PER_PAGE,
      total: ranked.total,
      totalCapped: ranked.totalCapped,
    };
  }

  toView(row: CallRow): CallRowView {
    return {
      id: row.id,
      title: row.title,
      funders: row.funders,
      nextDeadline: row.next_deadline,
      rolling: row.rolling,
      amountMinCents: row.amount_min_cents === null ? null : Number(row.amount_min_cents),
      amountMaxCents: row.amount_max_cents === null ? null : Number(row.amount_max_cents),
      status: row.status,
      score: row.score ?? 0,
      relevant: row.relevant ?? false,
      themes: this.labels.detectedThemes(row.themes ?? []),
      euFund: this.labels.fundLabel(row.eu_fund),
      reasons: this.labels.reasons(
        row.own_reasons?.length
          ? withFeedbackReasons(row.explanation ?? [], row.own_reasons)
          : (row.explanation ?? []),
      ),
      myMark: row.my_mark,
      myStatus: row.my_status ?? 'new',
      following: row.following ?? false,
    };
  }

  private rankingFilter(filter: ParsedCallFilter): CallRankingFilter {
    const { form } = filter;
    const invalid = new Set(filter.errors.map((e) => e.field));
    return {
      statuses: filter.statuses,
      q: form.q,
      theme: form.theme && !invalid.has('theme') ? form.theme : null,
      euFund: form.euFund && !invalid.has('fonds') ? form.euFund : null,
      deadlineBefore: form.deadlineBefore && !invalid.has('echeance') ? form.deadlineBefore : null,
      amountMinCents: filter.amountMinCents,
      coveringTerritories: filter.coveringTerritories,
      ...RELEVANCE[form.relevance],
    };
  }
}
