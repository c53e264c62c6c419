import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated activity per dossier, the organisations' own indicators and their reference values
 * (issue 18). The free-form `achieved` of a dossier's indicators had no date: it becomes one
 * entry spanning the whole operation, so no count is lost and the targets (`planned`) stay where
 * they were.
 */
export class AddActivityAndImpact1796680000000 implements MigrationInterface {
  name = 'AddActivityAndImpact1796680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activity_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "indicator_key" text NOT NULL, "period_start" text NOT NULL, "period_end" text NOT NULL, "count" integer NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_activity_entry_period" CHECK ("period_start" <= "period_end"), CONSTRAINT "ck_activity_entry_count" CHECK ("count" >= 0), CONSTRAINT "PK_97b653f3442bfbcb09e6193ff83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_activity_entry_application" ON "activity_entry" ("application_id", "period_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "impact_reference_override" ("organisation_id" uuid NOT NULL, "reference_id" text NOT NULL, "value" double precision NOT NULL, "value_date" text NOT NULL, "population" text NOT NULL, "source_title" text NOT NULL, "source_publisher" text NOT NULL, "source_url" text, "source_published" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bee4524ab38f504fcbe9d259f5" PRIMARY KEY ("organisation_id", "reference_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "unit" text NOT NULL, "definition" text NOT NULL, "asked_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organisation_indicator_key" UNIQUE ("organisation_id", "key"), CONSTRAINT "PK_a2db8cb3c24677ea6f94c82878f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_entry" ADD CONSTRAINT "FK_d6ea88da9d48d9012d6641be859" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "impact_reference_override" ADD CONSTRAINT "FK_de138a54f6b28025abdcce206bd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_indicator" ADD CONSTRAINT "FK_774e39b802a5dd97050af6e52b3" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // An achieved count of 0 said only "nothing yet": it needs no entry.
    await queryRunner.query(
      `INSERT INTO "activity_entry" ("application_id", "indicator_key", "period_start", "period_end", "count", "note")
       SELECT a."id", i."elem"->>'key', left(a."operation_start", 7), left(a."operation_end", 7),
              (i."elem"->>'achieved')::integer,
              'Réalisé repris des indicateurs du dossier (sans date : toute la période)'
         FROM "application" a, jsonb_array_elements(a."indicators") AS i("elem")
        WHERE jsonb_typeof(i."elem"->'achieved') = 'number' AND (i."elem"->>'achieved')::integer > 0`,
    );
    await queryRunner.query(
      `UPDATE "application" SET "indicators" = (
         SELECT coalesce(jsonb_agg(t."elem" - 'achieved' ORDER BY t."ord"), '[]'::jsonb)
           FROM jsonb_array_elements("indicators") WITH ORDINALITY AS t("elem", "ord"))
        WHERE jsonb_array_length("indicators") > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one undated total per target: the sum of its entries.
    await queryRunner.query(
      `UPDATE "application" a SET "indicators" = (
         SELECT coalesce(jsonb_agg(
                  CASE WHEN s."total" IS NULL THEN t."elem"
                       ELSE t."elem" || jsonb_build_object('achieved', s."total") END
                  ORDER BY t."ord"), '[]'::jsonb)
           FROM jsonb_array_elements(a."indicators") WITH ORDINALITY AS t("elem", "ord")
           LEFT JOIN (SELECT "indicator_key", sum("count")::integer AS "total" FROM "activity_entry"
                       WHERE "application_id" = a."id" GROUP BY "indicator_key") s
             ON s."indicator_key" = t."elem"->>'key')
        WHERE jsonb_array_length(a."indicators") > 0`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_indicator" DROP CONSTRAINT "FK_774e39b802a5dd97050af6e52b3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "impact_reference_override" DROP CONSTRAINT "FK_de138a54f6b28025abdcce206bd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_entry" DROP CONSTRAINT "FK_d6ea88da9d48d9012d6641be859"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_indicator"`);
    await queryRunner.query(`DROP TABLE "impact_reference_override"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_entry_application"`);
    await queryRunner.query(`DROP TABLE "activity_entry"`);
  }
}
