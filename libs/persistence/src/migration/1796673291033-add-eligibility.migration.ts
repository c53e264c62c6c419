import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEligibility1796673291033 implements MigrationInterface {
  name = 'AddEligibility1796673291033';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_eligibility" ("call_id" uuid NOT NULL, "version" text NOT NULL, "beneficiaries" jsonb NOT NULL DEFAULT '[]', "content_hash" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_02cc52b251b03b7f6b01c4d9d29" PRIMARY KEY ("call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_call_eligibility_version" ON "call_eligibility" ("version") `,
    );
    await queryRunner.query(`ALTER TABLE "organisation" ADD "legal_form" text`);
    await queryRunner.query(
      `ALTER TABLE "call_eligibility" ADD CONSTRAINT "FK_02cc52b251b03b7f6b01c4d9d29" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "call_eligibility" DROP CONSTRAINT "FK_02cc52b251b03b7f6b01c4d9d29"`,
    );
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "legal_form"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_eligibility_version"`);
    await queryRunner.query(`DROP TABLE "call_eligibility"`);
  }
}
