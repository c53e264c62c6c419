import { Classifier, ORGANISATION_SCORE_SQL, organisationFigureJoins } from '@app/classifier';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedItem, MatchPage, MatchQuery } from './feed-item.types';

const ORDER: Record<NonNullable<MatchQuery['sort']>, string> = {
  score: 'score DESC, matched_at DESC, call_id',
  deadline: 'next_deadline ASC NULLS LAST, score DESC, call_id',
  recent: 'matched_at DESC, score DESC, call_id',
};

/** Heavier columns, computed only for the rows of the page. */
const CALL_COLUMNS = `
  c.title, c.url, c.funders, left(c.description_text, 600) AS excerpt,
  c.deadlines, c.rolling, c.amount_min_cents, c.amount_max_cents,
  c.updated_at AS call_updated_at,
  coalesce(cc.themes, '[]'::jsonb) AS themes,
  (SELECT count(*) FROM call_event ev WHERE ev.call_id = c.id AND ev.kind = 'changed')::int
    AS revision,
  coalesce(s.follow, false) AS follow, s.notes`;

interface Columns {
  status: string;
  score: string;
  callId: string;
}

interface ItemRow {
  call_id: string;
  title: string;
  url: string;
  funders: string[];
  excerpt: string;
  score: number | null;
  themes: Array<{ id: string; score: number }>;
  reasons: string[] | null;
  next_deadline: string | null;
  deadlines: FeedItem['deadlines'];
  rolling: boolean;
  amount_min_cents: string | null;
  amount_max_cents: string | null;
  matched_at: Date;
  change_summary: string | null;
  revision: number;
  call_updated_at: Date;
  status: FeedItem['status'];
  follow: boolean;
  notes: string | null;
  pick_id?: string;
  annotation?: string;
  joint_bid?: boolean;
  total: string;
}

const amount = (value: string | null) => (value === null ? null : Number(value));

/** Theme labels by id, and the score from which a theme counts as detected. */
interface ThemeNames {
  labels: ReadonlyMap<string, string>;
  threshold: number;
}

function toItem(row: ItemRow, names: ThemeNames): FeedItem {
  const detected = row.themes.filter((t) => t.score >= names.threshold);
  return {
    callId: row.call_id,
    title: row.title,
    url: row.url,
    funders: row.funders,
    excerpt: row.excerpt,
    score: row.score ?? 0,
    themes: row.themes.map((t) => t.id),
    themeLabels: detected.map((t) => names.labels.get(t.id) ?? t.id),
    reasons: row.reasons ?? [],
    nextDeadline: row.next_deadline,
    deadlines: row.deadlines,
    rolling: row.rolling,
    amountMinCents: amount(row.amount_min_cents),
    amountMaxCents: amount(row.amount_max_cents),
    matchedAt: row.matched_at,
    changeSummary: row.change_summary,
    revision: row.revision,
    callUpdatedAt: row.call_updated_at,
    status: row.status,
    follow: row.follow,
    notes: row.notes,
    pick: row.pick_id
      ? { id: row.pick_id, annotation: row.annotation ?? '', jointBid: row.joint_bid ?? false }
      : null,
  };
}

/**
 * The one query behind every output, so the API, the feeds, the digest and the CSV never
 * disagree. Always filtered on the organisation first: tenant isolation lives here.
 */
