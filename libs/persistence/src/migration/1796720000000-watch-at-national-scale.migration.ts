import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (items 3 and 4): digests found by due date and matching driven by what changed.
 * `digest_schedule` holds one row per digest subject with the time it is next due, so a tick
 * with nothing due reads one index; calls and classifications are found by an indexed change
 * time; profiles are found from a call's territories and themes through GIN indexes.
 */
export class WatchAtNationalScale1796720000000 implements MigrationInterface {
  name = 'WatchAtNationalScale1796720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "digest_schedule" ("subject_key" text NOT NULL, "next_due_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT '1970-01-01 00:00:00+00', CONSTRAINT "PK_digest_schedule" PRIMARY KEY ("subject_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_digest_schedule_next_due" ON "digest_schedule" ("next_due_at") `,
    );
    // Every existing subject is due at once: the current period decides whether it was served.
    await queryRunner.query(
      `INSERT INTO "digest_schedule" ("subject_key")
       SELECT 'profile:' || id FROM watch_profile WHERE digest_frequency <> 'none'
       UNION SELECT DISTINCT 'collectif:' || collectif_id FROM shared_pick`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_digest_recipient_mail_due" ON "digest_recipient" ("mail_next_attempt_at") WHERE status = 'pending' AND mail_status IN ('due', 'failed')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_updated_at" ON "call" ("updated_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_call_classification_classified_at" ON "call_classification" ("classified_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_profile_territories" ON "watch_profile" USING gin ("territories")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_profile_themes" ON "watch_profile" USING gin ("themes")`,
    );
    // The change log of calls for matching: one row per call changed and not matched since,
    // written by the database itself so no writer of calls or scores can forget it.
    await queryRunner.query(
      `CREATE TABLE "watch_call_change" ("call_id" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_watch_call_change" PRIMARY KEY ("call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_watch_call_change_changed_at" ON "watch_call_change" ("changed_at") `,
    );
    for (const [table, column] of [
      ['call', 'id'],
      ['call_classification', 'call_id'],
    ]) {
      await queryRunner.query(
        `CREATE FUNCTION watch_note_${table}_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO watch_call_change (call_id, changed_at) VALUES (NEW.${column}, clock_timestamp())
           ON CONFLICT (call_id) DO UPDATE SET changed_at = excluded.changed_at;
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_watch_change AFTER INSERT OR UPDATE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION watch_note_${table}_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['call', 'call_classification']) {
      await queryRunner.query(`DROP TRIGGER tr_${table}_watch_change ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION watch_note_${table}_change()`);
    }
    await queryRunner.query(`DROP TABLE "watch_call_change"`);
    await queryRunner.query(`DROP INDEX "ix_watch_profile_themes"`);
    await queryRunner.query(`DROP INDEX "ix_watch_profile_territories"`);
    await queryRunner.query(`DROP INDEX "ix_call_classification_classified_at"`);
    await queryRunner.query(`DROP INDEX "ix_call_updated_at"`);
    await queryRunner.query(`DROP INDEX "ix_digest_recipient_mail_due"`);
    await queryRunner.query(`DROP TABLE "digest_schedule"`);
  }
}
