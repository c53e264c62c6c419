import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a sighting is found again when its source's site moves. Existing rows stay null: the
 * key needs the store's folding of the snapshot, so each crawl writes it on its calls' next
 * sighting (one locked write per row, once) rather than this migration copying that code.
 */
export class CallSourceIdentityKey1796663792453 implements MigrationInterface {
  name = 'CallSourceIdentityKey1796663792453';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_source" ADD "identity_key" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_call_source_identity" ON "call_source" ("source_id", "identity_key") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_call_source_identity"`);
    await queryRunner.query(`ALTER TABLE "call_source" DROP COLUMN "identity_key"`);
  }
}
