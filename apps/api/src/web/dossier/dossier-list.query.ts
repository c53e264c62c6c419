import { Application, FundingLine } from '@app/persistence';
import type { ApplicationStatus } from '@app/treasury';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { StoredDossier } from './dossier-projection.util';

export const DOSSIERS_PER_PAGE = 50;
/** A board column shows the most recently changed dossiers; the list filtered by status shows all. */
export const CARDS_PER_COLUMN = 12;

export type StoredDossierRow = StoredDossier & { version: number };

export interface DossierPage {
  dossiers: StoredDossierRow[];
  /** Dossiers per status, for the filter and the board's column headings. */
  counts: Partial<Record<ApplicationStatus, number>>;
  total: number;
}

/**
 * The organisation's dossiers a page at a time: by (organisation, status) through
 * ix_application_organisation_status, lines through ix_funding_line_application.
 */
@Injectable()
export class DossierListQuery {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    organisationId: string,
    status: ApplicationStatus | null,
    page: number,
  ): Promise<DossierPage> {
    const [apps, counts] = await Promise.all([
      this.dataSource.getRepository(Application).find({
        where: { organisationId, ...(status ? { status } : {}) },
        order: { updatedAt: 'DESC', id: 'ASC' },
        take: DOSSIERS_PER_PAGE,
        skip: (page - 1) * DOSSIERS_PER_PAGE,
      }),
      this.counts(organisationId),
    ]);
    const total = status ? (counts[status] ?? 0) : sum(Object.values(counts));
    return { dossiers: await this.withLines(apps), counts, total };
  }

  /** The board: per status, the CARDS_PER_COLUMN most recently changed dossiers. */
  async board(organisationId: string): Promise<DossierPage> {
    const [ids, counts] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY status ORDER BY updated_at DESC, id) AS rank
             FROM application WHERE organisation_id = $1) ranked
          WHERE rank <= $2`,
        [organisationId, CARDS_PER_COLUMN],
      ),
      this.counts(organisationId),
    ]);
    const apps =
      ids.length === 0
        ? []
        : await this.dataSource.getRepository(Application).find({
            where: { id: In(ids.map((r) => r.id)), organisationId },
            order: { updatedAt: 'DESC', id: 'ASC' },
          });
    return { dossiers: await this.withLines(apps), counts, total: sum(Object.values(counts)) };
  }

  private async counts(organisationId: string): Promise<DossierPage['counts']> {
    const rows = await this.dataSource.query<{ status: ApplicationStatus; n: number }[]>(
      'SELECT status, count(*)::int AS n FROM application WHERE organisation_id = $1 GROUP BY status',
      [organisationId],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  private async withLines(apps: Application[]): Promise<StoredDossierRow[]> {
    if (apps.length === 0) return [];
    const lines = await this.dataSource.getRepository(FundingLine).find({
      where: { applicationId: In(apps.map((a) => a.id)) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const byDossier = new Map<string, FundingLine[]>();
    for (const line of lines) {
      const list = byDossier.get(line.applicationId) ?? [];
      list.push(line);
      byDossier.set(line.applicationId, list);
    }
    return apps.map((app) => ({ ...app, fundingLines: byDossier.get(app.id) ?? [] }));
  }
}

function sum(values: (number | undefined)[]): number {
  return values.reduce<number>((total, n) => total + (n ?? 0), 0);
}
