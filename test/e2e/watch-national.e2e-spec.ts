import { countQueries } from '@app/persistence';
import { createTestApp, freePort, TestApp } from '@app/testing';
import { DigestService, WatchMatchService, WatchProfileService } from '@app/watch';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createOrganisation } from '../factories/organisation.factory';
import { createCall } from '../factories/watch.factory';
import { digestServiceSendingTo } from '../support/digest-service.util';
import { startSmtp } from '../support/smtp.util';

const SUBJECTS = 30;

/**
 * Issue 16, items 3 and 4, in one process on a real PostgreSQL: digests read by due date and
 * sent in batches within a query budget, and matching driven by the calls that changed.
 */
describe('Watch at national scale', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let port: number;
  let callIds: string[];
  const owners: string[] = [];
  const monday = new Date('2026-11-23T08:00:00+01:00');
  const digestService = (): DigestService => digestServiceSendingTo(testApp.app, port);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    testApp = await createTestApp();
    dataSource = testApp.app.get<DataSource>(getDataSourceToken());
    port = await freePort();
    callIds = [];
    for (const title of ['Médiation numérique 2027', 'Tiers-lieux numériques', 'Aidants']) {
      callIds.push((await createCall(testApp.app, { title, territory: ['R84'] })).id);
    }
    // Something for the Paris watchers too, so that no digest is empty (empty ones are skipped).
    await createCall(testApp.app, { title: 'Inclusion numérique à Paris', territory: ['75'] });
    await testApp.app.get(WatchMatchService).refresh();
    // Half the profiles work in the Puy-de-Dôme (R84 calls concern them), half in Paris.
    for (let index = 0; index < SUBJECTS; index++) {
      const organisation = await createOrganisation(testApp.app);
      const [{ email }] = await dataSource.query(
        `SELECT u.email FROM membership m JOIN user_account u ON u.id = m.user_id
          WHERE m.organisation_id = $1`,
        [organisation.organisationId],
      );
      owners.push(email);
      await testApp.app.get(WatchProfileService).create(organisation.organisationId, {
        name: `Veille ${index}`,
        themes: ['mediation_numerique'],
        territories: [index % 2 === 0 ? '63' : '75'],
      });
    }
  });
  afterAll(() => testApp.close());

  it('sends the weekly wave once per recipient, SMTP down then back, within 3 queries a subject', async () => {
    const down = await digestService().runDue(monday);
    expect(down).toMatchObject({ sent: 0, failed: SUBJECTS });

    const smtp = await startSmtp(port);
    try {
      // Every subject waits for its retry: a tick before then reads one index and sends nothing.
      const early = countQueries(dataSource);
      expect(await digestService().runDue(new Date(monday.getTime() + 1000))).toMatchObject({
        sent: 0,
        failed: 0,
      });
      early.stop();
      expect(early.count).toBe(1);

      const wave = countQueries(dataSource);
      const later = new Date(monday.getTime() + 5 * 60_000);
      expect(await digestService().runDue(later)).toMatchObject({ sent: SUBJECTS, failed: 0 });
      wave.stop();
      expect(wave.count / SUBJECTS).toBeLessThanOrEqual(3);

      // Later in the same week, and from another worker: nothing more.
      expect(await digestService().runDue(new Date(later.getTime() + 3600_000))).toMatchObject({
        sent: 0,
        failed: 0,
      });
      const recipients = smtp.mails.map((mail) => (mail.to as { text: string }).text).sort();
      expect(recipients).toEqual([...owners].sort());
      expect(smtp.mails[0].subject).toContain('Veille');
    } finally {
      await smtp.close();
    }
    expect(await count(`SELECT count(*) AS n FROM digest_delivery WHERE status = 'sent'`)).toBe(
      SUBJECTS,
    );
  });

  it('a tick with nothing due is one indexed query, and the subjects wait for next week', async () => {
    const counter = countQueries(dataSource);
    const tick = await testApp.app
      .get(DigestService)
      .claimDue(new Date(monday.getTime() + 2 * 3600_000), 1000);
    counter.stop();
    expect(tick).toEqual({ subjectKeys: [], consentsDue: false });
    expect(counter.count).toBe(1);
    // With so few rows PostgreSQL would rather scan; forbidding that shows the index serves it.
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(
        `EXPLAIN SELECT subject_key FROM digest_schedule WHERE next_due_at <= now()
          ORDER BY next_due_at LIMIT 1000`,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('ix_digest_schedule_next_due');
    // Next Monday 00:00 in Paris is when every subject comes due again.
    expect(
      await count(
        `SELECT count(*) AS n FROM digest_schedule WHERE next_due_at = '2026-11-30T00:00:00+01:00'`,
      ),
    ).toBe(SUBJECTS);
  });

  it('matches only the calls that changed since the last pass, and writes each match once', async () => {
    const matches = testApp.app.get(WatchMatchService);
    const matchesOf = (callId: string) =>
      count(`SELECT count(*) AS n FROM watch_match WHERE call_id = $1`, [callId]);
    expect(await matchesOf(callIds[0])).toBe(SUBJECTS / 2);
    // Every change so far was taken by earlier passes: the log is empty.
    expect(await matches.refresh()).toEqual({ calls: 0, upserted: 0, removed: 0 });

    // One call moves from Auvergne-Rhône-Alpes to Paris: its Puy-de-Dôme watchers lose it.
    await dataSource.query(`UPDATE call SET territory = '{75}', updated_at = now() WHERE id = $1`, [
      callIds[0],
    ]);
    expect(await matches.refresh()).toEqual({
      calls: 1,
      upserted: SUBJECTS / 2,
      removed: SUBJECTS / 2,
    });
    // The next pass finds nothing new to read, and nothing was written twice.
    expect(await matches.refresh()).toEqual({ calls: 0, upserted: 0, removed: 0 });
    expect(await matchesOf(callIds[0])).toBe(SUBJECTS / 2);
    expect(
      await count(
        `SELECT count(*) AS n FROM watch_match m JOIN watch_profile p ON p.id = m.profile_id
          WHERE m.call_id = $1 AND p.territories = '{75}'`,
        [callIds[0]],
      ),
    ).toBe(SUBJECTS / 2);
    // The calls that did not change keep their matches.
    expect(await matchesOf(callIds[1])).toBe(SUBJECTS / 2);
    expect(await matchesOf(callIds[2])).toBe(SUBJECTS / 2);
  });
});
