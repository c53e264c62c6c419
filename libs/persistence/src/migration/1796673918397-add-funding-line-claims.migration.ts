import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 21: a reimbursement fund's payment claims, kept with their funding line. */
export class AddFundingLineClaims1796673918397 implements MigrationInterface {
  name = 'AddFundingLineClaims1796673918397';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "funding_line" ADD "claims" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "funding_line" DROP COLUMN "claims"`);
  }
}
