import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddApplicationsAndTreasury1795470774579 implements MigrationInterface {
  name = 'AddApplicationsAndTreasury1795470774579';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "call_id" uuid, "title" text NOT NULL, "status" text NOT NULL, "submission_deadline" date, "operation_start" text NOT NULL, "operation_end" text NOT NULL, "total_cost_cents" bigint NOT NULL, "expenses" jsonb, "indicators" jsonb NOT NULL DEFAULT '[]', "tasks" jsonb NOT NULL DEFAULT '[]', "eu_area" text, "submitted_at" date, "notified_at" date, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_application_organisation_status" ON "application" ("organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "occurred_on" date NOT NULL, "user_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_application_event_application" ON "application_event" ("application_id", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "funding_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT '0', "funder" text NOT NULL, "kind" text NOT NULL, "amount_cents" bigint NOT NULL, "status" text NOT NULL, "signed_at" date, "schedule" jsonb, "bridge" jsonb, "intermediate_body" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4eaf9255b07d99ca9e17662bfc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_funding_line_application" ON "funding_line" ("application_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "treasury_settings" ("organisation_id" uuid NOT NULL, "opening_balance_cents" bigint NOT NULL, "opening_month" text NOT NULL, "recurring" jsonb NOT NULL DEFAULT '[]', "minimum_cash_cents" bigint NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad080bfc8bed847e325d68278e7" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_771046a1c953cb5b470f2b29d81" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "FK_8b70710754e03908e68bd669e56" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_event" ADD CONSTRAINT "FK_a438c3c070f4e044fed183f458c" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_line" ADD CONSTRAINT "FK_e0ce32a9263780ee401d92c61bf" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "treasury_settings" ADD CONSTRAINT "FK_ad080bfc8bed847e325d68278e7" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "treasury_settings" DROP CONSTRAINT "FK_ad080bfc8bed847e325d68278e7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_line" DROP CONSTRAINT "FK_e0ce32a9263780ee401d92c61bf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_event" DROP CONSTRAINT "FK_a438c3c070f4e044fed183f458c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_8b70710754e03908e68bd669e56"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application" DROP CONSTRAINT "FK_771046a1c953cb5b470f2b29d81"`,
    );
    await queryRunner.query(`DROP TABLE "treasury_settings"`);
    await queryRunner.query(`DROP TABLE "funding_line"`);
    await queryRunner.query(`DROP TABLE "application_event"`);
    await queryRunner.query(`DROP TABLE "application"`);
  }
}
