import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 5: `source.connector_state` keeps per page validators, a hash and the items'
 * keys, no longer the page bodies (feed and listing texts, PDF texts, detail-page fields). The
 * old entries have no hash, so no page can be compared with them: the state is reset to `{}`
 * rather than stripped, which frees the bodies now. The next run of each source is then a full
 * fetch (every page read, each call upserted as an unchanged one), once; later runs are
 * conditional again. Nothing else moves: calls, sightings and their dates stay as they are.
 */
export class BoundedConnectorState1796750000000 implements MigrationInterface {
  name = 'BoundedConnectorState1796750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "source" SET "connector_state" = '{}'::jsonb WHERE "connector_state" <> '{}'::jsonb`,
    );
  }

  async down(): Promise<void> {
    // The bodies are gone; an empty state is valid for the previous version too (a full fetch).
  }
}
