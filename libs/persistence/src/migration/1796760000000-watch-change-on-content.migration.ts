import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 4, measured by bench:national: the change log of calls for matching
 * (`watch_call_change`) was written by every UPDATE of a call or of its classification,
 * including the bookkeeping ones. A crawl that re-reads a feed touches `last_seen_at` of every
 * call it lists, and a scoring pass stamps `classified_at`, so 1,000 real changes on the
 * sources queued 8,499 calls for matching (every call of every re-read feed). Now a row is
 * logged only when something matching can read changed: the row minus its bookkeeping columns
 * (sightings, stamps, classifier version) is compared as JSON, so a column added later counts
 * as content by default. Inserts and the other tables' triggers are unchanged.
 */
const BOOKKEEPING: Record<'call' | 'call_classification', string[]> = {
  call: ['last_seen_at', 'updated_at'],
  call_classification: ['classified_at', 'version'],
};

export class WatchChangeOnContent1796760000000 implements MigrationInterface {
  name = 'WatchChangeOnContent1796760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(BOOKKEEPING)) {
      const ignored = `ARRAY[${columns.map((column) => `'${column}'`).join(', ')}]`;
      await queryRunner.query(`DROP TRIGGER tr_${table}_watch_change ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_watch_change_insert AFTER INSERT ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION watch_note_${table}_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_watch_change AFTER UPDATE ON "${table}"
         FOR EACH ROW WHEN ((to_jsonb(OLD) - ${ignored}) IS DISTINCT FROM (to_jsonb(NEW) - ${ignored}))
         EXECUTE FUNCTION watch_note_${table}_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(BOOKKEEPING)) {
      await queryRunner.query(`DROP TRIGGER tr_${table}_watch_change ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER tr_${table}_watch_change_insert ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_watch_change AFTER INSERT OR UPDATE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION watch_note_${table}_change()`,
      );
    }
  }
}
