import { DEMO_SOURCES, runVigie, TEST_TODAY, useCrawlSandbox } from '@app/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A source whose feed the fixture server does not have: its run fails, the others go on. */
const BROKEN_SOURCE = `
  - id: demo-broken-rss
    name: Source cassée (démo)
    kind: rss
    url: \${FIXTURE_BASE_URL}/nulle-part/fiches-rss.xml
    funder: Région introuvable
    territory: [R75]
    schedule: "0 6 * * *"
`;

/**
 * The CLI as scripts use it (cron jobs, CI): exit codes 0 / 1 / 2, progress on stderr (plain
 * lines when piped), JSON alone on stdout. A real process against a real PostgreSQL.
 */
describe('vigie exit codes, progress and --json', () => {
  const sandbox = useCrawlSandbox('vigie-cli-exit-', { today: TEST_TODAY });
  let sourcesFile: string;

  beforeAll(() => {
    // The first demo source (an RSS feed with detail pages), then the broken one.
    const demo = readFileSync(DEMO_SOURCES, 'utf8');
    const firstSource = demo.slice(0, demo.indexOf('\n  - id: demo-grand-est-html'));
    sourcesFile = join(sandbox.folder, 'sources.yaml');
    writeFileSync(sourcesFile, `${firstSource}\n${BROKEN_SOURCE}`);
  });

  it('documents its exit codes in --help', async () => {
    const help = await runVigie(['--help'], sandbox.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Codes de sortie/);
    expect(help.stdout).toMatch(/^\s+2\s+usage ou entrée invalide/m);
  });

  it('exits 2 on bad usage or input, saying why', async () => {
    const unknownOption = await runVigie(['sources:list', '--bogus'], sandbox.env);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/--bogus/);
    const missingFile = await runVigie(
      ['sources:import', join(sandbox.folder, 'absent.yaml')],
      sandbox.env,
    );
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/absent\.yaml/);
  });

  it('exits 1 when a source fails in watch --once, summary printed, one progress line per source on stderr', async () => {
    const imported = await runVigie(['sources:import', sourcesFile, '--json'], sandbox.env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).created).toHaveLength(2);

    const run = await runVigie(['watch', '--once'], sandbox.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/demo-nouvelle-aquitaine-rss : OK/);
    expect(run.stdout).toMatch(/demo-broken-rss : ÉCHEC/);
    // Piped: one plain progress line per source, no terminal escapes.
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('collecte '));
    expect(progress).toHaveLength(2);
    expect(progress.join('\n')).toMatch(/^collecte 1\/2 /m);
    expect(progress.join('\n')).toMatch(/^collecte 2\/2 /m);
    expect(progress.join('\n')).toMatch(/demo-broken-rss ÉCHEC/);
    expect(progress.join('\n')).toMatch(/demo-nouvelle-aquitaine-rss OK \(\d+ lus\)/);
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr).toMatch(/1 source\(s\) en échec : demo-broken-rss/);
  });

  it('exits 0 when all the work succeeded, with only the JSON on stdout', async () => {
    const run = await runVigie(
      ['watch', '--once', '--json', '--source', 'demo-nouvelle-aquitaine-rss'],
      sandbox.env,
    );
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout) as Array<{ sourceId: string; status: string }>;
    expect(reports.map((report) => [report.sourceId, report.status])).toEqual([
      ['demo-nouvelle-aquitaine-rss', 'succeeded'],
    ]);
    expect(run.stderr).toMatch(/^collecte 1\/1 demo-nouvelle-aquitaine-rss OK/m);
  });

  it('rescores with progress on stderr and a JSON report on stdout', async () => {
    await sandbox.database.dataSource.query('DELETE FROM call_classification');
    const stored = Number(
      (await sandbox.database.dataSource.query('SELECT count(*) AS n FROM call'))[0].n,
    );
    expect(stored).toBeGreaterThan(0);
    const run = await runVigie(['calls:rescore', '--json'], sandbox.env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      scored: number;
      pending: { unscored: number; changed: number; outdated: number };
      version: string;
    };
    expect(report).toMatchObject({ scored: stored, pending: { unscored: stored } });
    expect(report.version).toEqual(expect.any(String));
    expect(run.stderr).toMatch(new RegExp(`^classement ${stored} appel\\(s\\) classé\\(s\\)`, 'm'));
  });
});
