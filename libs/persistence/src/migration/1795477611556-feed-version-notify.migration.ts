import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows a feed's version (ETag) is computed from, and whose feeds they belong to. */
const FEED_TABLES: Array<{ table: string; organisationColumn: string }> = [
  { table: 'feed_token', organisationColumn: 'organisation_id' },
  { table: 'watch_profile', organisationColumn: 'organisation_id' },
  { table: 'organisation_call_state', organisationColumn: 'organisation_id' },
  { table: 'shared_pick', organisationColumn: 'collectif_id' },
];

/**
 * Every change to the data a feed's version is computed from (FeedService.version) notifies
 * the organisation whose feeds it belongs to on channel `vigie_feed_version`, so the API's
 * in-process cache of versions drops them (apps/api/src/watch/feed-version.cache.ts). Triggers,
 * not calls from the services: no write path can forget one, the worker's included.
 *
 * Write volume: one pg_notify per changed row, deduplicated by PostgreSQL within a transaction
 * (the matching pass touching 1,000 profiles sends 1,000 short notifications); a call row
 * notifies only when its updated_at moves and only the collectifs that picked it.
 * Hand-written: TypeORM does not generate functions or triggers.
 */
export class FeedVersionNotify1795477611556 implements MigrationInterface {
  name = 'FeedVersionNotify1795477611556';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, organisationColumn } of FEED_TABLES) {
      await queryRunner.query(
        `CREATE FUNCTION vigie_notify_${table}_feed_version() RETURNS trigger
           LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP <> 'INSERT' THEN
               PERFORM pg_notify('vigie_feed_version', OLD.${organisationColumn}::text);
             END IF;
             IF TG_OP <> 'DELETE' THEN
               PERFORM pg_notify('vigie_feed_version', NEW.${organisationColumn}::text);
             END IF;
             RETURN NULL;
           END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_feed_version AFTER INSERT OR UPDATE OR DELETE ON "${table}"
           FOR EACH ROW EXECUTE FUNCTION vigie_notify_${table}_feed_version()`,
      );
    }
    // `*`: every cached version is dropped (tests and maintenance empty tables this way).
    await queryRunner.query(
      `CREATE FUNCTION vigie_notify_all_feed_versions() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM pg_notify('vigie_feed_version', '*');
           RETURN NULL;
         END $$`,
    );
    for (const { table } of FEED_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_feed_version_truncate AFTER TRUNCATE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION vigie_notify_all_feed_versions()`,
      );
    }
    // A collectif's feed version includes its picked calls' updated_at.
    await queryRunner.query(
      `CREATE FUNCTION vigie_notify_call_feed_version() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM pg_notify('vigie_feed_version', sp.collectif_id::text)
              FROM shared_pick sp WHERE sp.call_id = NEW.id;
           RETURN NULL;
         END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_call_feed_version AFTER UPDATE ON "call"
         FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at)
         EXECUTE FUNCTION vigie_notify_call_feed_version()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_call_feed_version ON "call"`);
    await queryRunner.query(`DROP FUNCTION vigie_notify_call_feed_version()`);
    for (const { table } of FEED_TABLES) {
      await queryRunner.query(`DROP TRIGGER trg_${table}_feed_version_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER trg_${table}_feed_version ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION vigie_notify_${table}_feed_version()`);
    }
    await queryRunner.query(`DROP FUNCTION vigie_notify_all_feed_versions()`);
  }
}
