import { CallClassificationService } from '@app/classifier';
import {
  buildDist,
  createTestApp,
  freePort,
  startWorker,
  stopProcess,
  TestApp,
  waitFor,
} from '@app/testing';
import { WatchMatchService, WatchProfileService } from '@app/watch';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createOrganisation } from '../factories/organisation.factory';
import { createCall } from '../factories/watch.factory';

const SUBJECTS = 40;

/** An SMTP server that takes its time over each message, so a kill lands mid-wave. */
async function startSlowSmtp(port: number, delayMs: number) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        }, delayMs),
      );
    },
  });
  // A client killed mid-session (a worker under kill -9) resets its socket: that is the point
  // of the fault tests, not an error of the test's server.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Issue 16 faults: a worker killed with SIGKILL in the middle of a digest wave and of a matching
 * batch; another worker (a real process) finishes the work, nothing lost, nothing twice.
 */
describe('Watch jobs when a worker is killed', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let folder: string;
  let smtpPort: number;
  const owners: string[] = [];
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await dataSource.query(sql, params))[0].n);
  const env = () => ({
    DATABASE_URL: testApp.database.url,
    VIGIE_HOME: join(folder, 'home'),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    WATCH_TICK_SECONDS: '1',
    WATCH_JOB_LEASE_SECONDS: '3',
    // The kill is noticed at the first maintenance pass after the lease: keep the wait short.
    JOB_MAINTENANCE_SECONDS: '2',
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    buildDist();
    testApp = await createTestApp();
    dataSource = testApp.app.get<DataSource>(getDataSourceToken());
    folder = mkdtempSync(join(tmpdir(), 'vigie-watch-kill-'));
    smtpPort = await freePort();
    await createCall(testApp.app, { title: 'Médiation numérique 2027', territory: [] });
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
      });
    }
    // Scored as the workers would: they find nothing left to classify.
    await testApp.app.get(CallClassificationService).scorePending();
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a digest wave cut by SIGKILL is finished by another worker, each mail once', async () => {
    const smtp = await startSlowSmtp(smtpPort, 150);
    try {
      const first = await startWorker(env());
      await waitFor(async () => smtp.received.length >= 6, 60_000);
      await stopProcess(first.child, 'SIGKILL');
      const atKill = smtp.received.length;
      expect(atKill).toBeLessThan(SUBJECTS);

      const second = await startWorker(env());
      try {
        await waitFor(
          async () =>
            (await count(
              `SELECT count(*) AS n FROM digest_delivery WHERE status IN ('sent', 'uncertain')`,
            )) === SUBJECTS,
          60_000,
        );
      } finally {
        await stopProcess(second.child, 'SIGTERM');
      }
      const uncertain: Array<{ recipient: string }> = await dataSource.query(
        `SELECT recipient FROM digest_delivery WHERE status = 'uncertain'`,
      );
      // Nothing twice: no address got two digests.
      expect(new Set(smtp.received).size).toBe(smtp.received.length);
      // Nothing lost: each got its digest, except what was in the SMTP server's hands at the
      // kill, which is marked uncertain for an operator rather than risked twice.
      const served = new Set([...smtp.received, ...uncertain.map((row) => row.recipient)]);
      expect([...served].sort()).toEqual([...owners].sort());
      // At most one chunk of 8 messages per digest lane (2 lanes) is in the server's hands.
      expect(uncertain.length).toBeLessThanOrEqual(16);
      expect(smtp.received.length).toBeGreaterThan(atKill);
    } finally {
      await smtp.close();
    }
  }, 180_000);

  it('matching batches cut by SIGKILL are finished by another worker, every match once', async () => {
    // A national case in miniature: 1,500 profiles, 300 changed calls (3 batches).
    await dataSource.query(
      `INSERT INTO watch_profile
       SELECT (jsonb_populate_record(NULL::watch_profile, to_jsonb(p) || jsonb_build_object(
                 'id', gen_random_uuid(), 'digest_frequency', 'none',
                 'territories', CASE WHEN g % 3 = 0 THEN '{}'::text[]
                                     ELSE ARRAY[lpad((g % 95 + 1)::text, 2, '0')] END))).*
         FROM (SELECT * FROM watch_profile LIMIT 1) p, generate_series(1, 1500) g`,
    );
    await dataSource.query(
      `INSERT INTO call
       SELECT (jsonb_populate_record(NULL::call, to_jsonb(c) || jsonb_build_object(
                 'id', gen_random_uuid(), 'fingerprint', md5(g::text), 'url', 'https://f.test/' || g,
                 'title', 'Appel ' || g,
                 'territory', CASE WHEN g % 4 = 0 THEN '{}'::text[]
                                   ELSE ARRAY[lpad((g % 95 + 1)::text, 2, '0')] END))).*
         FROM (SELECT * FROM call LIMIT 1) c, generate_series(1, 300) g`,
    );
    await dataSource.query(
      `INSERT INTO call_classification
       SELECT (jsonb_populate_record(NULL::call_classification, to_jsonb(cc)
                 || jsonb_build_object('call_id', c.id, 'classified_at', now()))).*
         FROM call c, (SELECT * FROM call_classification LIMIT 1) cc
        WHERE c.title LIKE 'Appel %'`,
    );
    const newCalls: Array<{ id: string }> = await dataSource.query(
      `SELECT id FROM call WHERE title LIKE 'Appel %'`,
    );
    const jobsLeft = () =>
      count(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'watch-match-calls'
            AND state IN ('created', 'retry', 'active')`,
      );

    const first = await startWorker(env());
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM watch_match m JOIN call c ON c.id = m.call_id
            WHERE c.title LIKE 'Appel %'`,
        )) > 0,
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${first.output()}`);
    });
    await stopProcess(first.child, 'SIGKILL');
    const unfinished = await jobsLeft();

    const second = await startWorker(env());
    try {
      await waitFor(async () => (await jobsLeft()) === 0, 240_000);
    } finally {
      await stopProcess(second.child, 'SIGTERM');
    }
    expect(unfinished).toBeGreaterThan(0);
    // Nothing lost, nothing stale: matching them all again here changes nothing.
    const again = await testApp.app.get(WatchMatchService).refresh(newCalls.map((row) => row.id));
    expect(again).toMatchObject({ calls: 300, upserted: 0, removed: 0 });
    expect(
      await count(`SELECT count(*) - count(DISTINCT (profile_id, call_id)) AS n FROM watch_match`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM watch_match m JOIN call c ON c.id = m.call_id
          WHERE c.title LIKE 'Appel %'`,
      ),
    ).toBeGreaterThan(300);
  }, 540_000);
});
