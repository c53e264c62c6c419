import { territoryOverlapSql } from '@app/common';
import {
  callSearchClause,
  callSearchPatterns,
  type StoredExplanationEntry,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Classifier } from '../classifier';
import { ELIGIBILITY_REASON_KIND, NOT_ELIGIBLE_FACTOR } from './call-ranking.rule';

/** Which calls a list shows, as every surface (API, pages, feeds, finder) asks for them. */
export interface CallRankingFilter {
  statuses: readonly string[];
  /** Words that must all appear (title, funders, description). */
  q?: string | null;
  theme?: string | null;
  euFund?: string | null;
  deadlineBefore?: string | null;
  deadlineAfter?: string | null;
  /** The best amount (max, else min) reaches this many cents. */
  amountMinCents?: number | null;
  /** Codes a call's territory may hold to cover the wanted place (national calls included). */
  coveringTerritories?: readonly string[] | null;
  /** On the organisation's relevance (the one figure); default `relevant`. */
  relevance?: 'relevant' | 'not_relevant' | 'all';
  /** On the organisation's own workflow state of the call. */
  state?: 'not_dismissed' | 'set_aside' | 'followed' | null;
  sort?: 'score' | 'deadline';
}

/** One call as ranked for one organisation. */
export interface RankedCall {
  id: string;
  score: number;
  relevant: boolean;
  /** The organisation's mark: « pertinent » true, « pas pour nous » false. */
  mark: boolean | null;
  /** Why the organisation's figure differs from the shared one (empty when it does not). */
  reasons: StoredExplanationEntry[];
}

export interface RankedPage {
  items: RankedCall[];
  total: number;
  /** True when counting stopped at the cap asked for. */
  totalCapped: boolean;
}

/** An organisation's figure for one call, when it differs from the shared one. */
export interface OrganisationFigure {
  score: number;
  relevant: boolean;
  mark: boolean | null;
  /** Its legal form may not apply to the call (`legal_form_call_verdict`). */
  notEligible: boolean;
  reasons: StoredExplanationEntry[];
}

interface RankedRow {
  id: string;
  score: number;
  relevant: boolean;
  mark: boolean | null;
  reasons: StoredExplanationEntry[] | null;
  /** The organisation's own calls matching the filters by their shared / own relevance. */
  own_shared: number;
  own_own: number;
}

/**
 * The organisation's figure for a call, in SQL, given `cc` (call_classification), `o`
 * (organisation_call_score), `f` (call_feedback) and `e` (legal_form_call_verdict) joined for
 * the organisation: `rankCall` in SQL — the mark wins, then a call its legal form may not apply
 * to is not relevant and its score halved (unless marked « pertinent »), then the stored
 * figure, else the shared one. `o` never holds eligibility (a verdict depends only on the
 * legal form and the call, so it is joined, not stored per organisation).
 * The halving rounds like `Math.round` on the decimal score (numeric, half up).
 */
export const ORGANISATION_SCORE_SQL = `(CASE WHEN e.call_id IS NOT NULL AND f.relevant IS NOT TRUE
  THEN (floor(COALESCE(o.score, cc.score)::numeric * ${NOT_ELIGIBLE_FACTOR * 1000} + 0.5) / 1000)::real
  ELSE COALESCE(o.score, cc.score) END)`;
export const ORGANISATION_RELEVANT_SQL = `COALESCE(f.relevant,
  CASE WHEN e.call_id IS NOT NULL THEN FALSE END, o.relevant, cc.relevant)`;
/** Why the figure differs: the feedback reasons, plus the eligibility words when not eligible. */
export const ORGANISATION_REASONS_SQL = `(COALESCE(o.reasons, '[]'::jsonb) || CASE
  WHEN e.call_id IS NULL THEN '[]'::jsonb
  ELSE jsonb_build_array(jsonb_build_object('concept', '${ELIGIBILITY_REASON_KIND}', 'field', 'eligibility',
    'match', e.summary, 'weight', 0, 'kind', '${ELIGIBILITY_REASON_KIND}', 'theme', NULL,
    'snippet', e.summary)) END)`;

/** The organisation's legal form, for the verdict join (`param` the organisation). */
const legalFormOf = (param: string) => `(SELECT legal_form FROM organisation WHERE id = ${param})`;

/** The joins that give `o`, `f` and `e` for the organisation `param` (a placeholder such as `$1`). */
export const organisationFigureJoins = (param: string, call = 'c.id'): string => `
  LEFT JOIN organisation_call_score o ON o.organisation_id = ${param} AND o.call_id = ${call}
  LEFT JOIN call_feedback f ON f.organisation_id = ${param} AND f.call_id = ${call}
  LEFT JOIN legal_form_call_verdict e ON e.legal_form = ${legalFormOf(param)} AND e.call_id = ${call}`;

