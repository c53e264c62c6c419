import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWebAccounts1795471146413 implements MigrationInterface {
  name = 'AddWebAccounts1795471146413';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "purpose" text NOT NULL, "email" text NOT NULL, "organisation_id" uuid, "role" text, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4572ff5d1264c4a523f01aa86a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_auth_token_hash" ON "auth_token" ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_token_email" ON "auth_token" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "sign_in_throttle" ("key" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL, CONSTRAINT "PK_f838c82d37e24773fc7984a7649" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_credential" ("user_id" uuid NOT NULL, "password_hash" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3ed75d626fd1dc6847bfae267e" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "web_session" ("token_hash" text NOT NULL, "user_id" uuid, "organisation_id" uuid, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6b31e2dd0663686ae0534a20618" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_web_session_user" ON "web_session" ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_web_session_expires_at" ON "web_session" ("expires_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_token" ADD CONSTRAINT "FK_359ceb7fb13c8b5d333704747cf" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_token" ADD CONSTRAINT "FK_f9b1649d04e628a0d260f9e31af" FOREIGN KEY ("created_by_user_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_credential" ADD CONSTRAINT "FK_e3ed75d626fd1dc6847bfae267e" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "web_session" ADD CONSTRAINT "FK_a31729df9a76c8979b283bffd6e" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "web_session" ADD CONSTRAINT "FK_dedff63d717ac8dda1a868de207" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "web_session" DROP CONSTRAINT "FK_dedff63d717ac8dda1a868de207"`,
    );
    await queryRunner.query(
      `ALTER TABLE "web_session" DROP CONSTRAINT "FK_a31729df9a76c8979b283bffd6e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_credential" DROP CONSTRAINT "FK_e3ed75d626fd1dc6847bfae267e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_token" DROP CONSTRAINT "FK_f9b1649d04e628a0d260f9e31af"`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_token" DROP CONSTRAINT "FK_359ceb7fb13c8b5d333704747cf"`,
    );
    await queryRunner.query(`DROP TABLE "web_session"`);
    await queryRunner.query(`DROP TABLE "user_credential"`);
    await queryRunner.query(`DROP TABLE "sign_in_throttle"`);
    await queryRunner.query(`DROP TABLE "auth_token"`);
  }
}
