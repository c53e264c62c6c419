import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the treasury page needs beyond the projection: the titles of the dossiers its warnings name. */
@Injectable()
export class TreasuryPageQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Titles by id, only of this organisation's applications (another's id finds nothing). */
  async applicationTitles(organisationId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      'SELECT id, title FROM application WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
      [organisationId, ids],
    )) as { id: string; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
