import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCollectifDigest1795488137529 implements MigrationInterface {
  name = 'AddCollectifDigest1795488137529';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collectif_digest" ("collectif_id" uuid NOT NULL, "frequency" text NOT NULL DEFAULT 'weekly', "recipients" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_collectif_digest_frequency" CHECK ("frequency" IN ('weekly', 'daily', 'none')), CONSTRAINT "PK_db7ca0fa82f9fbb9acbc41ff548" PRIMARY KEY ("collectif_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "collectif_digest" ADD CONSTRAINT "FK_db7ca0fa82f9fbb9acbc41ff548" FOREIGN KEY ("collectif_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "collectif_digest" DROP CONSTRAINT "FK_db7ca0fa82f9fbb9acbc41ff548"`,
    );
    await queryRunner.query(`DROP TABLE "collectif_digest"`);
  }
}
