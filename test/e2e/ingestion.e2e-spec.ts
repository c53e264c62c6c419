import {
  DEMO_SOURCES,
  runVigie,
  startWorker,
  stopProcess,
  TEST_TODAY,
  useCrawlSandbox,
  waitFor,
} from '@app/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  [column: string]: unknown;
}

/**
 * Ingestion as a user runs it: the CLI and worker processes against a local server of feeds
 * in each connector's shape, on a real PostgreSQL.
 */
describe('ingestion end to end', () => {
  const sandbox = useCrawlSandbox('vigie-ingestion-', { today: TEST_TODAY });
  const query = (sql: string, params: unknown[] = []): Promise<Row[]> =>
    sandbox.database.dataSource.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await query(sql, params))[0].n);

  it('refuses a sources file with a typo, naming file and line, and imports nothing', async () => {
    const file = join(sandbox.folder, 'typo.yaml');
    writeFileSync(
      file,
      readFileSync(DEMO_SOURCES, 'utf8').replace(
        '    follow: true\n    detail:\n      title: h1.headline-aide',
        '    folow: true\n    detail:\n      title: h1.headline-aide',
      ),
    );
    const result = await runVigie(['sources:import', file], sandbox.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+ source "demo-nouvelle-aquitaine-rss", field "folow": unknown key; did you mean "follow"\\?`,
      ),
    );
    expect(await count('SELECT count(*) AS n FROM source')).toBe(0);
  });

  it('imports the sources, finds every call with its deadlines and funders, then finds them unchanged', async () => {
    const imported = await runVigie(['sources:import', DEMO_SOURCES], sandbox.env);
    expect(imported.stderr).not.toMatch(/Erreur/);
    expect(imported.stdout).toContain('6 créée(s)');

    const first = await runVigie(['watch', '--once', '--json'], sandbox.env);
    expect(first.code).toBe(0);
    const reports = JSON.parse(first.stdout) as Array<{
      sourceId: string;
      status: string;
      fetched: number;
      unchanged: number;
      failed: number;
    }>;
    expect(reports.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));

    const calls = (await query('SELECT title, funders, deadlines FROM call')) as Array<{
      title: string;
      funders: string[];
      deadlines: Array<{ date: string }>;
    }>;
    const published = sandbox.server.calls();
    expect(calls).toHaveLength(published.length);
    for (const fixture of published) {
      const stored = calls.find((call) => call.title === fixture.title);
      expect({ id: fixture.id, found: !!stored }).toEqual({ id: fixture.id, found: true });
      expect(stored?.funders).toContain(fixture.funder);
      expect(stored?.deadlines.map((d) => d.date)).toEqual(
        expect.arrayContaining(fixture.deadlines.map((d) => d.date)),
      );
    }

    const second = await runVigie(['watch', '--once'], sandbox.env);
    expect(second.code).toBe(0);
    for (const line of second.stdout
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith(' '))) {
      expect(line).toMatch(
        /OK — (\d+) lus, 0 nouveaux, 0 modifiés, \1 inchangés, 0 retirés, 0 en échec/,
      );
    }
    // Answered from 304s: what the crawler keeps between runs is validators and hashes, no page.
    const states = (await query('SELECT connector_state::text AS state FROM source')) as Array<{
      state: string;
    }>;
    for (const { state } of states) expect(state).not.toMatch(/"(text|detail)":|<\/|\\u003c/);
    const seenBefore = await count(
      `SELECT count(*) AS n FROM call WHERE status NOT IN ('withdrawn') AND last_seen_at > now() - interval '1 hour'`,
    );
    expect(seenBefore).toBe(published.length);

    // A third unchanged run: still nothing withdrawn, every call still seen.
    const third = await runVigie(['watch', '--once', '--json'], sandbox.env);
    expect(third.code).toBe(0);
    const thirdReports = JSON.parse(third.stdout) as Array<{
      withdrawn: number;
      fetched: number;
      unchanged: number;
      notModified: number;
    }>;
    expect(thirdReports.map((r) => r.withdrawn)).toEqual(Array(6).fill(0));
    expect(thirdReports.every((r) => r.unchanged === r.fetched)).toBe(true);
    expect(thirdReports.reduce((sum, r) => sum + r.notModified, 0)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM call WHERE status = 'withdrawn'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM call_source WHERE missing_runs > 0`)).toBe(0);
  });

  it('records one change event when a deadline moves on the server', async () => {
    sandbox.server.setDeadline('occ-irrigation', '2027-09-30');
    const run = await runVigie(['watch', '--once', '--source', 'demo-occitanie-ods'], sandbox.env);
    expect(run.stdout).toContain('1 modifiés');
    const events = await query(
      `SELECT e.summary, e.changes FROM call_event e JOIN call c ON c.id = e.call_id WHERE e.kind = 'changed' AND c.title = $1`,
      ['Modernisation des réseaux d’irrigation'],
    );
    expect(events).toHaveLength(1);
    expect(events[0].summary).toContain('au 30/09/2027');
    const exported = await runVigie(['calls:export', '--format', 'jsonl'], sandbox.env);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string; history: Array<{ kind: string }> });
    expect(lines).toHaveLength(sandbox.server.calls().length);
    expect(
      lines.find((l) => l.title.startsWith('Modernisation'))?.history.map((h) => h.kind),
    ).toEqual(['created', 'changed']);
  });

  it('crawls each source once per window with two workers at once', async () => {
    const file = join(sandbox.folder, 'fast.yaml');
    writeFileSync(
      file,
      readFileSync(DEMO_SOURCES, 'utf8').replace(/schedule: "[^"]+"/g, 'schedule: "*/4 * * * * *"'),
    );
    expect((await runVigie(['sources:import', file], sandbox.env)).code).toBe(0);
    const callsBefore = await count('SELECT count(*) AS n FROM call');
    const fast = { ...sandbox.env, INGESTION_TICK_SECONDS: '1' };
    const workers = await Promise.all([startWorker(fast), startWorker(fast)]);
    try {
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*) AS n FROM source_run WHERE trigger = 'schedule' AND status <> 'running'`,
          )) >= 8,
        40_000,
      );
    } finally {
      await Promise.all(workers.map((worker) => stopProcess(worker.child, 'SIGTERM')));
    }
    const runs = (await query(
      `SELECT source_id, started_at, finished_at FROM source_run WHERE trigger = 'schedule' ORDER BY source_id, started_at`,
    )) as Array<{
      source_id: string;
      started_at: Date;
      finished_at: Date | null;
    }>;
    // No two runs of one source overlap, and each window has one job whichever worker ticked.
    runs.forEach((run, i) => {
      const previous = runs[i - 1];
      if (previous?.source_id === run.source_id)
        expect(run.started_at.getTime()).toBeGreaterThanOrEqual(
          (previous.finished_at as Date).getTime(),
        );
    });
    const windows = await query(
      `SELECT data->>'sourceId' AS source, data->>'window' AS win, count(*) AS n FROM pgboss.job
        WHERE name = 'ingestion-run-source' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(windows).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM call')).toBe(callsBefore);
    expect(
      await count(
        'SELECT count(*) AS n FROM (SELECT source_id, external_id FROM call_source GROUP BY 1, 2 HAVING count(*) > 1) d',
      ),
    ).toBe(0);
  });

  it('loses nothing when a worker is killed mid-run and restarted', async () => {
    sandbox.server.setDeadline('ge-accessibilite-numerique', '2027-10-15');
    // A slow crawl (politeness pause) so the kill lands in the middle of the Grand Est listing.
    const slow = { ...sandbox.env, INGESTION_TICK_SECONDS: '1', CRAWLER_MIN_DELAY_MS: '400' };
    const before = new Date();
    const worker = await startWorker(slow);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM source_run WHERE source_id = 'demo-grand-est-html' AND status = 'running' AND started_at > $1`,
          [before],
        )) > 0,
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    await stopProcess(worker.child, 'SIGKILL');
    const left = await query(
      `SELECT id FROM source_run WHERE source_id = 'demo-grand-est-html' AND status = 'running'`,
    );
    expect(left).toHaveLength(1);

    const restarted = await startWorker({ ...sandbox.env, INGESTION_TICK_SECONDS: '1' });
    try {
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*) AS n FROM source_run WHERE source_id = 'demo-grand-est-html' AND status = 'succeeded' AND started_at > $1`,
            [before],
          )) > 0,
        25_000,
      );
    } finally {
      await stopProcess(restarted.child, 'SIGTERM');
    }
    const interrupted = await query(`SELECT status, errors FROM source_run WHERE id = $1`, [
      left[0].id,
    ]);
    expect(interrupted[0]).toMatchObject({
      status: 'failed',
      errors: [expect.objectContaining({ code: 'INTERRUPTED' })],
    });
    const call = await query(
      `SELECT id, next_deadline::text AS next_deadline FROM call WHERE title = $1`,
      ['Accessibilité numérique des services aux habitants'],
    );
    expect(call).toHaveLength(1);
    expect(call[0].next_deadline).toBe('2027-10-15');
    expect(
      await count(`SELECT count(*) AS n FROM call_event WHERE call_id = $1 AND kind = 'changed'`, [
        call[0].id,
      ]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM call')).toBe(sandbox.server.calls().length);
  });
});