/**
 * The one read side of the calls for an organisation: filters, the ranking rule and paging,
 * used by the REST API, the calls page, the dashboard, the watch matches and their feeds, and
 * the co-financing finder.
 *
 * Most calls keep their shared score; the few whose figure differs for the organisation (a
 * mark, a call close to a marked one, an ineligible call) are stored in
 * `organisation_call_score`. A page is the merge of two index walks: the shared ranking minus
 * those calls, and those calls with their own figure. Marks thus cost a few hundred rows, not
 * a pass over every call.
 */
@Injectable()
export class CallRankingQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classifier: Classifier,
  ) {}

  async rank(
    organisationId: string,
    filter: CallRankingFilter,
    page: { offset: number; limit: number; countCap?: number },
  ): Promise<RankedPage> {
    const parameters: unknown[] = [organisationId];
    const common = this.filterClauses(filter, parameters);
    // Read first, so an organisation without a legal form runs the very query it ran before
    // (the verdict clauses cost the planner a good plan even when they match nothing).
    const legalForm = await this.legalFormLiteral(organisationId);
    const relevance = filter.relevance ?? 'relevant';
    // `=` rather than `IS`: PostgreSQL walks the (relevant, score) index only for `=`.
    const wanted = (column: string) =>
      relevance === 'all' ? 'TRUE' : `${column} = ${relevance === 'relevant' ? 'TRUE' : 'FALSE'}`;
    const state = this.stateClause(filter.state ?? null);
    const sharedWhere = [
      ...common,
      wanted('cc.relevant'),
      state.shared,
      // The organisation's own calls leave the shared walk through one hashed set, built once
      // per query (`NOT IN` over a non-null column: never pulled up as a join). As joins or
      // probes, their plan hung on the statistics of the organisation's rows: an organisation
      // that just marked calls has thousands the statistics do not know yet, and PostgreSQL
      // rescanned all of them for every walked call (3.3 million rows compared, 0.9 s for a
      // page at 200,000 calls, until the next ANALYZE).
      `c.id NOT IN (SELECT call_id FROM organisation_call_score WHERE organisation_id = $1
                    UNION ALL SELECT call_id FROM call_feedback WHERE organisation_id = $1)`,
      // `OFFSET 0` keeps it a probe per walked row: pulled up as a join, PostgreSQL hashes
      // every not-eligible call of the legal form (measured 2x slower on a capped count).
      ...(legalForm
        ? [
            `NOT EXISTS (SELECT 1 FROM legal_form_call_verdict x
                          WHERE x.legal_form = ${legalForm} AND x.call_id = c.id OFFSET 0)`,
          ]
        : []),
    ].join(' AND ');
    const deadline = `COALESCE(c.next_deadline, DATE '9999-12-31')`;
    const order = (score: string, relevant: string, deadlineCol: string, id: string) =>
      filter.sort === 'deadline'
        ? `${deadlineCol}, ${score} DESC, ${id}`
        : `${relevant} DESC, ${score} DESC, ${deadlineCol}, ${id}`;
    const wantedRows = page.offset + page.limit;
    const sharedFrom = `FROM call c JOIN call_classification cc ON cc.call_id = c.id
      WHERE ${sharedWhere}`;
    const sharedCondition = [wanted('cc.relevant'), state.shared].join(' AND ');
    const ownCondition = [wanted(ORGANISATION_RELEVANT_SQL), state.own].join(' AND ');
    // The calls its legal form may not apply to can be many (a call for communes only is out
    // for every association): a list of relevant calls needs only those relevant by the shared
    // score (the ones it must leave out and count apart); the others stay out anyway.
    const ineligibleNeeded =
      relevance === 'relevant'
        ? `AND EXISTS (SELECT 1 FROM call_classification vc
                        WHERE vc.call_id = v.call_id AND vc.relevant)`
        : '';
    // A capped count of relevant calls never needs them: they are neither on the page nor
    // counted (the anti-joined shared rows already leave them out).
    const ineligible =
      legalForm && !(relevance === 'relevant' && page.countCap !== undefined)
        ? `UNION SELECT v.call_id FROM legal_form_call_verdict v
          WHERE v.legal_form = ${legalForm} ${ineligibleNeeded}`
        : '';
    // The organisation's own calls, read once (a few hundred rows): their page candidates and
    // both corrections of the shared count come from this one pass.
    const own = `FROM (SELECT call_id FROM organisation_call_score WHERE organisation_id = $1
                        UNION SELECT call_id FROM call_feedback WHERE organisation_id = $1
                        ${ineligible}) adj
        JOIN call c ON c.id = adj.call_id
        JOIN call_classification cc ON cc.call_id = c.id
        ${organisationFigureJoins('$1')}
       WHERE ${common.join(' AND ')}`;
    const rowsSql = `
      WITH own AS MATERIALIZED (
        SELECT c.id, ${ORGANISATION_SCORE_SQL} AS score, ${ORGANISATION_RELEVANT_SQL} AS relevant,
               f.relevant AS mark, ${ORGANISATION_REASONS_SQL} AS reasons, ${deadline} AS deadline,
               (${sharedCondition}) AS counted_shared, (${ownCondition}) AS counted_own
          ${own})
      SELECT r.id, r.score, r.relevant, r.mark, r.reasons,
             (SELECT count(*) FILTER (WHERE counted_shared) FROM own)::int AS own_shared,
             (SELECT count(*) FILTER (WHERE counted_own) FROM own)::int AS own_own
        FROM (
        (SELECT c.id, cc.score, cc.relevant, NULL::boolean AS mark, NULL::jsonb AS reasons,
                ${deadline} AS deadline
           ${sharedFrom}
          ORDER BY ${order('cc.score', 'cc.relevant', deadline, 'c.id')} LIMIT ${wantedRows})
        UNION ALL
        (SELECT id, score, relevant, mark, reasons, deadline FROM own WHERE counted_own
          ORDER BY ${order('score', 'relevant', 'deadline', 'id')} LIMIT ${wantedRows})
      ) r
      ORDER BY ${order('r.score', 'r.relevant', 'r.deadline', 'r.id')}
      OFFSET ${page.offset} LIMIT ${page.limit}`;
    const cap = page.countCap;
    // Counting. Capped (the pages' « plus de 1 000 »): the anti-joined shared rows, which stop
    // at the cap. Exact (the API's total): every call matching by its shared relevance, minus
    // the organisation's own calls counted there, plus those calls by their own figure — the
    // big count is then the very query of an organisation without marks.
    const ownCounts = `SELECT count(*) FILTER (WHERE ${sharedCondition})::int AS own_shared,
             count(*) FILTER (WHERE ${ownCondition})::int AS own_own ${own}`;
    // `$1` is named even when no clause needs the organisation (PostgreSQL types every parameter).
    const allShared = `SELECT count(*)::int AS n FROM call c
        JOIN call_classification cc ON cc.call_id = c.id
       WHERE $1::uuid IS NOT NULL AND ${[...common, sharedCondition].join(' AND ')}`;
    const cappedShared = `SELECT count(*)::int AS n FROM (SELECT 1 ${sharedFrom} LIMIT ${(cap ?? 0) + 1}) x`;
    const [rows, sharedCount] = await Promise.all([
      this.dataSource.query(rowsSql, parameters) as Promise<RankedRow[]>,
      this.dataSource.query(cap === undefined ? allShared : cappedShared, parameters) as Promise<
        Array<{ n: number }>
      >,
    ]);
    // A page past the end has no row to carry the corrections: count them apart.
    const mine =
      rows[0] ?? ((await this.dataSource.query(ownCounts, parameters)) as RankedRow[])[0];
    // Exact: the shared count included the organisation's own calls by their shared figure.
    // Capped: the anti-joined shared rows never held them.
    const total =
      cap === undefined
        ? sharedCount[0].n - mine.own_shared + mine.own_own
        : sharedCount[0].n + mine.own_own;
    return {
      items: rows.map((row) => ({
        id: row.id,
        score: Number(row.score),
        relevant: row.relevant,
        mark: row.mark,
        reasons: row.reasons ?? [],
      })),
      total: cap === undefined ? total : Math.min(total, cap),
      totalCapped: cap !== undefined && total > cap,
    };
  }

  /**
   * The organisations' figures for the given calls where they differ from the shared one
   * (keyed `organisationId:callId`); a call absent keeps its shared score.
   */
  async figuresOf(
    organisationIds: readonly string[],
    callIds: readonly string[] | null,
  ): Promise<Map<string, OrganisationFigure>> {
    if (organisationIds.length === 0 || callIds?.length === 0) return new Map();
    const rows: Array<{
      organisation_id: string;
      call_id: string;
      score: number;
      relevant: boolean;
      mark: boolean | null;
      not_eligible: boolean;
      reasons: StoredExplanationEntry[] | null;
    }> = await this.dataSource.query(
      `SELECT k.organisation_id, k.call_id, ${ORGANISATION_SCORE_SQL} AS score,
              ${ORGANISATION_RELEVANT_SQL} AS relevant, f.relevant AS mark,
              e.call_id IS NOT NULL AS not_eligible, ${ORGANISATION_REASONS_SQL} AS reasons
         FROM (SELECT organisation_id, call_id FROM organisation_call_score
                WHERE organisation_id = ANY($1) AND ($2::uuid[] IS NULL OR call_id = ANY($2))
               UNION
               SELECT organisation_id, call_id FROM call_feedback
                WHERE organisation_id = ANY($1) AND ($2::uuid[] IS NULL OR call_id = ANY($2))
               UNION
               SELECT g.id, v.call_id FROM organisation g
                 JOIN legal_form_call_verdict v ON v.legal_form = g.legal_form
                WHERE g.id = ANY($1) AND ($2::uuid[] IS NULL OR v.call_id = ANY($2))) k
         JOIN call_classification cc ON cc.call_id = k.call_id
         ${organisationFigureJoins('k.organisation_id', 'k.call_id')}`,
      [organisationIds, callIds],
    );
    return new Map(
      rows.map((row) => [
        `${row.organisation_id}:${row.call_id}`,
        {
          score: Number(row.score),
          relevant: row.relevant,
          mark: row.mark,
          notEligible: row.not_eligible,
          reasons: row.reasons ?? [],
        },
      ]),
    );
  }

  /**
   * The organisation's legal form as an SQL literal, or null: inlined rather than a parameter
   * because not every query of a page names it (PostgreSQL must type each parameter); only the
   * closed list's shape (lower-case words) is ever inlined.
   */
  private async legalFormLiteral(organisationId: string): Promise<string | null> {
    const [row]: Array<{ legal_form: string | null }> = await this.dataSource.query(
      `SELECT legal_form FROM organisation WHERE id = $1`,
      [organisationId],
    );
    const legalForm = row?.legal_form ?? null;
    return legalForm !== null && /^[a-z_]+$/.test(legalForm) ? `'${legalForm}'` : null;
  }

  private filterClauses(filter: CallRankingFilter, parameters: unknown[]): string[] {
    const clauses: string[] = [];
    const param = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    clauses.push(`c.status = ANY(${param(filter.statuses)}::text[])`);
    const patterns = callSearchPatterns(filter.q ?? '');
    if (patterns.length > 0) clauses.push(callSearchClause('c', patterns, param));
    if (filter.theme) {
      const theme = param(filter.theme);
      const threshold = param(this.classifier.definition.settings.themeThreshold);
      // Containment first: cheap, and it spares the detailed check on most rows.
      clauses.push(`cc.themes @> jsonb_build_array(jsonb_build_object('id', ${theme}::text))
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(cc.themes) t
                     WHERE t->>'id' = ${theme} AND (t->>'score')::float >= ${threshold})`);
    }
    if (filter.euFund) clauses.push(`COALESCE(cc.eu_fund, c.eu_fund) = ${param(filter.euFund)}`);
    if (filter.deadlineBefore) {
      clauses.push(`c.next_deadline <= ${param(filter.deadlineBefore)}::date`);
    }
    if (filter.deadlineAfter) {
      clauses.push(`c.next_deadline >= ${param(filter.deadlineAfter)}::date`);
    }
    if (filter.amountMinCents !== null && filter.amountMinCents !== undefined) {
      clauses.push(
        `COALESCE(c.amount_max_cents, c.amount_min_cents) >= ${param(filter.amountMinCents)}`,
      );
    }
    if (filter.coveringTerritories) {
      const covering = [...filter.coveringTerritories];
      clauses.push(territoryOverlapSql('c.territory', `${param(covering)}::text[]`, covering));
    }
    return clauses;
  }

  /** The workflow-state filter, for the shared part (no mark by construction) and the own part. */
  private stateClause(state: CallRankingFilter['state']): { shared: string; own: string } {
    const dismissed = `EXISTS (SELECT 1 FROM organisation_call_state s
      WHERE s.organisation_id = $1 AND s.call_id = c.id AND s.status = 'dismissed')`;
    const followed = `EXISTS (SELECT 1 FROM organisation_call_state s
      WHERE s.organisation_id = $1 AND s.call_id = c.id AND (s.follow OR s.status = 'shortlisted'))`;
    switch (state) {
      case 'not_dismissed':
        return { shared: `NOT ${dismissed}`, own: `NOT ${dismissed}` };
      case 'set_aside':
        return { shared: dismissed, own: `(f.relevant IS FALSE OR ${dismissed})` };
      case 'followed':
        return { shared: followed, own: followed };
      default:
        return { shared: 'TRUE', own: 'TRUE' };
    }
  }
}