@Injectable()
export class FeedQuery {
  private readonly names: ThemeNames;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    classifier: Classifier,
  ) {
    this.names = {
      labels: new Map(classifier.definition.themes.map((t) => [t.id, t.label])),
      threshold: classifier.definition.settings.themeThreshold,
    };
  }

  async profileMatches(
    organisationId: string,
    profileId: string,
    query: MatchQuery = {},
  ): Promise<MatchPage> {
    const params: unknown[] = [organisationId, profileId];
    const where = this.filters(query, params, {
      status: `coalesce(s.status, 'new')`,
      score: 'm.score',
      callId: 'm.call_id',
    });
    const paging = this.paging(query, params);
    // The call is read for the page's rows only, unless the order or a filter needs its
    // deadline: joined for every match, it cost one lookup per match before the page was cut
    // (29 of 30 ms for a profile with 300 matches at 200,000 calls; `count(*) OVER ()` reads
    // every match anyway). A match always has its call (foreign key, on delete cascade).
    const needsCall = query.sort === 'deadline' || Boolean(query.deadlineBefore);
    const rows: ItemRow[] = await this.dataSource.query(
      `WITH page AS (
         SELECT m.call_id, m.score, m.reasons, m.matched_at, m.change_summary,
                ${needsCall ? 'c.next_deadline::text' : 'NULL::text'} AS next_deadline,
                coalesce(s.status, 'new') AS status, count(*) OVER () AS total
           FROM watch_match m
           ${needsCall ? 'JOIN call c ON c.id = m.call_id' : ''}
           LEFT JOIN organisation_call_state s
                  ON s.organisation_id = m.organisation_id AND s.call_id = m.call_id
          WHERE m.organisation_id = $1 AND m.profile_id = $2 AND ${where}
          ORDER BY ${ORDER[query.sort ?? 'recent']} ${paging})
       SELECT page.call_id, page.score, page.reasons, page.matched_at, page.change_summary,
              page.status, page.total, c.next_deadline::text AS next_deadline, ${CALL_COLUMNS}
         FROM page
         JOIN call c ON c.id = page.call_id
         LEFT JOIN call_classification cc ON cc.call_id = page.call_id
         LEFT JOIN organisation_call_state s ON s.organisation_id = $1 AND s.call_id = page.call_id
        ORDER BY ${ORDER[query.sort ?? 'recent']}`,
      params,
    );
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((row) => toItem(row, this.names)),
    };
  }

  /**
   * The collectif's picks, as `viewerId` sees them: the status, follow and notes columns are
   * the viewer's own (a member looking at its collectif's feed sees its own state).
   */
  async collectifPicks(
    collectifId: string,
    viewerId: string,
    query: MatchQuery = {},
  ): Promise<MatchPage> {
    const params: unknown[] = [collectifId, viewerId];
    const where = this.filters(query, params, {
      status: `coalesce(s.status, 'new')`,
      score: `coalesce(${ORGANISATION_SCORE_SQL}, 0)`,
      callId: 'p.call_id',
    });
    const paging = this.paging(query, params);
    const rows: ItemRow[] = await this.dataSource.query(
      `WITH page AS (
         SELECT p.call_id, coalesce(${ORGANISATION_SCORE_SQL}, 0) AS score, NULL::jsonb AS reasons,
                greatest(p.picked_at, coalesce(ch.occurred_at, p.picked_at)) AS matched_at,
                ch.summary AS change_summary, p.id AS pick_id, p.annotation, p.joint_bid,
                c.next_deadline::text AS next_deadline, coalesce(s.status, 'new') AS status,
                count(*) OVER () AS total
           FROM shared_pick p
           JOIN call c ON c.id = p.call_id
           LEFT JOIN call_classification cc ON cc.call_id = p.call_id
           ${organisationFigureJoins('$2', 'p.call_id')}
           LEFT JOIN organisation_call_state s ON s.organisation_id = $2 AND s.call_id = p.call_id
           LEFT JOIN LATERAL (
             SELECT ev.summary, ev.occurred_at FROM call_event ev
              WHERE ev.call_id = p.call_id AND ev.kind IN ('changed', 'reappeared')
                AND ev.occurred_at > p.picked_at
              ORDER BY ev.occurred_at DESC LIMIT 1) ch ON true
          WHERE p.collectif_id = $1 AND ${where}
          ORDER BY ${ORDER[query.sort ?? 'recent']} ${paging})
       SELECT page.*, ${CALL_COLUMNS}
         FROM page
         JOIN call c ON c.id = page.call_id
         LEFT JOIN call_classification cc ON cc.call_id = page.call_id
         LEFT JOIN organisation_call_state s ON s.organisation_id = $2 AND s.call_id = page.call_id
        ORDER BY ${ORDER[query.sort ?? 'recent']}`,
      params,
    );
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((row) => toItem(row, this.names)),
    };
  }

  private filters(query: MatchQuery, params: unknown[], columns: Columns): string {
    const clauses: string[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length}`));
    };
    if (query.statuses?.length) {
      add((p) => `${columns.status} = ANY(${p}::text[])`, query.statuses);
    } else clauses.push(`${columns.status} <> 'dismissed'`);
    if (query.minScore !== undefined) add((p) => `${columns.score} >= ${p}`, query.minScore);
    if (query.deadlineBefore) add((p) => `c.next_deadline <= ${p}::date`, query.deadlineBefore);
    if (query.callIds) add((p) => `${columns.callId} = ANY(${p}::uuid[])`, query.callIds);
    return clauses.join(' AND ');
  }

  private paging(query: MatchQuery, params: unknown[]): string {
    params.push(query.limit ?? 50, query.offset ?? 0);
    return `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
}
