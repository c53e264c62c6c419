import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFeedbackTerms1795471967893 implements MigrationInterface {
  name = 'AddFeedbackTerms1795471967893';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_classification" ADD "evidence" double precision`);
    await queryRunner.query(`ALTER TABLE "call_classification" ADD "feedback_terms" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_classification" DROP COLUMN "feedback_terms"`);
    await queryRunner.query(`ALTER TABLE "call_classification" DROP COLUMN "evidence"`);
  }
}
