import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCallClassificationAndFeedback1795470795667 implements MigrationInterface {
  name = 'AddCallClassificationAndFeedback1795470795667';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_classification" ("call_id" uuid NOT NULL, "version" text NOT NULL, "score" real NOT NULL, "relevant" boolean NOT NULL, "themes" jsonb NOT NULL DEFAULT '[]', "eu_fund" text, "explanation" jsonb NOT NULL DEFAULT '[]', "content_hash" text NOT NULL, "classified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0fa724a562a88a16c26dbb5e54f" PRIMARY KEY ("call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_call_classification_version" ON "call_classification" ("version") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_call_classification_score" ON "call_classification" ("relevant", "score") `,
    );
    await queryRunner.query(
      `CREATE TABLE "call_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "call_id" uuid NOT NULL, "user_id" uuid, "relevant" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_call_feedback_organisation_call" UNIQUE ("organisation_id", "call_id"), CONSTRAINT "PK_88ea3772f1bde70e630219d2bb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_feedback_call" ON "call_feedback" ("call_id") `);
    await queryRunner.query(
      `ALTER TABLE "call_classification" ADD CONSTRAINT "FK_0fa724a562a88a16c26dbb5e54f" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_feedback" ADD CONSTRAINT "FK_2ef5b388844f4647ab122787971" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_feedback" ADD CONSTRAINT "FK_0c73c8da9da154593fb501a630f" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_feedback" ADD CONSTRAINT "FK_01fd25445f1ba55c26607a6c874" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "call_feedback" DROP CONSTRAINT "FK_01fd25445f1ba55c26607a6c874"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_feedback" DROP CONSTRAINT "FK_0c73c8da9da154593fb501a630f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_feedback" DROP CONSTRAINT "FK_2ef5b388844f4647ab122787971"`,
    );
    await queryRunner.query(
      `ALTER TABLE "call_classification" DROP CONSTRAINT "FK_0fa724a562a88a16c26dbb5e54f"`,
    );
    await queryRunner.query(`DROP TABLE "call_feedback"`);
    await queryRunner.query(`DROP TABLE "call_classification"`);
  }
}
