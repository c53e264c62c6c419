import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '@app/testing';
import { parseMultipart } from '../connector/source-request.util';
import type { Fetcher } from '../fetch/fetcher.types';
import { loadSources } from '../source/source.loader';
import type { SourceDefinition } from '../source/source.types';
import { checkSources, type SourceCheckReport } from './check-sources.util';
import type { ReplayedRequest } from './recorded-answers.server';

const recordedDir = resolve(repoRoot, 'test/fixtures/recorded');
const referenceDate = '2026-12-07';
const OWN_SOURCES = [
  'aides-territoires-national-numerique',
  'aides-territoires-puy-de-dome',
  'aides-territoires-auvergne-rhone-alpes',
  'eu-funding-tenders',
];

/** The sources through their own entries in config/sources.yaml. */
function configSources(ids = OWN_SOURCES): SourceDefinition[] {
  const all = loadSources(resolve(repoRoot, 'config/sources.yaml'));
  return ids.map((id) => all.find((source) => source.id === id)!);
}

const byId = (reports: SourceCheckReport[], id: string) => reports.find((r) => r.id === id)!;
const headerOf = (request: ReplayedRequest, name: string) => String(request.headers[name] ?? '');

describe(checkSources.name, () => {
  describe('recorded answers of the national APIs, through config/sources.yaml', () => {
    let reports: SourceCheckReport[];
    const replayed: ReplayedRequest[] = [];

    beforeAll(async () => {
      reports = await checkSources(configSources(), {
        recordedDir,
        referenceDate,
        env: {},
        replayed,
      });
    }, 60_000);

    it('reads every recorded source without a problem, each waiting for its token', () => {
      for (const report of reports) {
        expect({ id: report.id, problems: report.problems }).toEqual({
          id: report.id,
          problems: [],
        });
        expect(report).toMatchObject({ recorded: true, enabled: true });
        expect(report.evidence?.confidence).toBe('high');
      }
      expect(byId(reports, 'aides-territoires-puy-de-dome').waitingForToken).toContain(
        'AIDES_TERRITOIRES_TOKEN',
      );
      expect(byId(reports, 'eu-funding-tenders').waitingForToken).toBeNull();
    });

    it('aides-territoires (national): follows `next`, maps titles, pages, deadlines, funders, perimeters and rolling aids', () => {
      const report = byId(reports, 'aides-territoires-national-numerique');
      expect(report).toMatchObject({ publisher: 'Aides-territoires', items: 3, withDeadline: 2 });
      expect(report.departements).toHaveLength(101);
      const [mediation, aidants, droits] = report.calls;
      expect(mediation).toMatchObject({
        title: 'Renforcer la médiation numérique dans les structures de proximité',
        url: 'https://aides-territoires.beta.gouv.fr/aides/f1a2-mediation-numerique-structures-de-proximite/',
        deadlines: [{ date: '2027-03-31' }],
        opensAt: '2026-11-15',
        funders: ['Agence nationale de la cohésion des territoires (ANCT)'],
        territory: ['FR'],
        status: 'open',
        amounts: { ratePct: 80 },
      });
      expect(mediation.aidTypes).toContain('aap');
      expect(mediation.audiences).toEqual(
        expect.arrayContaining(['associations', 'collectivites']),
      );
      expect(aidants).toMatchObject({ rolling: true, deadlines: [], territory: ['FR'] });
      expect(droits).toMatchObject({
        deadlines: [{ date: '2027-02-15' }],
        funders: ['Caisse nationale des allocations familiales (CNAF)'],
      });
    });

    it('aides-territoires: logs in once per source, with the secret header, and sends the token as Bearer', () => {
      const logins = replayed.filter((r) => r.url.endsWith('/api/connexion/'));
      expect(logins).toHaveLength(3);
      for (const login of logins) {
        expect(login.method).toBe('POST');
        expect(headerOf(login, 'x-auth-token')).not.toBe('');
        expect(login.headers.authorization).toBeUndefined();
      }
      const api = replayed.filter((r) => /\/api\/(aids|perimeters)\//.test(r.url));
      expect(api.length).toBeGreaterThanOrEqual(5);
      for (const request of api) {
        expect(request.matched).toBe(true);
        expect(headerOf(request, 'authorization')).toBe('Bearer recorded');
        expect(request.headers['x-auth-token']).toBeUndefined();
      }
    });

    it('aides-territoires (Puy-de-Dôme): resolves the perimeter by scale and code, then filters on it', () => {
      const lookup = replayed.find((r) => r.url.includes('/api/perimeters/'))!;
      const url = new URL(lookup.url);
      expect(url.searchParams.get('q')).toBe('Puy-de-Dôme');
      expect(url.searchParams.get('scale')).toBe('department');
      const aids = replayed.filter((r) => r.url.includes('perimeter_id=99963'));
      expect(aids).toHaveLength(1);
      expect(new URL(aids[0].url).searchParams.getAll('organization_type_slugs')).toEqual([
        'association',
        'commune',
        'epci',
      ]);
      const report = byId(reports, 'aides-territoires-puy-de-dome');
      expect(report.departements).toEqual(['63']);
      expect(report.calls.map((c) => [c.title, c.territory, c.funders])).toEqual([
        [
          'Soutien aux espaces de médiation numérique du Puy-de-Dôme',
          ['63'],
          ['Conseil départemental du Puy-de-Dôme'],
        ],
        // An EPCI name is not one of our codes: not guessed, the source's territory stands.
        [
          'Appel à projets inclusion numérique de la métropole',
          ['246300701'],
          ['Clermont Auvergne Métropole'],
        ],
        [
          'Fonds régional de soutien à la vie associative',
          ['R84'],
          ['Région Auvergne-Rhône-Alpes'],
        ],
      ]);
      expect(report.calls[2]).toMatchObject({ rolling: true, deadlines: [] });
    });

    it('aides-territoires (Auvergne-Rhône-Alpes): sends the known perimeter id', () => {
      expect(replayed.filter((r) => r.url.includes('perimeter_id=70973'))).toHaveLength(1);
      expect(replayed.some((r) => r.url.includes('/api/perimeters/?q=Auvergne'))).toBe(false);
      const report = byId(reports, 'aides-territoires-auvergne-rhone-alpes');
      expect(report.departements).toEqual(
        expect.arrayContaining([
          '01',
          '03',
          '07',
          '15',
          '26',
          '38',
          '42',
          '43',
          '63',
          '69',
          '73',
          '74',
        ]),
      );
      expect(report.departements).toHaveLength(12);
      expect(report.calls.map((c) => [c.title, c.territory, c.deadlines[0]?.date])).toEqual([
        ['Tiers-lieux et fabriques de territoire en Auvergne-Rhône-Alpes', ['R84'], '2027-04-30'],
        ['Déployer des France Services itinérantes', ['FR'], '2027-06-30'],
      ]);
      expect(report.calls[1].funders).toEqual([
        'Agence nationale de la cohésion des territoires (ANCT)',
        'Banque des Territoires',
      ]);
    });

    it('eu-sedia: posts the multipart form with our programmes, one call per topic, open and forthcoming only', () => {
      const search = replayed.find((r) => r.url.includes('search-api'))!;
      expect(search.method).toBe('POST');
      const contentType = headerOf(search, 'content-type');
      expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
      const raw = search.body.toString('utf8');
      expect(raw).toMatch(
        /Content-Disposition: form-data; name="query"; filename="blob"\r\nContent-Type: application\/json\r\n/,
      );
      const parts = parseMultipart(search.body, contentType);
      expect(Object.keys(parts)).toEqual(['query', 'languages', 'sort']);
      expect(JSON.parse(parts.query).bool.must).toEqual(
        expect.arrayContaining([
          { terms: { status: ['31094501', '31094502'] } },
          { terms: { frameworkProgramme: ['43254019', '43251589', '43353764', '43152860'] } },
        ]),
      );
      const report = byId(reports, 'eu-funding-tenders');
      expect(report.calls.map((c) => [c.externalId, c.status, c.euFund])).toEqual([
        ['SOCPL-2027-SOC-NETW-OG', 'open', 'FSE_PLUS'],
        ['CERV-2027-CITIZENS-CIV', 'open', 'CERV'],
        ['ERASMUS-EDU-2027-PCOOP-ENGO', 'forthcoming', 'ERASMUS_PLUS'],
        ['DIGITAL-2027-SKILLS-09-INCLUSION', 'open', 'DIGITAL_EUROPE'],
      ]);
      expect(report.calls[0]).toMatchObject({
        title: 'Operating grants to EU-level social NGO networks',
        url: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/socpl-2027-soc-netw-og',
        deadlines: [{ date: '2027-03-12' }],
        funders: ['Commission européenne'],
        territory: ['FR'],
      });
      expect(report.calls[3].deadlines).toEqual([
        { date: '2027-02-10', label: '1re étape' },
        { date: '2027-06-15', label: '2e étape' },
      ]);
      expect(report).toMatchObject({ items: 4, withDeadline: 4, withFunder: 4 });
    });
  });

  it('sends the real secret when it is set, and prints it nowhere', async () => {
    const secret = 'at-secret-4f9c2e';
    const replayed: ReplayedRequest[] = [];
    const reports = await checkSources(configSources(['aides-territoires-auvergne-rhone-alpes']), {
      recordedDir,
      referenceDate,
      env: { AIDES_TERRITOIRES_TOKEN: secret },
      replayed,
    });
    const login = replayed.find((r) => r.url.endsWith('/api/connexion/'))!;
    expect(headerOf(login, 'x-auth-token')).toBe(secret);
    expect(reports[0].waitingForToken).toBeNull();
    expect(JSON.stringify(reports)).not.toContain(secret);
    expect(JSON.stringify(reports)).not.toContain('Bearer');
  });

  it('live mode: a source waiting for its token is not fetched and says which variable to set', async () => {
    const fetcher: Fetcher = { fetch: jest.fn() };
    const [report] = await checkSources(configSources(['aides-territoires-puy-de-dome']), {
      fetcher,
      referenceDate,
      env: {},
    });
    expect(fetcher.fetch).not.toHaveBeenCalled();
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^En attente de son jeton : définissez la variable d’environnement AIDES_TERRITOIRES_TOKEN\. Créez un compte/,
      ),
    ]);
  });

  it('a source without a recorded answer is reported unrecorded, not fetched and not failed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vigie-recorded-'));
    const [report] = await checkSources(configSources(['eu-funding-tenders']), {
      recordedDir: empty,
      referenceDate,
    });
    expect(report).toMatchObject({ recorded: false, items: 0, problems: [] });
  });

  describe('an answer that is not what the entry expects fails that source only, in French', () => {
    function recordedFolder(
      answers: Record<string, { status?: number; type: string; body: string }>,
    ) {
      const dir = mkdtempSync(join(tmpdir(), 'vigie-recorded-'));
      const folder = join(dir, 'aides-territoires-auvergne-rhone-alpes');
      mkdirSync(folder);
      const entries = Object.entries(answers).map(([key, answer], index) => {
        const [method, url] = key.split(' ');
        writeFileSync(join(folder, `answer-${index}`), answer.body);
        return {
          method,
          url,
          status: answer.status ?? 200,
          contentType: answer.type,
          file: `answer-${index}`,
        };
      });
      writeFileSync(join(folder, 'answers.json'), JSON.stringify(entries));
      return dir;
    }
    const LOGIN = 'POST https://aides-territoires.beta.gouv.fr/api/connexion/';
    const AIDS =
      'GET https://aides-territoires.beta.gouv.fr/api/aids/?organization_type_slugs=association&organization_type_slugs=commune&organization_type_slugs=epci&itemsPerPage=100&perimeter_id=70973';
    const check = async (dir: string) =>
      (
        await checkSources(
          configSources(['aides-territoires-auvergne-rhone-alpes', 'eu-funding-tenders']),
          {
            recordedDir: dir,
            referenceDate,
            env: { AIDES_TERRITOIRES_TOKEN: 'secret-xyz' },
          },
        )
      )[0];

    it('an HTML page where JSON was expected', async () => {
      const report = await check(
        recordedFolder({
          [LOGIN]: { type: 'application/json', body: '{"token":"t"}' },
          [AIDS]: { type: 'text/html', body: '<html><title>Maintenance</title></html>' },
        }),
      );
      expect(report.items).toBe(0);
      expect(report.problems).toEqual([
        expect.stringContaining('du JSON était attendu, une page HTML est arrivée'),
      ]);
    });

    it('an empty listing', async () => {
      const report = await check(
        recordedFolder({
          [LOGIN]: { type: 'application/json', body: '{"token":"t"}' },
          [AIDS]: {
            type: 'application/json',
            body: '{"count":0,"next":null,"previous":null,"results":[]}',
          },
        }),
      );
      expect(report.problems).toEqual([expect.stringContaining('aucune aide dans la réponse')]);
    });

    it('a refused key: 401 at login, reported without the secret', async () => {
      const report = await check(
        recordedFolder({
          [LOGIN]: { status: 401, type: 'application/json', body: '{"message":"User not found"}' },
        }),
      );
      expect(report.problems).toEqual([
        expect.stringMatching(
          /^Accès refusé par aides-territoires\.beta\.gouv\.fr \(HTTP 401\) : .*AIDES_TERRITOIRES_TOKEN/,
        ),
      ]);
      expect(JSON.stringify(report)).not.toContain('secret-xyz');
    });
  });
});
