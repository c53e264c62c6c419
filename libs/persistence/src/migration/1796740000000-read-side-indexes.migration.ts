import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 item 7: the calls list sorted by deadline (`GET /api/calls?sort=deadline`, the
 * finder) orders by `COALESCE(c.next_deadline, DATE '9999-12-31')` then the score: without an
 * index on that expression PostgreSQL sorted every call (a sequential scan of 200,000 calls and
 * an external sort, 470 ms on a loaded machine) to return 20; with it, it walks the calls by
 * deadline and stops once the page is full (8 ms). The expression must stay the one the
 * ranking query writes (`CallRankingQuery`), or the index is not used. The expression alone
 * (ties are sorted by score as they come): TypeORM does not read expression indexes, so this
 * one stays out of the schema diff, like `ix_call_search_text`.
 *
 * The other orders already have their index (`call_classification (relevant, score)`); the
 * API's count no longer needs one (it stops at 1,000 like the pages' count).
 */
export class ReadSideIndexes1796740000000 implements MigrationInterface {
  name = 'ReadSideIndexes1796740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_call_deadline_order" ON "call" ((COALESCE("next_deadline", DATE '9999-12-31')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_call_deadline_order"`);
  }
}
