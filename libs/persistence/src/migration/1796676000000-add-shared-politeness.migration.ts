import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, items 2 and 5: state that every worker shares. `host_politeness` holds, per host,
 * the instant before which no process may send it a request; `robots_cache` keeps each
 * origin's robots.txt until it expires, and which process is downloading it (`loading_until`),
 * so the others wait for its copy rather than download it too. Both are written with raw SQL by the crawler's
 * PgPolitenessStore (one conditional UPDATE per turn), so they have no entity.
 * Heartbeats get an index for the purge of dead workers' rows.
 */
export class AddSharedPoliteness1796676000000 implements MigrationInterface {
  name = 'AddSharedPoliteness1796676000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "host_politeness" ("host" text PRIMARY KEY, "next_allowed_at" timestamptz NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "robots_cache" (
        "origin" text PRIMARY KEY,
        "outcome" text CHECK ("outcome" IN ('rules', 'allow_all', 'disallow_all')),
        "body" text NOT NULL DEFAULT '',
        "unreachable_reason" text,
        "fetched_at" timestamptz,
        "expires_at" timestamptz NOT NULL DEFAULT '-infinity',
        "loading_until" timestamptz)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_worker_heartbeat_beat_at" ON "worker_heartbeat" ("beat_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_source_run_finished_at" ON "source_run" ("finished_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_source_run_finished_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_worker_heartbeat_beat_at"`);
    await queryRunner.query(`DROP TABLE "robots_cache"`);
    await queryRunner.query(`DROP TABLE "host_politeness"`);
  }
}
