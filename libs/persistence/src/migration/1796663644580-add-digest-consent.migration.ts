import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDigestConsent1796663644580 implements MigrationInterface {
  name = 'AddDigestConsent1796663644580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "digest_delivery" DROP CONSTRAINT "uq_digest_delivery_subject_period"`,
    );
    await queryRunner.query(
      `CREATE TABLE "digest_recipient" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "subject_key" text NOT NULL, "email" text NOT NULL, "status" text NOT NULL, "token_hash" text, "token_expires_at" TIMESTAMP WITH TIME ZONE, "mail_status" text, "mail_attempts" integer NOT NULL DEFAULT '0', "mail_next_attempt_at" TIMESTAMP WITH TIME ZONE, "mail_locked_until" TIMESTAMP WITH TIME ZONE, "mail_last_error" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_digest_recipient_subject_email" UNIQUE ("subject_key", "email"), CONSTRAINT "ck_digest_recipient_status" CHECK ("status" IN ('pending', 'confirmed', 'unsubscribed')), CONSTRAINT "PK_2930fb9a7afa495d304a92df856" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_digest_recipient_token_hash" ON "digest_recipient" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_delivery" ADD "recipient" text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`ALTER TABLE "digest_delivery" ADD "unsubscribe_token_hash" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_digest_delivery_unsubscribe_token_hash" ON "digest_delivery" ("unsubscribe_token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_delivery" ADD CONSTRAINT "uq_digest_delivery_subject_period_recipient" UNIQUE ("subject_key", "period", "recipient")`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_recipient" ADD CONSTRAINT "FK_cb08336a010375b20c57fad5282" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "digest_recipient" DROP CONSTRAINT "FK_cb08336a010375b20c57fad5282"`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest_delivery" DROP CONSTRAINT "uq_digest_delivery_subject_period_recipient"`,
    );
    // One row per subject and period again: the per-recipient rows cannot all stay.
    await queryRunner.query(`DELETE FROM "digest_delivery" WHERE "recipient" <> ''`);
    await queryRunner.query(`DROP INDEX "public"."uq_digest_delivery_unsubscribe_token_hash"`);
    await queryRunner.query(`ALTER TABLE "digest_delivery" DROP COLUMN "unsubscribe_token_hash"`);
    await queryRunner.query(`ALTER TABLE "digest_delivery" DROP COLUMN "recipient"`);
    await queryRunner.query(`DROP INDEX "public"."uq_digest_recipient_token_hash"`);
    await queryRunner.query(`DROP TABLE "digest_recipient"`);
    await queryRunner.query(
      `ALTER TABLE "digest_delivery" ADD CONSTRAINT "uq_digest_delivery_subject_period" UNIQUE ("subject_key", "period")`,
    );
  }
}
