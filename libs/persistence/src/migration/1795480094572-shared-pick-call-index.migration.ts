import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedPickCallIndex1795480094572 implements MigrationInterface {
  name = 'SharedPickCallIndex1795480094572';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_shared_pick_call" ON "shared_pick" ("call_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_shared_pick_call"`);
  }
}
