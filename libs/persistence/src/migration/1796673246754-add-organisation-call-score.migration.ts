import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOrganisationCallScore1796673246754 implements MigrationInterface {
  name = 'AddOrganisationCallScore1796673246754';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_call_score" ("organisation_id" uuid NOT NULL, "call_id" uuid NOT NULL, "score" real NOT NULL, "relevant" boolean NOT NULL, "mark" boolean, "reasons" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55c363d2e547a1b7f1f39f490a3" PRIMARY KEY ("organisation_id", "call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organisation_call_score_call" ON "organisation_call_score" ("call_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organisation_call_score_rank" ON "organisation_call_score" ("organisation_id", "relevant", "score", "call_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_score_state" ("organisation_id" uuid NOT NULL, "marks_stamp" text NOT NULL, "scored_through" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de37e3eef3dcc32348c45a48d29" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_score" ADD CONSTRAINT "FK_e2ae418e0941bfe462343fd4423" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_score" ADD CONSTRAINT "FK_7d8df719deded5fce6d545894fa" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_score_state" ADD CONSTRAINT "FK_de37e3eef3dcc32348c45a48d29" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_score_state" DROP CONSTRAINT "FK_de37e3eef3dcc32348c45a48d29"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_score" DROP CONSTRAINT "FK_7d8df719deded5fce6d545894fa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_score" DROP CONSTRAINT "FK_e2ae418e0941bfe462343fd4423"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_score_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisation_call_score_rank"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisation_call_score_call"`);
    await queryRunner.query(`DROP TABLE "organisation_call_score"`);
  }
}