describe('ingestion of a source with a key', () => {
  const SECRET = 'e2e-key-0c4b9a';
  const sandbox = useCrawlSandbox('vigie-ingestion-key-', {
    env: { E2E_DEMO_AT_API_KEY: SECRET },
  });

  beforeAll(async () => {
    // The demo Aides-territoires source, asking for a key in a header.
    const file = join(sandbox.folder, 'sources.yaml');
    writeFileSync(
      file,
      readFileSync(DEMO_SOURCES, 'utf8').replace(
        '    territory: ["63"]\n',
        '    territory: ["63"]\n    auth: { kind: header, secretEnv: E2E_DEMO_AT_API_KEY, header: X-Api-Key, howToGet: "Demandez la clé." }\n',
      ),
    );
    expect((await runVigie(['sources:import', file], sandbox.env)).code).toBe(0);
  }, 120_000);

  const atCalls = async () =>
    Number(
      (
        await sandbox.database.dataSource.query(
          `SELECT count(*) AS n FROM call c JOIN call_source cs ON cs.call_id = c.id
            WHERE cs.source_id = 'demo-aides-territoires' AND c.status <> 'withdrawn'`,
        )
      )[0].n,
    );

  it('a refused key fails that source only, in French, without the key, and keeps its calls', async () => {
    const first = await runVigie(['watch', '--once', '--json'], sandbox.env);
    expect(first.code).toBe(0);
    const stored = await atCalls();
    expect(stored).toBe(sandbox.server.calls('at').length);

    sandbox.server.setFault('/aides-territoires/', 'status-401');
    for (let run = 0; run < 2; run++) {
      const refused = await runVigie(['watch', '--once', '--json'], sandbox.env);
      expect(refused.code).toBe(1);
      expect(refused.stdout + refused.stderr).not.toContain(SECRET);
      const reports = JSON.parse(refused.stdout) as Array<{
        sourceId: string;
        status: string;
        sourceError: string | null;
      }>;
      const at = reports.find((r) => r.sourceId === 'demo-aides-territoires')!;
      expect(at.status).toBe('failed');
      expect(at.sourceError).toMatch(
        /^AUTH_REFUSED: Accès refusé par 127\.0\.0\.1:\d+ \(HTTP 401\) : la clé n’est pas accepté\(e\) ; vérifiez la variable d’environnement E2E_DEMO_AT_API_KEY/,
      );
      expect(reports.filter((r) => r.sourceId !== at.sourceId).map((r) => r.status)).toEqual(
        Array(reports.length - 1).fill('succeeded'),
      );
    }
    // Two failed runs withdraw nothing.
    expect(await atCalls()).toBe(stored);
    const listed = await runVigie(['sources:list', '--json'], sandbox.env);
    expect(listed.stdout).not.toContain(SECRET);
    expect(
      (JSON.parse(listed.stdout) as Array<{ id: string; lastError: string }>).find(
        (s) => s.id === 'demo-aides-territoires',
      )!.lastError,
    ).toContain('Accès refusé');
  }, 180_000);

  it('without the key the source is not crawled and says which variable to set', async () => {
    const noKey = { ...sandbox.env, E2E_DEMO_AT_API_KEY: '' };
    const run = await runVigie(['watch', '--once', '--source', 'demo-aides-territoires'], noKey);
    expect(run.stdout).toContain(
      'demo-aides-territoires : non collectée — En attente de son jeton : définissez la variable d’environnement E2E_DEMO_AT_API_KEY. Demandez la clé.',
    );
    const listed = await runVigie(['sources:list'], noKey);
    expect(listed.stdout).toContain('en attente de son jeton (E2E_DEMO_AT_API_KEY)');
  }, 120_000);
});
