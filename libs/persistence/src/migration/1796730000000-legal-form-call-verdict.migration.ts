import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows move a call's figure for an organisation: noted for watch matching. */
const NOTED_TABLES = ['legal_form_call_verdict', 'call_feedback'];

/**
 * The calls each legal form may not apply to (issue 15 item 1): the ranking joins it through
 * the organisation's legal form. Filled from call_eligibility as it is (re)computed; the
 * existing rows are marked stale so the worker's next pass fills it for every call.
 */
export class LegalFormCallVerdict1796730000000 implements MigrationInterface {
  name = 'LegalFormCallVerdict1796730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "legal_form_call_verdict" ("legal_form" text NOT NULL, "call_id" uuid NOT NULL, "summary" text NOT NULL, CONSTRAINT "PK_f90baadde3a66e4b8f15f7e2b35" PRIMARY KEY ("legal_form", "call_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_legal_form_call_verdict_call" ON "legal_form_call_verdict" ("call_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "legal_form_call_verdict" ADD CONSTRAINT "FK_4b1c59e9a3c35559dfeb6f3f3eb" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Watch matches follow the verdicts: a verdict written or dropped notes its call for
    // matching (like a call or its score), and a legal-form change re-matches the profiles.
    // A mark too: « pertinent » on a call its legal form may not apply to brings it back.
    for (const table of NOTED_TABLES) {
      await queryRunner.query(
        `CREATE FUNCTION watch_note_${table}_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO watch_call_change (call_id, changed_at)
           VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.call_id ELSE NEW.call_id END, clock_timestamp())
           ON CONFLICT (call_id) DO UPDATE SET changed_at = excluded.changed_at;
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_watch_change AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION watch_note_${table}_change()`,
      );
    }
    await queryRunner.query(`ALTER TABLE "organisation" ADD "matched_legal_form" text`);
    // Every stored extraction is re-read once, which writes its verdicts.
    await queryRunner.query(`UPDATE "call_eligibility" SET "version" = 'stale:' || "version"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "matched_legal_form"`);
    for (const table of NOTED_TABLES) {
      await queryRunner.query(`DROP TRIGGER tr_${table}_watch_change ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION watch_note_${table}_change()`);
    }
    await queryRunner.query(
      `ALTER TABLE "legal_form_call_verdict" DROP CONSTRAINT "FK_4b1c59e9a3c35559dfeb6f3f3eb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_legal_form_call_verdict_call"`);
    await queryRunner.query(`DROP TABLE "legal_form_call_verdict"`);
  }
}
