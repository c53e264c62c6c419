import { createTestDatabase, TestDatabase } from '@app/testing';
import { createCall } from '../../../../test/factories/call.factory';
import { CallClassification } from '../entity';
import { WatchChangeOnContent1796760000000 } from './1796760000000-watch-change-on-content.migration';

/** What goes into the change log that matching reads (issue 16 item 4). */
describe(WatchChangeOnContent1796760000000.name, () => {
  let database: TestDatabase;
  const query = <T>(sql: string, params: unknown[] = []) =>
    database.dataSource.query(sql, params) as Promise<T>;
  const logged = async (callId: string) =>
    (await query<unknown[]>(`SELECT 1 FROM watch_call_change WHERE call_id = $1`, [callId]))
      .length === 1;
  const forget = () => query(`DELETE FROM watch_call_change`);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('logs a call when it is new or its content moves, not when a crawl only sees it again', async () => {
    const call = await createCall(database.dataSource);
    expect(await logged(call.id)).toBe(true);

    await forget();
    await query(`UPDATE call SET last_seen_at = now(), updated_at = now() WHERE id = $1`, [
      call.id,
    ]);
    expect(await logged(call.id)).toBe(false);

    await query(`UPDATE call SET status = 'closed', updated_at = now() WHERE id = $1`, [call.id]);
    expect(await logged(call.id)).toBe(true);

    await forget();
    await query(`UPDATE call SET territory = '{84}' WHERE id = $1`, [call.id]);
    expect(await logged(call.id)).toBe(true);
  });

  it('logs a classification when its figures move, not when a pass only stamps it', async () => {
    const call = await createCall(database.dataSource);
    await database.dataSource.getRepository(CallClassification).save({
      callId: call.id,
      version: 'v1',
      score: 0.4,
      relevant: false,
      themes: [],
      euFund: null,
      explanation: [],
      evidence: null,
      feedbackTerms: null,
      contentHash: call.contentHash,
      classifiedAt: new Date(),
    });
    expect(await logged(call.id)).toBe(true);

    await forget();
    await query(
      `UPDATE call_classification SET classified_at = now(), version = 'v2' WHERE call_id = $1`,
      [call.id],
    );
    expect(await logged(call.id)).toBe(false);

    await query(`UPDATE call_classification SET score = 0.8, relevant = true WHERE call_id = $1`, [
      call.id,
    ]);
    expect(await logged(call.id)).toBe(true);
  });
});
