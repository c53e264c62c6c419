import { territoriesCovering, territoryOverlapSql } from '@app/common';
import { CallEligibilityService } from '@app/eligibility';
import { sanitizeHtml } from '@app/ingestion';
import { TenancyException } from '@app/tenancy';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StoredDeadline, StoredDocument } from '@app/persistence';
import { AUDIENCE_LABELS } from '@app/watch';
import type { CallDetailPage } from './call-page.types';
import { CALL_ROW_COLUMNS, CallRow, OWN_VIEW_JOINS, WebCallQuery } from './web-call.query';
import { isUuid } from '../page-id.pipe';

interface DetailRow extends CallRow {
  url: string;
  description_text: string;
  description_html: string | null;
  deadlines: StoredDeadline[];
  documents: StoredDocument[];
  envelope_cents: string | null;
  rate_pct: number | null;
  territory: string[];
  audiences: string[];
  aid_types: string[];
  published_at: string | null;
  first_seen_at: Date;
  last_changed_at: Date;
  notes: string | null;
}

const SIMILAR_CALLS = 5;

/** Everything the « fiche appel » shows, in four small queries. */
@Injectable()
export class WebCallDetailQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: WebCallQuery,
    private readonly eligibility: CallEligibilityService,
  ) {}

  /** 404 for a malformed or unknown id, before any write names it. */
  async assertExists(callId: string): Promise<void> {
    const found = isUuid(callId)
      ? await this.dataSource.query<unknown[]>('SELECT 1 FROM call WHERE id = $1', [callId])
      : [];
    if (found.length === 0) throw TenancyException.notFound('Appel');
  }

  async detail(organisationId: string, callId: string): Promise<CallDetailPage> {
    if (!isUuid(callId)) throw TenancyException.notFound('Appel');
    const [row] = await this.dataSource.query<DetailRow[]>(
      `SELECT ${CALL_ROW_COLUMNS}, c.url, c.description_text, c.description_html, c.deadlines,
              c.documents, c.envelope_cents, c.rate_pct, c.territory, c.audiences, c.aid_types,
              to_char(c.published_at, 'YYYY-MM-DD') AS published_at, c.first_seen_at,
              c.last_changed_at, s.notes
         FROM call c
         LEFT JOIN call_classification cc ON cc.call_id = c.id ${OWN_VIEW_JOINS}
        WHERE c.id = $2`,
      [organisationId, callId],
    );
    if (!row) throw TenancyException.notFound('Appel');
    const view = this.calls.toView(row);
    const [sources, history, similar, eligibility] = await Promise.all([
      this.sourcesOf(callId),
      this.historyOf(callId),
      this.similarTo(organisationId, callId, view.themes[0]?.id),
      this.eligibility.verdictFor(organisationId, callId),
    ]);
    return {
      call: {
        ...view,
        url: row.url,
        descriptionText: row.description_text,
        // Sanitised on the way in by ingestion; again here with the same allow-list, so a row
        // written by any other path can never carry a script to the page.
        descriptionHtml: sanitizeHtml(row.description_html) || null,
        deadlines: row.deadlines,
        documents: row.documents.map((d) => ({ url: d.url, title: d.title })),
        envelopeCents: row.envelope_cents === null ? null : Number(row.envelope_cents),
        ratePct: row.rate_pct,
        territory: row.territory,
        // Ids in the data, French on the page.
        audiences: row.audiences.map((id) => AUDIENCE_LABELS[id] ?? id),
        aidTypes: row.aid_types,
        publishedAt: row.published_at,
        firstSeenAt: row.first_seen_at,
        lastChangedAt: row.last_changed_at,
      },
      classified: row.score !== null,
      eligibility: {
        verdict: eligibility.verdict,
        summary: eligibility.summary,
        legalFormMissing: eligibility.legalForm === null,
      },
      notes: row.notes ?? '',
      sources,
      history,
      similar,
    };
  }

  /** Codes a call's territory may hold to concern the organisation; null: no territory set. */
  private async coveringOf(organisationId: string): Promise<string[] | null> {
    const [organisation] = await this.dataSource.query<Array<{ territory: string[] | null }>>(
      'SELECT territory FROM organisation WHERE id = $1',
      [organisationId],
    );
    const places = organisation?.territory ?? [];
    const codes = new Set(places.flatMap((place) => territoriesCovering(place) ?? []));
    return codes.size ? [...codes] : null;
  }

  private async sourcesOf(callId: string): Promise<CallDetailPage['sources']> {
    const rows = await this.dataSource.query<
      Array<{ name: string; url: string; last_seen_at: Date }>
    >(
      `SELECT s.name, cs.url, cs.last_seen_at FROM call_source cs
         JOIN source s ON s.id = cs.source_id
        WHERE cs.call_id = $1 ORDER BY cs.first_seen_at`,
      [callId],
    );
    return rows.map((r) => ({ name: r.name, url: r.url, lastSeenAt: r.last_seen_at }));
  }

  private async historyOf(callId: string): Promise<CallDetailPage['history']> {
    const rows = await this.dataSource.query<
      Array<{ occurred_at: Date; kind: string; summary: string }>
    >(
      `SELECT occurred_at, kind, summary FROM call_event
        WHERE call_id = $1 ORDER BY occurred_at DESC LIMIT 50`,
      [callId],
    );
    return rows.map((r) => ({ occurredAt: r.occurred_at, kind: r.kind, summary: r.summary }));
  }

  /**
   * Open calls sharing the strongest theme, best scored first, among those the organisation
   * could apply to: a call whose territory covers the organisation's (or with none stated, as
   * the watch matcher reads it). An organisation without a territory sees them all.
   */
  private async similarTo(
    organisationId: string,
    callId: string,
    theme: string | undefined,
  ): Promise<CallDetailPage['similar']> {
    if (!theme) return [];
    const covering = await this.coveringOf(organisationId);
    const territoryClause = covering
      ? `AND (cardinality(c.territory) = 0 OR ${territoryOverlapSql('c.territory', '$3::text[]', covering)})`
      : '';
    const rows = await this.dataSource.query<
      Array<{ id: string; title: string; next_deadline: string | null; score: number }>
    >(
      `SELECT c.id, c.title, to_char(c.next_deadline, 'YYYY-MM-DD') AS next_deadline, cc.score
         FROM call_classification cc JOIN call c ON c.id = cc.call_id
        WHERE cc.relevant AND c.id <> $1 AND c.status IN ('open', 'forthcoming')
          AND cc.themes @> jsonb_build_array(jsonb_build_object('id', $2::text))
          ${territoryClause}
        ORDER BY cc.relevant DESC, cc.score DESC LIMIT ${SIMILAR_CALLS}`,
      covering ? [callId, theme, covering] : [callId, theme],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      nextDeadline: r.next_deadline,
      score: r.score,
    }));
  }
}
