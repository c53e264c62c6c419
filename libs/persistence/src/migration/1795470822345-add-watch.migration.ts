import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWatch1795470822345 implements MigrationInterface {
  name = 'AddWatch1795470822345';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collectif_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectif_id" uuid NOT NULL, "member_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'invited', "share_follows" boolean NOT NULL DEFAULT false, "share_statuses" boolean NOT NULL DEFAULT false, "share_notes" boolean NOT NULL DEFAULT false, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_collectif_membership" UNIQUE ("collectif_id", "member_id"), CONSTRAINT "PK_04499da8547e0635a6b8c3bb2a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_collectif_membership_member" ON "collectif_membership" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "digest_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_key" text NOT NULL, "period" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_digest_delivery_subject_period" UNIQUE ("subject_key", "period"), CONSTRAINT "PK_fcd2c831f7b54a7aa064290f163" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "watch_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "themes" text array NOT NULL DEFAULT '{}', "include_keywords" text array NOT NULL DEFAULT '{}', "exclude_keywords" text array NOT NULL DEFAULT '{}', "territories" text array NOT NULL DEFAULT '{}', "audiences" text array NOT NULL DEFAULT '{}', "eu_funds" text array NOT NULL DEFAULT '{}', "min_amount_cents" bigint, "min_score" real, "deadline_horizon_days" integer, "digest_frequency" text NOT NULL DEFAULT 'weekly', "digest_recipients" text array NOT NULL DEFAULT '{}', "feed_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f104cfe31f6242e17e6022b166" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_profile_organisation" ON "watch_profile" ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "feed_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "profile_id" uuid, "token_hash" text NOT NULL, "token_prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_66bfd4235adfb2de7e6e3344e0a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feed_token_organisation" ON "feed_token" ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_feed_token_hash" ON "feed_token" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_call_state" ("organisation_id" uuid NOT NULL, "call_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'new', "notes" text NOT NULL DEFAULT '', "follow" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7af2e5c20b2b529d388eeaeb81" PRIMARY KEY ("organisation_id", "call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organisation_call_state_call" ON "organisation_call_state" ("call_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shared_pick" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collectif_id" uuid NOT NULL, "call_id" uuid NOT NULL, "annotation" text NOT NULL DEFAULT '', "joint_bid" boolean NOT NULL DEFAULT false, "picked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_shared_pick_collectif_call" UNIQUE ("collectif_id", "call_id"), CONSTRAINT "PK_afb4b97a038c9cb860f023825b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "watch_cursor" ("name" text NOT NULL, "position" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_63c74cbdca10920815ac909a522" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "watch_match" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "profile_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "call_id" uuid NOT NULL, "score" real NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "matched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "change_event_id" uuid, "change_summary" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_watch_match_profile_call" UNIQUE ("profile_id", "call_id"), CONSTRAINT "PK_133b88c0a1aa49ee7663c85f2f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_match_organisation" ON "watch_match" ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_watch_match_call" ON "watch_match" ("call_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_watch_match_profile_matched" ON "watch_match" ("profile_id", "matched_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_match_profile_score" ON "watch_match" ("profile_id", "score") `,
    );
    await queryRunner.query(
      `ALTER TABLE "collectif_membership" ADD CONSTRAINT "FK_f16e94589a15e095dce9c6217f9" FOREIGN KEY ("collectif_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "collectif_membership" ADD CONSTRAINT "FK_3bc60029bd739e70243b9a54ca2" FOREIGN KEY ("member_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_profile" ADD CONSTRAINT "FK_89771fe7420816298100beb55af" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_token" ADD CONSTRAINT "FK_3bb8812408988cdbcdb9e3b01a4" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_token" ADD CONSTRAINT "FK_4886943324ef9a2296655e2bf88" FOREIGN KEY ("profile_id") REFERENCES "watch_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_state" ADD CONSTRAINT "FK_8d1004138afb979f629d3cad2b7" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_state" ADD CONSTRAINT "FK_994a5d6d2e9e2d477c58172afbe" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shared_pick" ADD CONSTRAINT "FK_d7437c803d63d6146f0c75cf079" FOREIGN KEY ("collectif_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shared_pick" ADD CONSTRAINT "FK_0cae71f11d3091282ec5fe7bdea" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_match" ADD CONSTRAINT "FK_7eb22be7b54b94384a5fca46f45" FOREIGN KEY ("profile_id") REFERENCES "watch_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_match" ADD CONSTRAINT "FK_4a7d1ef20dc11ee3749bf50fbda" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "watch_match" DROP CONSTRAINT "FK_4a7d1ef20dc11ee3749bf50fbda"`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_match" DROP CONSTRAINT "FK_7eb22be7b54b94384a5fca46f45"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shared_pick" DROP CONSTRAINT "FK_0cae71f11d3091282ec5fe7bdea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shared_pick" DROP CONSTRAINT "FK_d7437c803d63d6146f0c75cf079"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_state" DROP CONSTRAINT "FK_994a5d6d2e9e2d477c58172afbe"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_call_state" DROP CONSTRAINT "FK_8d1004138afb979f629d3cad2b7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_token" DROP CONSTRAINT "FK_4886943324ef9a2296655e2bf88"`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_token" DROP CONSTRAINT "FK_3bb8812408988cdbcdb9e3b01a4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "watch_profile" DROP CONSTRAINT "FK_89771fe7420816298100beb55af"`,
    );
    await queryRunner.query(
      `ALTER TABLE "collectif_membership" DROP CONSTRAINT "FK_3bc60029bd739e70243b9a54ca2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "collectif_membership" DROP CONSTRAINT "FK_f16e94589a15e095dce9c6217f9"`,
    );
    await queryRunner.query(`DROP TABLE "watch_match"`);
    await queryRunner.query(`DROP TABLE "watch_cursor"`);
    await queryRunner.query(`DROP TABLE "shared_pick"`);
    await queryRunner.query(`DROP TABLE "organisation_call_state"`);
    await queryRunner.query(`DROP TABLE "feed_token"`);
    await queryRunner.query(`DROP TABLE "watch_profile"`);
    await queryRunner.query(`DROP TABLE "digest_delivery"`);
    await queryRunner.query(`DROP TABLE "collectif_membership"`);
  }
}
