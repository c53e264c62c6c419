import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCallsAndSources1795470495158 implements MigrationInterface {
  name = 'AddCallsAndSources1795470495158';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fingerprint" text NOT NULL, "title" text NOT NULL, "url" text NOT NULL, "funders" text array NOT NULL DEFAULT '{}', "description_text" text NOT NULL DEFAULT '', "description_html" text, "documents" jsonb NOT NULL DEFAULT '[]', "published_at" date, "opens_at" date, "deadlines" jsonb NOT NULL DEFAULT '[]', "next_deadline" date, "rolling" boolean NOT NULL DEFAULT false, "amount_min_cents" bigint, "amount_max_cents" bigint, "envelope_cents" bigint, "rate_pct" real, "aid_types" text array NOT NULL DEFAULT '{}', "eu_fund" text, "audiences" text array NOT NULL DEFAULT '{}', "territory" text array NOT NULL DEFAULT '{}', "status" text NOT NULL, "content_hash" text NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2098af0169792a34f9cfdd39c47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_fingerprint" ON "call" ("fingerprint") `);
    await queryRunner.query(`CREATE INDEX "ix_call_next_deadline" ON "call" ("next_deadline") `);
    await queryRunner.query(`CREATE INDEX "ix_call_status" ON "call" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "call_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "source_id" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '[]', "summary" text NOT NULL, CONSTRAINT "PK_5e9c51e5985bc21ccefda0f4b12" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_call_event_call_occurred" ON "call_event" ("call_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "source" ("id" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "url" text NOT NULL, "funder" text NOT NULL, "territory" text array NOT NULL DEFAULT '{}', "schedule" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "definition" jsonb NOT NULL, "connector_state" jsonb NOT NULL DEFAULT '{}', "last_run_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "last_item_count" integer, "layout_suspect" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "call_source" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "source_id" text NOT NULL, "external_id" text NOT NULL, "url" text NOT NULL, "snapshot" jsonb NOT NULL, "content_hash" text NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "missing_runs" integer NOT NULL DEFAULT '0', CONSTRAINT "uq_call_source_external" UNIQUE ("source_id", "external_id"), CONSTRAINT "PK_705bbcdfc7827e0e86ba24683a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_source_call" ON "call_source" ("call_id") `);
    await queryRunner.query(
      `CREATE TABLE "source_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" text NOT NULL, "status" text NOT NULL, "trigger" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "fetched" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "changed_count" integer NOT NULL DEFAULT '0', "unchanged_count" integer NOT NULL DEFAULT '0', "withdrawn_count" integer NOT NULL DEFAULT '0', "failed_count" integer NOT NULL DEFAULT '0', "requests" integer NOT NULL DEFAULT '0', "not_modified" integer NOT NULL DEFAULT '0', "bytes" bigint NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_51509da3d1b953c56aac56b9c4d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_source_run_source_started" ON "source_run" ("source_id", "started_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "call_event" ADD CONSTRAINT "FK_b8ed7c9fc63d83befc165400eaa" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_source" ADD CONSTRAINT "FK_864adbb44329526a315083851c8" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_source" ADD CONSTRAINT "FK_b67ba948f8d329b78fb0c5aed6d" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_run" ADD CONSTRAINT "FK_9bef06a2f6fcb87f2b58e25c52d" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "source_run" DROP CONSTRAINT "FK_9bef06a2f6fcb87f2b58e25c52d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_source" DROP CONSTRAINT "FK_b67ba948f8d329b78fb0c5aed6d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_source" DROP CONSTRAINT "FK_864adbb44329526a315083851c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_event" DROP CONSTRAINT "FK_b8ed7c9fc63d83befc165400eaa"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_source_run_source_started"`);
    await queryRunner.query(`DROP TABLE "source_run"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_source_call"`);
    await queryRunner.query(`DROP TABLE "call_source"`);
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_event_call_occurred"`);
    await queryRunner.query(`DROP TABLE "call_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_next_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_fingerprint"`);
    await queryRunner.query(`DROP TABLE "call"`);
  }
}
