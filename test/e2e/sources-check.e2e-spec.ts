import { buildDist, runVigie } from '@app/testing';

/** `vigie sources:check` as a deployer runs it: the built CLI, no database, no network. */
describe('vigie sources:check', () => {
  const env = { AIDES_TERRITOIRES_TOKEN: '', LOG_LEVEL: 'warn' };
  const own = [
    'aides-territoires-national-numerique',
    'aides-territoires-puy-de-dome',
    'aides-territoires-auvergne-rhone-alpes',
    'eu-funding-tenders',
  ];

  beforeAll(() => buildDist(), 120_000);

  it('--recorded --json replays the national APIs through their config entries, one JSON array', async () => {
    const result = await runVigie(
      [
        'sources:check',
        '--recorded',
        '--json',
        '--date',
        '2026-12-07',
        ...own.flatMap((id) => ['--source', id]),
      ],
      env,
    );
    // stderr holds only the progress, one plain line per source (piped): stdout is the JSON.
    expect(result.stderr.trimEnd().split('\n')).toEqual(
      own.map((id, index) =>
        expect.stringMatching(new RegExp(`^vérification ${index + 1}/${own.length} ${id} `)),
      ),
    );
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(reports.map((r) => r.id)).toEqual(own);
    for (const report of reports) {
      expect(Object.keys(report)).toEqual([
        'id',
        'kind',
        'publisher',
        'enabled',
        'territory',
        'departements',
        'items',
        'withDeadline',
        'withDescription',
        'withFunder',
        'evidence',
        'recorded',
        'problems',
      ]);
      expect(report).toMatchObject({ enabled: true, recorded: true, problems: [] });
    }
    expect(reports[1]).toMatchObject({
      publisher: 'Aides-territoires',
      territory: ['63'],
      departements: ['63'],
      items: 3,
      withDeadline: 2,
      withFunder: 3,
      evidence: { confidence: 'high', seen: '2026-12-07' },
    });
    expect(reports[3]).toMatchObject({
      kind: 'eu-sedia',
      publisher: 'Commission européenne',
      items: 4,
    });
    expect(new Set(reports.map((r) => r.publisher)).size).toBe(2);
  }, 60_000);

  it('says in French that a source waits for its token, and fails with exit 1 on a broken source', async () => {
    const human = await runVigie(
      [
        'sources:check',
        '--recorded',
        '--date',
        '2026-12-07',
        '--source',
        'aides-territoires-puy-de-dome',
      ],
      env,
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      'En attente de son jeton : définissez la variable d’environnement AIDES_TERRITOIRES_TOKEN.',
    );
    expect(human.stdout).toContain('3 appel(s) lu(s) ; avec date limite 67 %');

    // Live mode without the token: not fetched, reported, and the check fails.
    const live = await runVigie(
      ['sources:check', '--json', '--source', 'aides-territoires-puy-de-dome'],
      env,
    );
    expect(live.code).toBe(1);
    const [report] = JSON.parse(live.stdout) as Array<{ problems: string[]; items: number }>;
    expect(report.items).toBe(0);
    expect(report.problems).toEqual([expect.stringContaining('AIDES_TERRITOIRES_TOKEN')]);
  }, 60_000);

  it('refuses an unknown source id', async () => {
    const result = await runVigie(['sources:check', '--recorded', '--source', 'nope'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('source(s) inconnue(s) dans le fichier : nope');
  }, 60_000);
});
