import { territoryOverlapSql } from '@app/common';
import { callSearchClause, callSearchPatterns } from '@app/persistence';
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
  eu_fund: string | null;
  my_mark: boolean | null;
  my_status: string | null;
  following: boolean | null;
}

/** What the list shows, read straight from SQL so the page stays fast at 100 000 calls. */
export const CALL_ROW_COLUMNS = `
  c.id, c.title, c.funders, to_char(c.next_deadline, 'YYYY-MM-DD') AS next_deadline, c.rolling,
  c.amount_min_cents, c.amount_max_cents, c.status, cc.score, cc.relevant, cc.themes,
  cc.explanation, COALESCE(cc.eu_fund, c.eu_fund) AS eu_fund, f.relevant AS my_mark,
  s.status AS my_status, s.follow AS following`;

/**
 * Best score first. `relevant` leads because it follows the score (relevant ⇔ score ≥ the
 * threshold), which lets PostgreSQL walk the (relevant, score) index instead of sorting
 * 100 000 rows; call_id makes pages stable.
 */
export const BEST_FIRST = 'cc.relevant DESC, cc.score DESC, cc.call_id';

/** The organisation's own mark and state on each call; `$1` is always the organisation. */
export const OWN_VIEW_JOINS = `
  LEFT JOIN call_feedback f ON f.call_id = c.id AND f.organisation_id = $1
  LEFT JOIN organisation_call_state s ON s.call_id = c.id AND s.organisation_id = $1`;

/** Relevant for the organisation: the rules or its « pertinent » say so, and it did not set it aside. */
export const RELEVANT_FOR_US = `(cc.relevant OR f.relevant IS TRUE) AND f.relevant IS NOT FALSE
  AND s.status IS DISTINCT FROM 'dismissed'`;

/**
 * The calls page's query. Scores are the stored shared ones; the organisation's own marks act
 * directly: « pas pour nous » hides a call from the default list, « pertinent » keeps it.
 */
@Injectable()
export class WebCallQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly labels: ThesaurusLabelService,
  ) {}

  async list(organisationId: string, filter: ParsedCallFilter): Promise<CallListPage> {
    const { where, parameters } = this.whereOf(organisationId, filter);
    const from = `FROM call c
      JOIN call_classification cc ON cc.call_id = c.id ${OWN_VIEW_JOINS}
      WHERE ${where}`;
    const offset = (filter.form.page - 1) * CALLS_PER_PAGE;
    const rows = await readForPage(this.dataSource, (run) =>
      run<CallRow[]>(
        `SELECT ${CALL_ROW_COLUMNS} ${from}
         ORDER BY ${BEST_FIRST}
         LIMIT ${CALLS_PER_PAGE + 1} OFFSET ${offset}`,
        parameters,
      ),
    );
    const hasNext = rows.length > CALLS_PER_PAGE;
    // « Appels 1 à 20 sur N »: counted only when there is more than one page (otherwise the
    // rows are the count), and stopped at CALL_COUNT_CAP like the dashboard's counts: an exact
    // count of a wide filter over 100 000 calls costs several times the page itself.
    const total =
      hasNext || offset > 0
        ? await readForPage(this.dataSource, (run) =>
            run<Array<{ n: number }>>(
              `SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${CALL_COUNT_CAP + 1}) x`,
              parameters,
            ),
          ).then((result) => result[0].n)
        : offset + rows.length;
    return {
      rows: rows.slice(0, CALLS_PER_PAGE).map((row) => this.toView(row)),
      first: offset + 1,
      hasNext,
      total: Math.min(total, CALL_COUNT_CAP),
      totalCapped: total > CALL_COUNT_CAP,
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
      reasons: this.labels.reasons(row.explanation ?? []),
      myMark: row.my_mark,
      myStatus: row.my_status ?? 'new',
      following: row.following ?? false,
    };
  }

  private whereOf(
    organisationId: string,
    filter: ParsedCallFilter,
  ): { where: string; parameters: unknown[] } {
    const parameters: unknown[] = [organisationId, filter.statuses];
    const clauses = ['c.status = ANY($2)'];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      clauses.push(clause(`$${parameters.length}`));
    };
    const { form } = filter;
    if (form.relevance === 'pertinents') {
      clauses.push(RELEVANT_FOR_US);
    } else if (form.relevance === 'ecartes') {
      clauses.push(`(f.relevant IS FALSE OR s.status = 'dismissed')`);
    } else if (form.relevance === 'suivis') {
      clauses.push(`(s.follow OR s.status = 'shortlisted')`);
    }
    const invalid = new Set(filter.errors.map((e) => e.field));
    const patterns = callSearchPatterns(form.q ?? '');
    if (patterns.length > 0) {
      clauses.push(
        callSearchClause('c', patterns, (pattern) => {
          parameters.push(pattern);
          return `$${parameters.length}`;
        }),
      );
    }
    if (form.theme && !invalid.has('theme')) {
      parameters.push(this.labels.themeThreshold);
      const threshold = `$${parameters.length}`;
      // Containment first: cheap, and it spares the detailed check on most rows.
      add(
        (p) => `cc.themes @> jsonb_build_array(jsonb_build_object('id', ${p}::text))
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(cc.themes) t
                       WHERE t->>'id' = ${p} AND (t->>'score')::float >= ${threshold})`,
        form.theme,
      );
    }
    if (form.euFund && !invalid.has('fonds')) {
      add((p) => `COALESCE(cc.eu_fund, c.eu_fund) = ${p}`, form.euFund);
    }
    if (form.deadlineBefore && !invalid.has('echeance')) {
      add((p) => `c.next_deadline <= ${p}::date`, form.deadlineBefore);
    }
    if (filter.amountMinCents !== null) {
      add((p) => `COALESCE(c.amount_max_cents, c.amount_min_cents) >= ${p}`, filter.amountMinCents);
    }
    if (filter.coveringTerritories) {
      const covering = filter.coveringTerritories;
      add((p) => territoryOverlapSql('c.territory', `${p}::text[]`, covering), covering);
    }
    return { where: clauses.join(' AND '), parameters };
  }
}
